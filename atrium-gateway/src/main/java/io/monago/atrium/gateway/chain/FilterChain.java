package io.monago.atrium.gateway.chain;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filters a call walks through, in order, and the endpoint at the end. Request halves run
 * first to last until one answers or rejects, or the endpoint answers; then the answer halves of the
 * filters that continued run last to first. A filter that fails (an exception, a failed future)
 * ends the walk with an internal error, which still goes back through the answer halves, so the
 * call is still audited. Immutable; one chain serves every call.
 *
 * <pre>{@code
 * FilterChain chain = new FilterChain(List.of(audit, authenticate, validate), provider);
 * chain.handle(exchange).onSuccess(answer -> render(exchange, answer));
 * }</pre>
 */
public final class FilterChain {

    private static final Logger LOG = LoggerFactory.getLogger(FilterChain.class);

    private final Filter[] filters;
    private final Endpoint endpoint;

    /**
     * Creates a chain.
     *
     * @param filters the filters, in the order a request meets them
     * @param endpoint what answers a call that passed every filter
     */
    public FilterChain(List<? extends Filter> filters, Endpoint endpoint) {
        this.filters = filters.toArray(Filter[]::new);
        this.endpoint = endpoint;
    }

    /**
     * Walks one call through the chain.
     *
     * @param exchange the call's state
     * @return the answer after every answer half ran; never a failed future
     */
    public Future<Answer> handle(Exchange exchange) {
        return new Walk(exchange).forward(0);
    }

    /** One call's walk: which answer halves to run on the way back. */
    private final class Walk {
        private final Exchange exchange;
        private final AnswerHalf[] halves = new AnswerHalf[filters.length];

        Walk(Exchange exchange) {
            this.exchange = exchange;
        }

        /** Runs request halves from {@code i}; stays in a loop while they complete at once. */
        Future<Answer> forward(int i) {
            for (; i < filters.length; i++) {
                Future<Step> step = request(filters[i]);
                if (!step.isComplete()) {
                    int at = i;
                    return step.transform(ar -> afterRequest(at, ar));
                }
                Future<Answer> stop = afterRequestOrContinue(i, step);
                if (stop != null) {
                    return stop;
                }
            }
            Future<Answer> answer = endpoint();
            if (!answer.isComplete()) {
                return answer.transform(ar -> backward(filters.length - 1, answerOf(ar, "the provider call")));
            }
            return backward(filters.length - 1, answerOf(answer, "the provider call"));
        }

        private Future<Answer> afterRequest(int i, AsyncResult<Step> ar) {
            Future<Answer> stop = afterRequestOrContinue(i, ar);
            return stop != null ? stop : forward(i + 1);
        }

        /** {@return the walk's answer when filter {@code i} stopped it, or null to go on} */
        private Future<Answer> afterRequestOrContinue(int i, AsyncResult<Step> ar) {
            if (ar.failed()) {
                return backward(i - 1, internalError(filters[i].getClass().getSimpleName(), ar.cause()));
            }
            Step step = ar.result();
            if (step instanceof Step.Proceed p) {
                halves[i] = p.answerHalf();
                return null;
            }
            if (step instanceof Step.Reply r) {
                return backward(i - 1, r.answer());
            }
            return backward(i - 1, new Answer.Failure(((Step.Reject) step).rejection()));
        }

        /** Runs answer halves from {@code i} down to the first filter. */
        Future<Answer> backward(int i, Answer answer) {
            for (; i >= 0; i--) {
                AnswerHalf half = halves[i];
                if (half == null || half == AnswerHalf.NONE) {
                    continue;
                }
                Future<Answer> next = answerHalf(half, answer);
                String name = filters[i].getClass().getSimpleName();
                if (!next.isComplete()) {
                    int at = i;
                    return next.transform(ar -> backward(at - 1, answerOf(ar, name)));
                }
                answer = answerOf(next, name);
            }
            return Future.succeededFuture(answer);
        }

        private Future<Step> request(Filter filter) {
            try {
                return filter.onRequest(exchange);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        }

        private Future<Answer> endpoint() {
            try {
                return endpoint.call(exchange);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        }

        private Future<Answer> answerHalf(AnswerHalf half, Answer answer) {
            try {
                return half.onAnswer(exchange, answer);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        }

        private Answer answerOf(AsyncResult<Answer> ar, String where) {
            return ar.succeeded() ? ar.result() : internalError(where, ar.cause());
        }

        private Answer internalError(String where, Throwable cause) {
            LOG.error(
                    "request {} failed inside the gateway ({})",
                    exchange.auditId(),
                    where,
                    MessageFreeFailure.of(cause));
            return new Answer.Failure(
                    Rejection.of(ErrorCode.INTERNAL_ERROR, "the gateway failed to process the request"));
        }
    }
}
