package io.monago.atrium.gateway.chain;

import io.monago.atrium.gateway.exchange.Rejection;
import io.vertx.core.Future;

/**
 * What a filter's request half decided: continue, answer locally, or reject. The static factories
 * return completed futures, so a filter that decides at once writes {@code return Step.proceed();}.
 */
public sealed interface Step {

    /** Continue, without looking at the answer: the value, for a filter that decides in a future. */
    Step CONTINUE = new Proceed(AnswerHalf.NONE);

    /**
     * Continue to the next filter.
     *
     * @param answerHalf what this filter does to the answer on its way back; {@link AnswerHalf#NONE}
     *     when nothing
     */
    record Proceed(AnswerHalf answerHalf) implements Step {}

    /**
     * Answer here without going further (an idempotent replay). Answer halves of the filters before
     * this one still run.
     *
     * @param answer the answer
     */
    record Reply(Answer answer) implements Step {}

    /**
     * Stop with an error. Answer halves of the filters before this one still run, so a refused call
     * is metered (at no cost) and audited like any other.
     *
     * @param rejection why
     */
    record Reject(Rejection rejection) implements Step {}

    /** {@return continue, without looking at the answer} */
    static Future<Step> proceed() {
        return StepConstants.PROCEED;
    }

    /**
     * {@return continue, and see the answer on its way back}
     *
     * @param answerHalf what to do with the answer on its way back
     */
    static Future<Step> proceed(AnswerHalf answerHalf) {
        return Future.succeededFuture(new Proceed(answerHalf));
    }

    /**
     * {@return answer here}
     *
     * @param answer the answer
     */
    static Future<Step> reply(Answer answer) {
        return Future.succeededFuture(new Reply(answer));
    }

    /**
     * {@return stop with an error}
     *
     * @param rejection why the call stops
     */
    static Future<Step> reject(Rejection rejection) {
        return Future.succeededFuture(new Reject(rejection));
    }
}
