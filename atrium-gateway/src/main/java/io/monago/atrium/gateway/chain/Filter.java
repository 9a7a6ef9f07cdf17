package io.monago.atrium.gateway.chain;

import io.monago.atrium.gateway.exchange.Exchange;
import io.vertx.core.Future;

/**
 * One step of a call's walk through the gateway: authentication, idempotency, validation, model
 * access, routing, inspection, the policy decision, redaction, metering, audit. Its request half
 * runs on the way in and says how the walk goes on (see {@link Step}): continue (optionally asking
 * to see the answer on its way back), answer locally, or reject. Answer halves run in reverse order.
 *
 * <p>A filter runs on the event loop that received the call. It may return a future that completes
 * later (I/O, or CPU-heavy work moved to the worker pool with {@link Offload}); the chain waits for
 * it before the next filter runs, so the order of events for one call never changes.
 *
 * <pre>{@code
 * final class TraceTagFilter implements Filter {
 *     public Future<Step> onRequest(Exchange exchange) {
 *         if (exchange.request().header("X-Forbidden").isPresent()) {
 *             return Step.reject(Rejection.invalid("header X-Forbidden is not accepted"));
 *         }
 *         return Step.proceed();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Filter {

    /**
     * Runs the request half.
     *
     * @param exchange the call's state
     * @return how the walk goes on; a failed future is answered as an internal error
     */
    Future<Step> onRequest(Exchange exchange);
}
