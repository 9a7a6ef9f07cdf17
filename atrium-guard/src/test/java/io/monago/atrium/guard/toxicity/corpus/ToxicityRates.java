package io.monago.atrium.guard.toxicity.corpus;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Detection rate (toxic rows scored at or above the threshold) and false-positive rate (benign
 * rows scored so) of a classifier over some rows.
 *
 * @param toxic toxic rows measured
 * @param detected of them, how many were detected
 * @param benign benign rows measured
 * @param falsePositives of them, how many were flagged
 */
public record ToxicityRates(int toxic, int detected, int benign, int falsePositives) {
    /**
     * Measures a classifier.
     *
     * @param scorer the classifier's score of a text
     * @param threshold the score threshold
     * @param rows rows
     * @param which the rows to measure
     * @return the counts
     */
    public static ToxicityRates measure(
            ToDoubleFunction<String> scorer,
            double threshold,
            List<ToxicityCorpus.Row> rows,
            Predicate<ToxicityCorpus.Row> which) {
        int toxic = 0;
        int detected = 0;
        int benign = 0;
        int falsePositives = 0;
        for (ToxicityCorpus.Row row : rows) {
            if (!which.test(row)) {
                continue;
            }
            boolean flagged = scorer.applyAsDouble(row.text()) >= threshold;
            if (row.toxic()) {
                toxic++;
                detected += flagged ? 1 : 0;
            } else {
                benign++;
                falsePositives += flagged ? 1 : 0;
            }
        }
        return new ToxicityRates(toxic, detected, benign, falsePositives);
    }

    /**
     * The detection rate.
     *
     * @return detected / toxic, or NaN without toxic rows
     */
    public double detection() {
        return toxic == 0 ? Double.NaN : (double) detected / toxic;
    }

    /**
     * The false-positive rate.
     *
     * @return false positives / benign, or NaN without benign rows
     */
    public double falsePositiveRate() {
        return benign == 0 ? Double.NaN : (double) falsePositives / benign;
    }

    /**
     * A one-line summary.
     *
     * @return counts and rates
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "detection %.3f (%d/%d), false positives %.3f (%d/%d)",
                detection(),
                detected,
                toxic,
                falsePositiveRate(),
                falsePositives,
                benign);
    }
}
