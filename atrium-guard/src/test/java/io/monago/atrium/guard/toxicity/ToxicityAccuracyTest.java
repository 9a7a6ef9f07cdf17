package io.monago.atrium.guard.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.toxicity.corpus.ToxicityCorpus;
import io.monago.atrium.guard.toxicity.corpus.ToxicityRates;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Holds the held-out figures docs/guard.md reports for the toxicity model, per source, with a
 * small margin: the test fails when a change to the lexicon, features or weights loses ground.
 * The held-out rows were never trained on (see datasets/toxicity/README.md for the split).
 */
class ToxicityAccuracyTest {
    private static final double MARGIN = 0.02;
    private static List<ToxicityCorpus.Row> rows;

    @BeforeAll
    static void read() {
        rows = ToxicityCorpus.all();
    }

    @ParameterizedTest
    @CsvSource({
        // source file, reported detection (NaN: no toxic rows), reported false positives (NaN: no benign rows)
        "davidson-en-subset.jsonl, 0.904, 0.036",
        "civil-comments-toxic-en-subset.jsonl, 0.876, NaN",
        "deepset-benign-en-de.jsonl, NaN, 0.014",
        "blob-id.jsonl, 0.692, 0.123",
        "xsid-id-benign.jsonl, NaN, 0.000",
    })
    void heldOutRatesHold(String source, double detection, double falsePositives) {
        ToxicityClassifier classifier = ToxicityClassifier.loadDefault();
        ToxicityRates rates = ToxicityRates.measure(
                text -> classifier.classify(text).score(),
                ToxicityClassifier.DEFAULT_THRESHOLD,
                rows,
                row -> row.heldOut() && row.file().equals(source));

        if (!Double.isNaN(detection)) {
            assertThat(rates.toxic()).isPositive();
            assertThat(rates.detection()).as(rates.summary()).isGreaterThanOrEqualTo(detection - MARGIN);
        }
        if (!Double.isNaN(falsePositives)) {
            assertThat(rates.benign()).isPositive();
            assertThat(rates.falsePositiveRate()).as(rates.summary()).isLessThanOrEqualTo(falsePositives + MARGIN);
        }
    }
}
