package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.Objects;

/**
 * The policy for one entity type: an action, applied to findings at or above a confidence.
 *
 * <pre>{@code
 * new EntityRule(PiiAction.BLOCK, 0.8)   // block cards the scanner is at least 80% sure of
 * }</pre>
 *
 * @param action what to do with a finding
 * @param minConfidence findings below this confidence are ignored, in [0, 1]
 */
public record EntityRule(PiiAction action, double minConfidence) {
    /**
     * Validates the rule.
     *
     * @param action what to do with a finding
     * @param minConfidence in [0, 1]
     */
    public EntityRule {
        Objects.requireNonNull(action, "action");
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
        }
    }

    /**
     * Whether a finding is confident enough for this rule to apply.
     *
     * @param finding a finding of this rule's type
     * @return true when its confidence is at least {@link #minConfidence()}
     */
    public boolean applies(PiiFinding finding) {
        return finding.confidence() >= minConfidence;
    }
}
