package io.monago.atrium.gateway.config;

import java.util.Map;

/**
 * A workspace's PII policy.
 *
 * <pre>{@code
 * pii:
 *   action: redact            # for every entity not listed below
 *   min_confidence: 0.5
 *   reversible: false         # restore originals in the answer for the caller
 *   entities:
 *     SSN: block
 *     EMAIL: {action: flag, min_confidence: 0.9}
 * }</pre>
 *
 * @param action default action for every entity type: {@code redact}, {@code block}, {@code flag} or
 *     {@code allow}; default {@code redact}
 * @param minConfidence default minimum confidence for a finding to count, default 0.5
 * @param reversible put the originals back into the answer for the caller, default false
 * @param entities per entity type overrides; when absent, SSN, CREDIT_CARD and SECRET are blocked
 */
public record PiiSettings(String action, Double minConfidence, Boolean reversible, Map<String, EntitySetting> entities) {

    /** Entity overrides of the shipped policy. */
    public static final Map<String, EntitySetting> DEFAULT_ENTITIES = Map.of(
            "SSN", EntitySetting.of("block"),
            "CREDIT_CARD", EntitySetting.of("block"),
            "SECRET", EntitySetting.of("block"));

    /** Fills defaults. */
    public PiiSettings {
        action = action == null ? "redact" : action;
        minConfidence = minConfidence == null ? 0.5 : minConfidence;
        reversible = reversible != null && reversible;
        entities = entities == null ? DEFAULT_ENTITIES : Map.copyOf(entities);
    }

    /** @return the shipped policy: redact PII, block SSN, CREDIT_CARD and SECRET */
    public static PiiSettings defaults() {
        return new PiiSettings(null, null, null, null);
    }
}
