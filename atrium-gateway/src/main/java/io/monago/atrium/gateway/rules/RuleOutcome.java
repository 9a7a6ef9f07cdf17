package io.monago.atrium.gateway.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a workspace's rules decided about one call.
 *
 * @param matched what the audit record lists, in evaluation order: {@code rule.<id>.<action>} for
 *     each rule that matched ({@code .dry_run} appended for a dry-run rule) and
 *     {@code rule.<id>.error} for one that could not be evaluated
 * @param block the enforced rule that blocks the call, if one does
 * @param flagged whether an enforced rule flagged the call
 * @param redact entity type names enforced rules redact
 * @param routeTo the model the first enforced route rule sends the call to
 */
public record RuleOutcome(
        List<String> matched, Optional<Rule> block, boolean flagged, Set<String> redact, Optional<String> routeTo) {

    /** The outcome of a workspace without rules. */
    public static final RuleOutcome NONE =
            new RuleOutcome(List.of(), Optional.empty(), false, Set.of(), Optional.empty());

    /**
     * Copies the collections.
     *
     * @param matched see the record description
     * @param block see the record description
     * @param flagged see the record description
     * @param redact see the record description
     * @param routeTo see the record description
     */
    public RuleOutcome {
        matched = List.copyOf(matched);
        redact = Set.copyOf(redact);
    }
}
