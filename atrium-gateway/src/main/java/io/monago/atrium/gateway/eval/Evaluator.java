package io.monago.atrium.gateway.eval;

import io.vertx.core.Future;
import java.util.OptionalDouble;

/**
 * Scores one call's request or answer: 0 is clean, 1 the worst. What is done with the score
 * (record, flag, block) and how often it runs are configuration, held by {@link
 * ConfiguredEvaluator}, so an evaluator only scores.
 *
 * <pre>{@code
 * Evaluator shouting = input -> Future.succeededFuture(
 *         OptionalDouble.of(input.text().equals(input.text().toUpperCase()) ? 1 : 0));
 * }</pre>
 */
@FunctionalInterface
public interface Evaluator {

    /**
     * Scores a call.
     *
     * @param input what the evaluator reads
     * @return the score, 0 to 1, or empty when the evaluator does not apply to this call (the
     *     JSON check of a request that asked for no JSON); a failed future is an evaluator error
     */
    Future<OptionalDouble> evaluate(EvalInput input);
}
