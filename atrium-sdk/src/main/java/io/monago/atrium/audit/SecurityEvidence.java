package io.monago.atrium.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;

/**
 * Why the gateway's security analysis reported an incident, from an audit record's
 * {@code security_evidence}: the category, the score, where the text sits and the strongest signals
 * (rule ids such as {@code en.override_prior}, stages such as {@code decoded.base64}, or
 * {@code model:prompt_injection} when the learned model gave the score). It holds no request text.
 *
 * <pre>{@code
 * for (SecurityEvidence e : rec.securityEvidence()) {
 *     System.out.println(e.category() + " " + e.score() + " at " + e.path() + " (" + e.role() + "): " + e.signals());
 * }
 * }</pre>
 *
 * @param category the incident category, e.g. {@code prompt_injection}
 * @param score the score in [0, 1], compared by policy with the workspace's threshold
 * @param path where the text sits in the request, e.g. {@code messages[3].content}
 * @param role the role of its message, e.g. {@code tool}
 * @param signals the strongest evidence, strongest first
 */
public record SecurityEvidence(String category, double score, String path, String role, List<String> signals) {
    /**
     * Copies the signals.
     *
     * @param category see the record description
     * @param score see the record description
     * @param path see the record description
     * @param role see the record description
     * @param signals see the record description
     */
    public SecurityEvidence {
        signals = List.copyOf(signals);
    }

    static SecurityEvidence fromJson(JsonNode node) {
        return new SecurityEvidence(
                JsonFields.stringOrEmpty(node, "category"),
                JsonFields.doubleValue(node, "score").orElse(0.0),
                JsonFields.stringOrEmpty(node, "path"),
                JsonFields.stringOrEmpty(node, "role"),
                JsonFields.strings(node, "signals"));
    }
}
