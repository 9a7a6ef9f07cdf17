package io.monago.atrium.gateway.limit;

import io.monago.atrium.gateway.exchange.UsageSoFar;
import io.monago.atrium.protocol.ErrorCode;
import java.util.Optional;

/**
 * The store's answer to a demand: admitted (and reserved), or refused with the limit that refused
 * it and when to try again.
 *
 * @param refusal why the call may not go on now, if it may not
 * @param usage what the key and workspace had used before this call
 */
public record Admission(Optional<Refusal> refusal, UsageSoFar usage) {

    /**
     * A refused call.
     *
     * @param code {@code rate_limit_exceeded} or {@code budget_exceeded}
     * @param limit the limit, named as in the configuration (e.g. {@code key clinic-app idr_per_day})
     * @param retryAfterSeconds when the window that refused it ends
     */
    public record Refusal(ErrorCode code, String limit, long retryAfterSeconds) {}
}
