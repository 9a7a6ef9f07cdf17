package io.monago.atrium.gateway.audit;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;

/**
 * Fails closed: while the audit store cannot write, a call is refused with 503
 * {@code audit_unavailable} before it reaches the provider, since its record could not be kept. The
 * refusal goes back through {@link AuditFilter} like any answer, so its record is still tried; the
 * first write that succeeds marks the store healthy again and calls flow once more.
 */
public final class AuditGateFilter implements Filter {

    /** The answer to a call that cannot be recorded. */
    static final Rejection UNAVAILABLE = Rejection.of(
            ErrorCode.AUDIT_UNAVAILABLE,
            "the call could not be recorded in the audit trail, so it was not answered; retry later");

    private final AuditStore store;

    /**
     * Creates the filter.
     *
     * @param store the store whose health decides
     */
    public AuditGateFilter(AuditStore store) {
        this.store = store;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        return store.isHealthy() ? Step.proceed() : Step.reject(UNAVAILABLE);
    }
}
