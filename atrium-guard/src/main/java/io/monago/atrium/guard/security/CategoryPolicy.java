package io.monago.atrium.guard.security;

import java.util.Objects;

/**
 * The action for one incident category and the score at which it applies.
 *
 * <pre>{@code
 * CategoryPolicy.block(0.5);   // block at score >= 0.5
 * CategoryPolicy.flag(0.8);    // flag at score >= 0.8
 * CategoryPolicy.off();
 * }</pre>
 *
 * @param action what to do
 * @param threshold the score, in [0, 1], from which the action applies
 */
public record CategoryPolicy(SecurityAction action, double threshold) {
    /**
     * Validates the components.
     *
     * @param action see the record description
     * @param threshold see the record description
     */
    public CategoryPolicy {
        Objects.requireNonNull(action, "action");
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
        }
    }

    /**
     * Blocks from a threshold on.
     *
     * @param threshold the score from which to block
     * @return the policy
     */
    public static CategoryPolicy block(double threshold) {
        return new CategoryPolicy(SecurityAction.BLOCK, threshold);
    }

    /**
     * Flags from a threshold on.
     *
     * @param threshold the score from which to flag
     * @return the policy
     */
    public static CategoryPolicy flag(double threshold) {
        return new CategoryPolicy(SecurityAction.FLAG, threshold);
    }

    /**
     * Ignores the category.
     *
     * @return the policy
     */
    public static CategoryPolicy off() {
        return new CategoryPolicy(SecurityAction.OFF, 1.0);
    }

    /**
     * Whether this policy acts on a score.
     *
     * @param score a category's maximum score
     * @return true when the action is not {@code OFF} and the score reaches the threshold
     */
    public boolean appliesTo(double score) {
        return action != SecurityAction.OFF && score >= threshold;
    }
}
