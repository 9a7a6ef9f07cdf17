package io.monago.atrium.gateway.config;

import java.util.List;

/**
 * One policy rule as written in a workspace's {@code rules:} list.
 *
 * @param id unique in its workspace; named in block reasons and audit records
 * @param description what the rule is for, for people; default empty
 * @param when the condition, in CEL
 * @param action {@code block}, {@code flag}, {@code redact}, {@code allow} or {@code route}
 * @param reason the sentence a blocked caller reads; default the description
 * @param mode {@code enforce} (default) or {@code dry_run}
 * @param entities for {@code redact}: the entity types to redact
 * @param model for {@code route}: the model the call goes to instead
 */
public record RuleConfig(
        String id,
        String description,
        String when,
        String action,
        String reason,
        String mode,
        List<String> entities,
        String model) {

    /**
     * Fills defaults.
     *
     * @param id see the record description
     * @param description see the record description
     * @param when see the record description
     * @param action see the record description
     * @param reason see the record description
     * @param mode see the record description
     * @param entities see the record description
     * @param model see the record description
     */
    public RuleConfig {
        description = description == null ? "" : description;
        reason = reason == null || reason.isBlank() ? description : reason;
        mode = mode == null ? "enforce" : mode;
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
