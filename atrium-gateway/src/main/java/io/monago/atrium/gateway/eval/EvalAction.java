package io.monago.atrium.gateway.eval;

import java.util.Locale;

/** What an evaluator does with a score at or over its threshold. */
public enum EvalAction {
    /** Nothing beyond recording the score. */
    RECORD,
    /** Marks the call {@code flagged}. */
    FLAG,
    /** Refuses the call with {@code policy_blocked} (before the answer is released; a stream is flagged instead). */
    BLOCK;

    /**
     * Parses a validated configuration word.
     *
     * @param word {@code record}, {@code flag} or {@code block}
     * @return the action
     */
    public static EvalAction of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
