package io.monago.atrium.gateway.rules;

import java.util.Optional;
import java.util.Set;

/**
 * One compiled rule.
 *
 * @param id its id, unique in its workspace; named in block reasons and audit records
 * @param description what it is for, for people
 * @param when its condition
 * @param action what it does when the condition holds
 * @param reason the sentence a caller reads when it blocks
 * @param mode whether it acts or only records
 * @param entities for {@link RuleAction#REDACT}: the entity type names it redacts
 * @param routeTo for {@link RuleAction#ROUTE}: the model it sends the call to
 */
public record Rule(
        String id,
        String description,
        Condition when,
        RuleAction action,
        String reason,
        RuleMode mode,
        Set<String> entities,
        Optional<String> routeTo) {

    /**
     * Copies the entity set.
     *
     * @param id see the record description
     * @param description see the record description
     * @param when see the record description
     * @param action see the record description
     * @param reason see the record description
     * @param mode see the record description
     * @param entities see the record description
     * @param routeTo see the record description
     */
    public Rule {
        entities = Set.copyOf(entities);
    }

    /** {@return what the audit record lists when this rule matched: {@code rule.<id>.<action>}, dry runs marked} */
    public String matchName() {
        String name = "rule." + id + "." + action.word();
        return mode == RuleMode.DRY_RUN ? name + ".dry_run" : name;
    }
}
