package io.monago.atrium.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * A workspace's security policy for prompt attacks.
 *
 * <pre>{@code
 * security:
 *   action: block              # for every category not listed below: block, flag or off
 *   categories:
 *     adversarial_suffix: flag
 *     jailbreak_attempt: {action: block, threshold: 0.7}
 *   trusted_roles: [system, developer]
 * }</pre>
 *
 * @param action default action for every category, default {@code block}
 * @param threshold default score threshold; empty: each category's calibrated default
 * @param categories per category overrides
 * @param trustedRoles message roles not analysed, default {@code [system, developer]}
 */
public record SecuritySettings(
        String action, Double threshold, Map<String, EntitySetting> categories, List<String> trustedRoles) {

    /**
     * Fills defaults.
     *
     * @param action see the record description
     * @param threshold see the record description
     * @param categories see the record description
     * @param trustedRoles see the record description
     */
    public SecuritySettings {
        action = action == null ? "block" : action;
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        trustedRoles = trustedRoles == null ? List.of("system", "developer") : List.copyOf(trustedRoles);
    }

    /** {@return the shipped policy: block every attack category} */
    public static SecuritySettings defaults() {
        return new SecuritySettings(null, null, null, null);
    }
}
