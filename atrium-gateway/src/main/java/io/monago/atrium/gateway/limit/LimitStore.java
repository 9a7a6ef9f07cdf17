package io.monago.atrium.gateway.limit;

import io.vertx.core.Future;

/**
 * Counts calls, tokens and rupiah per key and workspace. Reserving checks every limit and, when
 * all hold, takes the demand in one atomic step, so concurrent calls cannot all pass a check that
 * only one of them fits.
 */
public interface LimitStore {

    /**
     * Checks a call's demand against its limits and reserves it when every limit holds.
     *
     * @param demand the call's estimate
     * @return admitted or refused, with the usage so far
     */
    Future<Admission> reserve(Demand demand);

    /**
     * Replaces a reservation with what the call really used (zero for a call that was refused
     * later or failed before the provider answered).
     *
     * @param demand the reserved demand
     * @param tokens the tokens really used
     * @param idr the rupiah really spent
     * @return completes when it is counted
     */
    Future<Void> settle(Demand demand, long tokens, double idr);
}
