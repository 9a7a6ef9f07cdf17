package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.model.LinearModel;
import io.monago.atrium.guard.security.suffix.GibberishSuffixDetector;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the weights and the bias of {@link GibberishSuffixDetector} by logistic regression
 * (full-batch gradient descent, L2) on training rows, and prints them for pasting into the
 * detector. Suffix rows are the positives and benign rows the negatives (other attacks are left out:
 * they are other stages' business, and some end in a suffix too). The detector keeps the worst of
 * several runs of a text's last tokens, so every run of a benign row is a negative (weighted so each row counts once), and a suffix row is a positive
 * through the run that scores highest under the previous round's weights (the run that holds the
 * suffix best; the first round takes the last 20 tokens). Suffix rows are weighted 10 to 1 because
 * they are rare ({@code -Dsuffix.positiveWeight} changes it).
 */
final class SuffixWeightsFit {
    private static final int ITERATIONS = 20_000;
    private static final int ROUNDS = 3;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-3;
    private static final double POSITIVE_WEIGHT = Double.parseDouble(System.getProperty("suffix.positiveWeight", "10"));
    /** The default policy's threshold, at which the training-part rates are printed. */
    private static final double THRESHOLD = 0.8;

    private SuffixWeightsFit() {}

    static double[] fit(List<LabelledText> train) {
        return fit(train, POSITIVE_WEIGHT, true);
    }

    /**
     * Cross-validates the weight of suffix rows over the training rows (folds by group, so a
     * request and its suffixes stay together) and prints, for each weight, detection and false
     * positives at the default threshold on the left-out folds. How the shipped weight was chosen.
     */
    static void crossValidate(List<LabelledText> train, double[] positiveWeights, int folds, PrintStream out) {
        GibberishSuffixDetector detector = new GibberishSuffixDetector();
        for (double positiveWeight : positiveWeights) {
            int detected = 0;
            int suffixes = 0;
            int flagged = 0;
            int benign = 0;
            for (int fold = 0; fold < folds; fold++) {
                int k = fold;
                List<LabelledText> fitted = train.stream()
                        .filter(row -> Math.floorMod(row.group().hashCode(), folds) != k)
                        .toList();
                double[] w = fit(fitted, positiveWeight, false);
                for (LabelledText row : train) {
                    boolean suffix = row.labels().contains(IncidentCategory.ADVERSARIAL_SUFFIX);
                    if (Math.floorMod(row.group().hashCode(), folds) != k || (row.attack() && !suffix)) {
                        continue;
                    }
                    List<double[]> runs = detector.windows(row.text());
                    boolean hit = !runs.isEmpty() && LinearModel.sigmoid(z(best(runs, w), w)) >= THRESHOLD;
                    if (suffix) {
                        suffixes++;
                        detected += hit ? 1 : 0;
                    } else {
                        benign++;
                        flagged += hit ? 1 : 0;
                    }
                }
            }
            out.printf(
                    Locale.ROOT,
                    "suffix weight %.0f: %d-fold detection %.3f (%d/%d), false positives %.4f (%d/%d)%n",
                    positiveWeight,
                    folds,
                    (double) detected / suffixes,
                    detected,
                    suffixes,
                    (double) flagged / benign,
                    flagged,
                    benign);
        }
    }

    private static double[] fit(List<LabelledText> train, double positiveWeight, boolean report) {
        GibberishSuffixDetector detector = new GibberishSuffixDetector();
        List<List<double[]>> runs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (LabelledText row : train) {
            boolean suffix = row.labels().contains(IncidentCategory.ADVERSARIAL_SUFFIX);
            if (row.attack() && !suffix) {
                continue; // other attacks are other stages' business, and some end in a suffix too
            }
            List<double[]> r = detector.windows(row.text());
            if (!r.isEmpty()) {
                runs.add(r);
                texts.add(row.text());
                labels.add(suffix);
            }
        }
        int dims = GibberishSuffixDetector.FEATURES;
        double[] w = new double[dims + 1]; // last: bias
        for (int round = 0; round < ROUNDS; round++) {
            List<double[]> features = new ArrayList<>();
            List<Double> targets = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int n = 0; n < runs.size(); n++) {
                List<double[]> r = runs.get(n);
                if (labels.get(n)) {
                    features.add(round == 0 ? r.get(0) : best(r, w));
                    targets.add(1.0);
                    weights.add(positiveWeight);
                } else {
                    for (double[] f : r) {
                        features.add(f);
                        targets.add(0.0);
                        weights.add(1.0 / r.size());
                    }
                }
            }
            w = descend(features, targets, weights, w);
        }
        if (report) {
            report(runs, labels, texts, w);
        }
        return w;
    }

    /** Prints the rates on the rows fitted on, and with {@code -Dsuffix.debug=true} the rows wrong. */
    private static void report(List<List<double[]>> runs, List<Boolean> labels, List<String> texts, double[] w) {
        int detected = 0;
        int positives = 0;
        int flagged = 0;
        for (int n = 0; n < runs.size(); n++) {
            boolean hit = LinearModel.sigmoid(z(best(runs.get(n), w), w)) >= THRESHOLD;
            positives += labels.get(n) ? 1 : 0;
            detected += labels.get(n) && hit ? 1 : 0;
            flagged += !labels.get(n) && hit ? 1 : 0;
            if (Boolean.getBoolean("suffix.debug") && hit != labels.get(n)) {
                double[] f = best(runs.get(n), w);
                StringBuilder b = new StringBuilder();
                for (double v : f) {
                    b.append(String.format(Locale.ROOT, " %.2f", v));
                }
                String text = texts.get(n);
                System.out.println("DEBUG " + labels.get(n) + b + " | "
                        + text.substring(Math.max(0, text.length() - 160)).replace('\n', ' '));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "training rows at %.2f: %d/%d suffixes detected, %d/%d others flagged%n",
                THRESHOLD,
                detected,
                positives,
                flagged,
                runs.size() - positives);
    }

    /** The run with the highest score under the weights. */
    private static double[] best(List<double[]> runs, double[] w) {
        double[] best = runs.get(0);
        double bestZ = Double.NEGATIVE_INFINITY;
        for (double[] f : runs) {
            double z = z(f, w);
            if (z > bestZ) {
                bestZ = z;
                best = f;
            }
        }
        return best;
    }

    private static double z(double[] f, double[] w) {
        double z = w[f.length];
        for (int i = 0; i < f.length; i++) {
            z += w[i] * f[i];
        }
        return z;
    }

    private static double[] descend(
            List<double[]> features, List<Double> targets, List<Double> weights, double[] start) {
        int dims = start.length - 1;
        double[] w = start.clone();
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[dims + 1];
            for (int n = 0; n < features.size(); n++) {
                double[] f = features.get(n);
                double g = (LinearModel.sigmoid(z(f, w)) - targets.get(n)) * weights.get(n);
                for (int i = 0; i < dims; i++) {
                    gradient[i] += g * f[i];
                }
                gradient[dims] += g;
            }
            for (int i = 0; i <= dims; i++) {
                double regularised = gradient[i] / total + (i < dims ? L2 * w[i] : 0);
                w[i] -= RATE * regularised;
            }
        }
        return w;
    }

    static String describe(double[] w) {
        StringBuilder out = new StringBuilder("WEIGHTS = {");
        for (int i = 0; i < w.length - 1; i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", w[i]));
        }
        return out.append(String.format(Locale.ROOT, "}; BIAS = %.2f", w[w.length - 1]))
                .toString();
    }
}
