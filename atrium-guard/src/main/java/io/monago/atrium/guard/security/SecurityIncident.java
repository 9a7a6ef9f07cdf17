package io.monago.atrium.guard.security;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.List;
import java.util.Objects;

/**
 * One suspected attack in one piece of text. It never carries the text itself: {@code rule} is a
 * short identifier of what fired (a lexicon rule id such as {@code en.override.ignore_prior}, or
 * {@code model}), safe to log and to store in an audit record.
 *
 * <pre>{@code
 * for (SecurityIncident i : report.incidents()) {
 *     log.info("{} {} at {} ({}; {})", i.category().wireName(), i.score(), i.path(), i.rule(), i.signals());
 * }
 * }</pre>
 *
 * <p>{@code signals} explains the score to an operator: the strongest evidence first, each a rule id
 * ({@code en.override_prior}), a stage ({@code decoded.base64}, {@code hidden.zero_width},
 * {@code suffix.gibberish}) or {@code model:<category>} when the learned model gave the score.
 * Like {@code rule}, a signal never holds user text.
 *
 * @param category what kind of attack
 * @param score confidence in [0, 1]; policies compare it with their threshold
 * @param path where the text sits in the request, as given by the {@code TextSegment}
 * @param role the role of the message the text belongs to (an injection in a tool result is
 *     attributed to {@link MessageRole#TOOL})
 * @param rule a short id of the evidence, never user text
 * @param signals the strongest evidence, strongest first (at most {@value #MAX_SIGNALS}); never
 *     user text
 */
public record SecurityIncident(
        IncidentCategory category, double score, String path, MessageRole role, String rule, List<String> signals) {
    /** The most signals an incident carries. */
    public static final int MAX_SIGNALS = 4;

    /**
     * An incident whose only evidence is its rule.
     *
     * @param category see the record description
     * @param score see the record description
     * @param path see the record description
     * @param role see the record description
     * @param rule see the record description
     */
    public SecurityIncident(IncidentCategory category, double score, String path, MessageRole role, String rule) {
        this(category, score, path, role, rule, List.of(rule));
    }

    /**
     * Validates the components.
     *
     * @param category see the record description
     * @param score see the record description
     * @param path see the record description
     * @param role see the record description
     * @param rule see the record description
     * @param signals see the record description
     */
    public SecurityIncident {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(rule, "rule");
        signals = List.copyOf(signals.size() > MAX_SIGNALS ? signals.subList(0, MAX_SIGNALS) : signals);
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
