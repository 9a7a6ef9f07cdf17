package io.monago.atrium.gateway.chain;

import io.monago.atrium.gateway.exchange.Exchange;
import io.vertx.core.Future;

/**
 * What a filter does to the answer on its way back to the caller. Returned by the filter's request
 * half, so it can hold what that half learned about this one call (a redaction session, an
 * idempotency claim) without putting it on the exchange.
 *
 * <p>An answer half sees every kind of {@link Answer}: a whole completion, a chunked one (it
 * transforms the chunks by returning {@link Answer.Chunked#through}), an error, or a replay.
 */
@FunctionalInterface
public interface AnswerHalf {

    /** Looks at nothing: the answer passes unchanged. */
    AnswerHalf NONE = (exchange, answer) -> Future.succeededFuture(answer);

    /**
     * Runs the answer half.
     *
     * @param exchange the call's state
     * @param answer the answer so far
     * @return the answer to pass on; a failed future is answered as an internal error
     */
    Future<Answer> onAnswer(Exchange exchange, Answer answer);
}
