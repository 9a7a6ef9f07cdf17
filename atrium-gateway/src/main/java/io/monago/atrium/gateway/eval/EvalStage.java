package io.monago.atrium.gateway.eval;

import java.util.Locale;

/** Where an evaluator runs: on the request before it leaves, or on the answer before release. */
public enum EvalStage {
    /** The request, after redaction, before the provider is called. */
    PRE,
    /** The answer, after governance, before it is released (at its end for a stream). */
    POST;

    /** {@return the configuration and audit word: {@code pre} or {@code post}} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a validated configuration word.
     *
     * @param word {@code pre} or {@code post}
     * @return the stage
     */
    public static EvalStage of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
