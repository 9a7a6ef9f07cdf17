package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.DetectionRates;
import io.monago.atrium.guard.security.corpus.LabelledText;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Leave-one-source-out evaluation: for each data set, a model trained on the training parts of the
 * other data sets only, measured on the left-out data set (its held-out part, and all of its rows:
 * none of them was trained on). Beside it, the model trained on every training part, measured on the
 * same held-out part. The first figure is how the detector does on a kind of data it never saw; the
 * second how it does on unseen rows of a kind it was trained on.
 *
 * <p>Prints a Markdown table (the one in docs/guard.md). Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl atrium-guard-trainer -am package -DskipTests -Prun -Dexec.args=--loso
 * </pre>
 */
final class LeaveOneSourceOut {
    private LeaveOneSourceOut() {}

    /**
     * Trains one model per left-out data set plus one on everything, and prints the table.
     *
     * @param settings the training settings
     * @param all every row of every data set
     * @param policy the policy whose verdict counts
     * @param out where the table goes
     */
    static void run(
            SecurityModelTrainer.Settings settings, List<LabelledText> all, SecurityPolicy policy, PrintStream out) {
        SecurityAnalyzer everything = SecurityAnalyzer.builder()
                .model(new SecurityModelTrainer(settings)
                        .train(all.stream().filter(LabelledText::trainable).toList()))
                .build();
        out.println(
                "| left out | held-out rows | left out: held-out part | left out: all rows | trained on all: held-out part |");
        out.println("|---|---|---|---|---|");
        for (String corpus : Corpora.NAMES) {
            List<LabelledText> fit = all.stream()
                    .filter(r -> r.trainable() && !r.corpus().equals(corpus))
                    .toList();
            List<LabelledText> left =
                    all.stream().filter(r -> r.corpus().equals(corpus)).toList();
            // A set with no training part (the indirect development set) was never trained on:
            // leaving it out changes nothing, and the model trained on everything stands in.
            boolean trained = left.stream().anyMatch(LabelledText::trainable);
            SecurityAnalyzer without = trained
                    ? SecurityAnalyzer.builder()
                            .model(new SecurityModelTrainer(settings).train(fit))
                            .build()
                    : everything;
            List<LabelledText> heldOut =
                    left.stream().filter(LabelledText::heldOut).toList();
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s |%n",
                    corpus,
                    heldOut.size(),
                    cell(DetectionRates.measure(without, policy, heldOut)),
                    cell(DetectionRates.measure(without, policy, left)),
                    cell(DetectionRates.measure(everything, policy, heldOut)));
            for (String source : List.of("email", "document", "tool")) {
                List<LabelledText> part =
                        left.stream().filter(r -> r.source().equals(source)).toList();
                if (!part.isEmpty() && part.size() < left.size()) {
                    List<LabelledText> partHeldOut =
                            part.stream().filter(LabelledText::heldOut).toList();
                    out.printf(
                            Locale.ROOT,
                            "| &nbsp;&nbsp;%s, %s | %d | %s | %s | %s |%n",
                            corpus,
                            source,
                            partHeldOut.size(),
                            cell(DetectionRates.measure(without, policy, partHeldOut)),
                            cell(DetectionRates.measure(without, policy, part)),
                            cell(DetectionRates.measure(everything, policy, partHeldOut)));
                }
            }
        }
    }

    /** Detection and false positives, each only where the rows have some. */
    private static String cell(DetectionRates rates) {
        String detection = rates.attacks() == 0
                ? ""
                : String.format(
                        Locale.ROOT, "det %.3f (%d/%d)", rates.detectionRate(), rates.detected(), rates.attacks());
        String falsePositives = rates.benign() == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        "FP %.3f (%d/%d)",
                        rates.falsePositiveRate(),
                        rates.falsePositives(),
                        rates.benign());
        return detection.isEmpty() || falsePositives.isEmpty()
                ? detection + falsePositives
                : detection + ", " + falsePositives;
    }
}
