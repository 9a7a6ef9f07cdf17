package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.model.LinearModel;
import io.monago.atrium.guard.security.suffix.GibberishSuffixDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the seven weights and the bias of {@link GibberishSuffixDetector} by logistic regression
 * (full-batch gradient descent, L2, suffix rows weighted 5 to 1 because they are rare) on the
 * training split, and prints them for pasting into the detector.
 */
final class SuffixWeightsFit {
    private static final int ITERATIONS = 30_000;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-3;
    private static final double POSITIVE_WEIGHT = 5.0;

    private SuffixWeightsFit() {}

    static double[] fit(List<LabelledText> train) {
        GibberishSuffixDetector detector = new GibberishSuffixDetector();
        List<double[]> features = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (LabelledText row : train) {
            double[] f = detector.features(row.text());
            if (f != null) {
                features.add(f);
                labels.add(row.labels().contains(IncidentCategory.ADVERSARIAL_SUFFIX));
            }
        }
        int dims = features.get(0).length;
        double[] w = new double[dims + 1]; // last: bias
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[dims + 1];
            for (int n = 0; n < features.size(); n++) {
                double[] f = features.get(n);
                double z = w[dims];
                for (int i = 0; i < dims; i++) {
                    z += w[i] * f[i];
                }
                boolean positive = labels.get(n);
                double g = (LinearModel.sigmoid(z) - (positive ? 1 : 0)) * (positive ? POSITIVE_WEIGHT : 1);
                for (int i = 0; i < dims; i++) {
                    gradient[i] += g * f[i];
                }
                gradient[dims] += g;
            }
            for (int i = 0; i <= dims; i++) {
                double regularised = gradient[i] / features.size() + (i < dims ? L2 * w[i] : 0);
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
