package io.monago.atrium.eval;

import io.monago.atrium.chat.ChatCompletion;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer and what the caller's hook made of it.
 *
 * @param completion the answer, as {@code create} returns it
 * @param scores the hook's scores; empty when the call was not sampled or the hook scored nothing
 * @param evaluationAuditId the id of the audit record holding the scores, when they were recorded
 */
public record EvaluatedCompletion(
        ChatCompletion completion, Map<String, Double> scores, Optional<String> evaluationAuditId) {
    /**
     * Copies the scores.
     *
     * @param completion see the record description
     * @param scores see the record description
     * @param evaluationAuditId see the record description
     */
    public EvaluatedCompletion {
        Objects.requireNonNull(completion, "completion");
        scores = Map.copyOf(scores);
        Objects.requireNonNull(evaluationAuditId, "evaluationAuditId");
    }

    /** {@return whether the hook ran on this call} */
    public boolean sampled() {
        return !scores.isEmpty() || evaluationAuditId.isPresent();
    }
}
