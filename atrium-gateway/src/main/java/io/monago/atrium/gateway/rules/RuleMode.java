package io.monago.atrium.gateway.rules;

/** Whether a rule acts or only records what it would have done. */
public enum RuleMode {
    /** The rule acts. */
    ENFORCE,
    /** The rule records that it matched and changes nothing. */
    DRY_RUN;

    /**
     * Reads a configuration word.
     *
     * @param word {@code enforce} or {@code dry_run}
     * @return the mode
     */
    public static RuleMode of(String word) {
        return word.equals("dry_run") ? DRY_RUN : ENFORCE;
    }
}
