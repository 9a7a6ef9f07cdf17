package io.monago.atrium.gateway.exchange;

import java.util.Objects;

/**
 * One evaluator's result for one call, as the audit record keeps it: which evaluator, at which
 * stage, its score and what came of it. Never the text it read. A metrics exporter reads these
 * from the {@link Verdict} ({@code evaluator}, {@code stage} and {@code result} are bounded label
 * values; the score is a number).
 *
 * @param evaluator the evaluator's configured name
 * @param stage {@code pre} (the request) or {@code post} (the answer)
 * @param score its score, 0 (clean) to 1 (worst); NaN when it could not score
 * @param result {@code passed}, {@code recorded}, {@code flagged}, {@code blocked} or {@code error}
 */
public record Evaluation(String evaluator, String stage, double score, String result) {
    /** Result word: below the threshold. */
    public static final String PASSED = "passed";
    /** Result word: scored, for the record only. */
    public static final String RECORDED = "recorded";
    /** Result word: at or over the threshold, and the call was flagged. */
    public static final String FLAGGED = "flagged";
    /** Result word: at or over the threshold, and the call was blocked. */
    public static final String BLOCKED = "blocked";
    /** Result word: the evaluator failed and its {@code on_error} let the call through. */
    public static final String ERROR = "error";

    /**
     * Checks the fields.
     *
     * @param evaluator see the record description
     * @param stage see the record description
     * @param score see the record description
     * @param result see the record description
     */
    public Evaluation {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(result, "result");
    }
}
