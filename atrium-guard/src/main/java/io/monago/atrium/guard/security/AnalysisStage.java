package io.monago.atrium.guard.security;

/**
 * The parts of a {@link SecurityAnalyzer} that can be switched off (all are on by default).
 * Normalisation always runs.
 */
public enum AnalysisStage {
    /** Lexicon rules per language (the rule ids in incidents come from here). */
    LEXICON,
    /** The shipped linear model over hashed n-grams and rule hits. */
    LEARNED_MODEL,
    /** Invisible, bidi-control and tag characters, and disguised keywords. */
    HIDDEN_CHARACTERS,
    /** Bounded decode-and-rescan of base64, hex, rot13 and URL-encoded runs. */
    DECODING,
    /** GCG-style gibberish suffixes. */
    ADVERSARIAL_SUFFIX
}
