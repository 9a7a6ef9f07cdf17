package io.monago.atrium.guard.security.corpus;

import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Detection rate and false-positive rate of an analyzer under a policy: an attack counts as
 * detected, and benign text as a false positive, when the policy's verdict blocks it.
 *
 * @param attacks attacks evaluated
 * @param detected attacks blocked
 * @param benign benign texts evaluated
 * @param falsePositives benign texts blocked
 * @param missedIds ids of attacks not blocked
 * @param falsePositiveIds ids of benign texts blocked
 */
public record DetectionRates(
        int attacks,
        int detected,
        int benign,
        int falsePositives,
        List<String> missedIds,
        List<String> falsePositiveIds) {

    /**
     * Measures.
     *
     * @param analyzer the analyzer
     * @param policy the policy
     * @param rows the labelled texts
     * @return the rates
     */
    public static DetectionRates measure(SecurityAnalyzer analyzer, SecurityPolicy policy, List<LabelledText> rows) {
        int attacks = 0;
        int detected = 0;
        int benign = 0;
        int falsePositives = 0;
        List<String> missed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (LabelledText row : rows) {
            boolean blocked = policy.evaluate(analyzer.analyze(row.segment())).isBlocked();
            if (row.attack()) {
                attacks++;
                if (blocked) {
                    detected++;
                } else {
                    missed.add(row.id());
                }
            } else {
                benign++;
                if (blocked) {
                    falsePositives++;
                    wrong.add(row.id());
                }
            }
        }
        return new DetectionRates(attacks, detected, benign, falsePositives, missed, wrong);
    }

    /**
     * Measures a subset.
     *
     * @param analyzer the analyzer
     * @param policy the policy
     * @param rows the labelled texts
     * @param filter which rows to keep
     * @return the rates
     */
    public static DetectionRates measure(
            SecurityAnalyzer analyzer, SecurityPolicy policy, List<LabelledText> rows, Predicate<LabelledText> filter) {
        return measure(analyzer, policy, rows.stream().filter(filter).toList());
    }

    /**
     * The share of attacks detected.
     *
     * @return detected / attacks
     */
    public double detectionRate() {
        return attacks == 0 ? Double.NaN : (double) detected / attacks;
    }

    /**
     * The share of benign texts flagged.
     *
     * @return false positives / benign
     */
    public double falsePositiveRate() {
        return benign == 0 ? Double.NaN : (double) falsePositives / benign;
    }

    /**
     * Both rates, with their counts.
     *
     * @return a one-line summary for reports
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "detection %.3f (%d/%d), false positives %.3f (%d/%d)",
                detectionRate(),
                detected,
                attacks,
                falsePositiveRate(),
                falsePositives,
                benign);
    }
}
