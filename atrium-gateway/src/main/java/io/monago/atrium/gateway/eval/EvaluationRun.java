package io.monago.atrium.gateway.eval;

import io.monago.atrium.gateway.exchange.Evaluation;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one stage's evaluators on one call: those in the call's sample, all at once; then, in their
 * configured order, records each result on the exchange, flags the call, and says whether one
 * blocks it. An evaluator that fails is an {@code error} result (fail open) or counts as over its
 * threshold (fail closed); its failure's message is not recorded, only the word.
 */
final class EvaluationRun {
    private EvaluationRun() {}

    /**
     * Runs the evaluators.
     *
     * @param exchange the call
     * @param evaluators the stage's evaluators, in configured order
     * @param input what they read
     * @param canBlock whether a block can still stop the answer (not for a stream already released)
     * @return the block rejection, when an evaluator blocks; empty when the call goes on
     */
    static Future<Optional<Rejection>> run(
            Exchange exchange, List<ConfiguredEvaluator> evaluators, EvalInput input, boolean canBlock) {
        List<ConfiguredEvaluator> sampled = new ArrayList<>(evaluators.size());
        List<Future<OptionalDouble>> scores = new ArrayList<>(evaluators.size());
        for (ConfiguredEvaluator e : evaluators) {
            if (e.runsOn(exchange.auditId())) {
                sampled.add(e);
                scores.add(safely(e, input));
            }
        }
        if (sampled.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return Future.join(scores).transform(ignored -> {
            Optional<Rejection> block = Optional.empty();
            for (int i = 0; i < sampled.size(); i++) {
                Optional<Rejection> b = settle(exchange, sampled.get(i), scores.get(i), canBlock);
                if (block.isEmpty()) {
                    block = b;
                }
            }
            return Future.succeededFuture(block);
        });
    }

    private static Future<OptionalDouble> safely(ConfiguredEvaluator e, EvalInput input) {
        try {
            return e.evaluator().evaluate(input);
        } catch (RuntimeException failure) {
            return Future.failedFuture(failure);
        }
    }

    private static Optional<Rejection> settle(
            Exchange exchange, ConfiguredEvaluator e, Future<OptionalDouble> outcome, boolean canBlock) {
        String stage = e.stage().wire();
        double score;
        boolean over;
        if (outcome.failed()) {
            if (!e.failClosed()) {
                exchange.evaluation(new Evaluation(e.name(), stage, Double.NaN, Evaluation.ERROR));
                return Optional.empty();
            }
            score = Double.NaN;
            over = true;
        } else if (outcome.result().isEmpty()) {
            return Optional.empty();
        } else {
            score = outcome.result().getAsDouble();
            over = score >= e.threshold();
        }
        String result;
        Optional<Rejection> block = Optional.empty();
        if (e.action() == EvalAction.RECORD) {
            result = Evaluation.RECORDED;
        } else if (!over) {
            result = Evaluation.PASSED;
        } else if (e.action() == EvalAction.BLOCK && canBlock) {
            result = Evaluation.BLOCKED;
            block = Optional.of(Rejection.block(
                    ErrorCode.POLICY_BLOCKED,
                    "The " + (e.stage() == EvalStage.PRE ? "request" : "answer") + " was blocked by evaluator '"
                            + e.name() + "'.",
                    "Evaluator " + e.name() + " blocked the " + (e.stage() == EvalStage.PRE ? "request" : "answer")));
        } else {
            exchange.flag();
            result = Evaluation.FLAGGED;
        }
        exchange.evaluation(new Evaluation(e.name(), stage, score, result));
        return block;
    }
}
