package io.monago.atrium.gateway.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's rules, in order, and the version that names this policy in audit records.
 * Evaluation walks the rules in order: {@code block} stops at once, {@code allow} stops and lets the
 * call go on, the others take effect and go on. A dry-run rule is recorded and changes nothing. A
 * condition that fails (it read a map key the call does not have, say) does not match. One that
 * runs past the cost limit matches when its rule is an enforced block, since the caller controls
 * the input's size and must not be able to step around a block with a large request; otherwise it
 * does not match. Either way the record lists {@code rule.<id>.error}.
 *
 * @param rules the rules in evaluation order
 * @param version a digest of the rules' definitions; changes whenever a rule does
 */
public record RuleSet(List<Rule> rules, String version) {

    /** A workspace without rules. */
    public static final RuleSet EMPTY = new RuleSet(List.of(), "none");

    /**
     * Copies the rules.
     *
     * @param rules see the record description
     * @param version see the record description
     */
    public RuleSet {
        rules = List.copyOf(rules);
    }

    /**
     * Evaluates the rules on one call.
     *
     * @param facts the call's variables
     * @return what they decided
     */
    public RuleOutcome evaluate(RuleFacts facts) {
        if (rules.isEmpty()) {
            return RuleOutcome.NONE;
        }
        List<String> matched = new ArrayList<>();
        boolean flagged = false;
        Set<String> redact = new HashSet<>();
        Optional<String> routeTo = Optional.empty();
        for (Rule rule : rules) {
            boolean holds;
            try {
                holds = rule.when().test(facts);
            } catch (RuleEvaluationException e) {
                matched.add("rule." + rule.id() + ".error");
                holds = e.kind() == RuleEvaluationException.Kind.COST_LIMIT
                        && rule.action() == RuleAction.BLOCK
                        && rule.mode() == RuleMode.ENFORCE;
            }
            if (!holds) {
                continue;
            }
            matched.add(rule.matchName());
            if (rule.mode() == RuleMode.DRY_RUN) {
                continue;
            }
            switch (rule.action()) {
                case BLOCK -> {
                    return new RuleOutcome(matched, Optional.of(rule), flagged, redact, routeTo);
                }
                case ALLOW -> {
                    return new RuleOutcome(matched, Optional.empty(), flagged, redact, routeTo);
                }
                case FLAG -> flagged = true;
                case REDACT -> redact.addAll(rule.entities());
                case ROUTE -> {
                    if (routeTo.isEmpty()) {
                        routeTo = rule.routeTo();
                    }
                }
            }
        }
        return new RuleOutcome(matched, Optional.empty(), flagged, redact, routeTo);
    }
}
