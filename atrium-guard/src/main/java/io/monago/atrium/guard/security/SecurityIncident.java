package io.monago.atrium.guard.security;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.Objects;

/**
 * One suspected attack in one piece of text. It never carries the text itself: {@code rule} is a
 * short identifier of what fired (a lexicon rule id such as {@code en.override.ignore_prior}, or
 * {@code model}), safe to log and to store in an audit record.
 *
 * <pre>{@code
 * for (SecurityIncident i : report.incidents()) {
 *     log.info("{} {} at {} ({})", i.category().wireName(), i.score(), i.path(), i.rule());
 * }
 * }</pre>
 *
 * @param category what kind of attack
 * @param score confidence in [0, 1]; policies compare it with their threshold
 * @param path where the text sits in the request, as given by the {@code TextSegment}
 * @param role the role of the message the text belongs to (an injection in a tool result is
 *     attributed to {@link MessageRole#TOOL})
 * @param rule a short id of the evidence, never user text
 */
public record SecurityIncident(IncidentCategory category, double score, String path, MessageRole role, String rule) {
    /**
     * Validates the components.
     *
     * @param category see the record description
     * @param score see the record description
     * @param path see the record description
     * @param role see the record description
     * @param rule see the record description
     */
    public SecurityIncident {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(rule, "rule");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
