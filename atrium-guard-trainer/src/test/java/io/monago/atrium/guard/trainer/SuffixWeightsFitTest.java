package io.monago.atrium.guard.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.suffix.GibberishSuffixDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuffixWeightsFitTest {
    @Test
    void fittedWeightsSeparateSuffixesFromTheHardNegativesTheyWereFittedOn() {
        List<LabelledText> train =
                Corpora.suffixes().stream().filter(LabelledText::trainable).toList();

        double[] w = SuffixWeightsFit.fit(train);

        assertThat(w).hasSize(GibberishSuffixDetector.FEATURES + 1);
        GibberishSuffixDetector detector = new GibberishSuffixDetector();
        double suffixes = meanBestZ(detector, w, train, true);
        double benign = meanBestZ(detector, w, train, false);
        assertThat(suffixes).as("mean score of suffix rows vs benign rows").isGreaterThan(benign + 2);
        assertThat(w[7]).as("weight of words not in the dictionary").isPositive();
        assertThat(w[1]).as("weight of function words in the run").isNegative();
    }

    private static double meanBestZ(
            GibberishSuffixDetector detector, double[] w, List<LabelledText> rows, boolean suffix) {
        return rows.stream()
                .filter(row -> row.attack() == suffix)
                .map(row -> detector.windows(row.text()))
                .filter(runs -> !runs.isEmpty())
                .mapToDouble(runs -> runs.stream()
                        .mapToDouble(f -> {
                            double z = w[f.length];
                            for (int i = 0; i < f.length; i++) {
                                z += w[i] * f[i];
                            }
                            return z;
                        })
                        .max()
                        .orElseThrow())
                .average()
                .orElseThrow();
    }
}
