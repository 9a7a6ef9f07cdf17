package io.monago.atrium.gateway.eval;

import java.util.Objects;

/**
 * An evaluator with its workspace's settings: its name, stage, action, threshold and sample rate.
 *
 * @param name unique in the workspace
 * @param stage where it runs
 * @param action what it does at or over the threshold
 * @param threshold the score at which the action applies
 * @param sampleRate the share of calls it runs on
 * @param failClosed whether an evaluator error counts as score 1 (else the call goes on, result
 *     {@code error})
 * @param evaluator what scores
 */
public record ConfiguredEvaluator(
        String name,
        EvalStage stage,
        EvalAction action,
        double threshold,
        double sampleRate,
        boolean failClosed,
        Evaluator evaluator) {

    /**
     * Checks the fields.
     *
     * @param name see the record description
     * @param stage see the record description
     * @param action see the record description
     * @param threshold see the record description
     * @param sampleRate see the record description
     * @param failClosed see the record description
     * @param evaluator see the record description
     */
    public ConfiguredEvaluator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Whether it runs on a call.
     *
     * @param auditId the call's audit id
     * @return whether the call is in its sample
     */
    public boolean runsOn(String auditId) {
        return Sampling.sampled(auditId, name, sampleRate);
    }
}
