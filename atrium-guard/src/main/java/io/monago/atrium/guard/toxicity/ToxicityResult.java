package io.monago.atrium.guard.toxicity;

import io.monago.atrium.guard.toxicity.category.ToxicityCategory;
import java.util.Set;

/**
 * What the toxicity classifier found in one text: the model's probability that the text is toxic,
 * and the categories of the lexicon terms it holds. Never the text or the terms themselves.
 *
 * <pre>{@code
 * ToxicityResult r = classifier.classify(answer);
 * if (r.score() >= 0.5) { ... r.categories() ... }
 * }</pre>
 *
 * @param score probability of toxicity, 0 to 1, from the best-scoring window of the text
 * @param categories the categories of the lexicon terms found (empty when none matched)
 */
public record ToxicityResult(double score, Set<ToxicityCategory> categories) {
    /**
     * Checks the score and copies the categories.
     *
     * @param score probability of toxicity, 0 to 1
     * @param categories the categories of the lexicon terms found
     */
    public ToxicityResult {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, was " + score);
        }
        categories = Set.copyOf(categories);
    }

    /**
     * Whether the score reaches a threshold.
     *
     * @param threshold the threshold, 0 to 1
     * @return {@code score >= threshold}
     */
    public boolean toxicAt(double threshold) {
        return score >= threshold;
    }
}
