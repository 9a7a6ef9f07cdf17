package io.monago.atrium.gateway.exchange;

import java.util.List;
import java.util.Objects;

/**
 * Why the security analysis reported an incident, as the audit record lists it: the category, the
 * score, where the text sits and the strongest signals (rule ids such as {@code en.override_prior},
 * stages such as {@code decoded.base64}, {@code model:prompt_injection} for the learned model). It
 * holds no request text: paths and signals are identifiers.
 *
 * <pre>{@code
 * exchange.securityEvidence(new SecurityEvidence(
 *         "prompt_injection", 0.97, "messages[3].content", "tool", List.of("model:prompt_injection")));
 * }</pre>
 *
 * @param category the incident category's wire name
 * @param score the score in [0, 1]
 * @param path where the text sits in the request, e.g. {@code messages[3].content}
 * @param role the role of its message, e.g. {@code tool}
 * @param signals the strongest evidence, strongest first
 */
public record SecurityEvidence(String category, double score, String path, String role, List<String> signals) {
    /**
     * Validates and copies.
     *
     * @param category see the record description
     * @param score see the record description
     * @param path see the record description
     * @param role see the record description
     * @param signals see the record description
     */
    public SecurityEvidence {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        signals = List.copyOf(signals);
    }
}
