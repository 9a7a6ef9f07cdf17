package io.monago.atrium.gateway.rules;

import java.util.Locale;

/** What a matching rule does. */
public enum RuleAction {
    /** Refuse the call: 400 {@code policy_blocked}, block reason {@code rule violation: <id>}. */
    BLOCK,
    /** Forward the call with the decision {@code flagged}. */
    FLAG,
    /** Redact the rule's entity types wherever they were found, whatever the PII policy said. */
    REDACT,
    /** Stop evaluating: no later rule applies to the call. */
    ALLOW,
    /** Send the call to another model. */
    ROUTE;

    /** {@return the word the configuration uses} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a configuration word.
     *
     * @param word {@code block}, {@code flag}, {@code redact}, {@code allow} or {@code route}
     * @return the action
     */
    public static RuleAction of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
