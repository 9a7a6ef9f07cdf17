package io.monago.atrium.gateway.config;

import io.monago.atrium.guard.pii.PiiPolicy;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's PII policy.
 *
 * <pre>{@code
 * pii:
 *   action: redact            # for every entity not listed below
 *   min_confidence: 0.5
 *   reversible: false         # restore originals in the answer for the caller
 *   operator: placeholder     # placeholder, mask, hash or remove
 *   entities:
 *     SSN: block
 *     EMAIL: {action: flag, min_confidence: 0.9}
 * }</pre>
 *
 * @param action default action for every entity type: {@code redact}, {@code block}, {@code flag} or
 *     {@code allow}; default {@code redact}
 * @param minConfidence default minimum confidence for a finding to count, default 0.5
 * @param reversible put the originals back into the answer for the caller, default false
 * @param entities per entity type overrides; when absent, SSN, CREDIT_CARD and SECRET are blocked,
 *     and PERSON and ADDRESS are redacted at confidence 0.6 or more
 * @param operator how a redacted value is replaced: {@code placeholder} ({@code [NIK_1]}, the
 *     default), {@code mask}, {@code hash} (salted) or {@code remove}
 * @param maskKeepStart with {@code mask}: letters and digits kept at the start, default 0
 * @param maskKeepEnd with {@code mask}: letters and digits kept at the end, default 4
 * @param hashSalt with {@code hash}: the secret salt, at least 16 bytes (use {@code ${ENV}})
 */
public record PiiSettings(
        String action,
        Double minConfidence,
        Boolean reversible,
        Map<String, EntitySetting> entities,
        String operator,
        Integer maskKeepStart,
        Integer maskKeepEnd,
        String hashSalt) {

    /** Entity overrides of the shipped policy. */
    public static final Map<String, EntitySetting> DEFAULT_ENTITIES = Map.of(
            "SSN", EntitySetting.of("block"),
            "CREDIT_CARD", EntitySetting.of("block"),
            "SECRET", EntitySetting.of("block"),
            "PERSON", new EntitySetting("redact", Optional.of(PiiPolicy.DEFAULT_NAME_MIN_CONFIDENCE)),
            "ADDRESS", new EntitySetting("redact", Optional.of(PiiPolicy.DEFAULT_NAME_MIN_CONFIDENCE)));

    /**
     * Fills defaults.
     *
     * @param action see the record description
     * @param minConfidence see the record description
     * @param reversible see the record description
     * @param entities see the record description
     * @param operator see the record description
     * @param maskKeepStart see the record description
     * @param maskKeepEnd see the record description
     * @param hashSalt see the record description
     */
    public PiiSettings {
        action = action == null ? "redact" : action;
        minConfidence = minConfidence == null ? 0.5 : minConfidence;
        reversible = reversible != null && reversible;
        entities = entities == null ? DEFAULT_ENTITIES : Map.copyOf(entities);
        operator = operator == null ? "placeholder" : operator;
        maskKeepStart = maskKeepStart == null ? 0 : maskKeepStart;
        maskKeepEnd = maskKeepEnd == null ? 4 : maskKeepEnd;
    }

    /** {@return a description that never shows the salt} */
    @Override
    public String toString() {
        return "PiiSettings[action=" + action + ", minConfidence=" + minConfidence + ", reversible=" + reversible
                + ", entities=" + entities + ", operator=" + operator + ", maskKeepStart=" + maskKeepStart
                + ", maskKeepEnd=" + maskKeepEnd + ", hashSalt=" + (hashSalt == null ? "unset" : "***") + "]";
    }

    /** {@return the shipped policy: redact PII (PERSON and ADDRESS from confidence 0.6), block SSN, CREDIT_CARD and SECRET} */
    public static PiiSettings defaults() {
        return new PiiSettings(null, null, null, null, null, null, null, null);
    }
}
