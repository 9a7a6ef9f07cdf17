package io.monago.atrium.gateway.eval;

import io.monago.atrium.guard.toxicity.ToxicityClassifier;
import io.vertx.core.Future;
import java.util.OptionalDouble;

/**
 * Scores toxicity (abuse, hate, harassment, threats, sexual content; English and Indonesian) with
 * the guard's {@link ToxicityClassifier}: the probability of its best-scoring window.
 */
public final class ToxicityEvaluator implements Evaluator {
    private final ToxicityClassifier classifier;

    /**
     * Creates the evaluator.
     *
     * @param classifier the shared classifier
     */
    public ToxicityEvaluator(ToxicityClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Future<OptionalDouble> evaluate(EvalInput input) {
        return Future.succeededFuture(
                OptionalDouble.of(classifier.classify(input.text()).score()));
    }
}
