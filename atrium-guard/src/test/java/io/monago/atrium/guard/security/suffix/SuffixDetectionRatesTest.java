package io.monago.atrium.guard.security.suffix;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.LabelledText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection and false positives of the suffix stage alone, at the default policy's threshold, on
 * the parts of the data never fitted on: the own corpus's held-out suffix rows, the held-out part
 * of the BPE-sampled suffixes (requests and token runs the weights never saw), the held-out hard
 * negatives, and every held-out benign row of the other data sets. The figures are printed and
 * the test fails when one is worse than docs/guard.md reports by more than a row or two.
 */
class SuffixDetectionRatesTest {
    /** The default policy's threshold for {@code adversarial_suffix}. */
    private static final double THRESHOLD = 0.8;

    private static final GibberishSuffixDetector DETECTOR = new GibberishSuffixDetector();
    private static List<LabelledText> rows;

    @BeforeAll
    static void load() {
        rows = new ArrayList<>(Corpora.all());
        rows.addAll(Corpora.suffixes());
    }

    @Test
    void ownHeldOutSuffixesAreDetected() {
        Rate rate = detection(row -> row.corpus().equals("own") && row.heldOut());
        print("own corpus, held-out suffix rows", rate);
        assertThat(rate.share()).as(rate.describe()).isGreaterThanOrEqualTo(17.0 / 19); // reported 18/19
    }

    @Test
    void bpeSampledHeldOutSuffixesAreDetected() {
        Rate rate = detection(row -> row.corpus().equals("bpe_suffix") && row.heldOut());
        print("bpe_suffix, held-out part", rate);
        print("bpe_suffix, training part", detection(row -> row.corpus().equals("bpe_suffix") && row.trainable()));
        assertThat(rate.share()).as(rate.describe()).isGreaterThanOrEqualTo(67.0 / 72); // reported 69/72
    }

    @Test
    void hardNegativesStayClean() {
        Rate heldOut = falsePositives(row -> row.corpus().equals("suffix_negatives") && row.heldOut());
        print("suffix_negatives, held-out part", heldOut);
        print(
                "suffix_negatives, training part",
                falsePositives(row -> row.corpus().equals("suffix_negatives") && row.trainable()));
        assertThat(heldOut.hits()).as(heldOut.describe()).isLessThanOrEqualTo(2); // reported 1/49
    }

    @Test
    void otherBenignRowsStayClean() {
        Rate heldOut = falsePositives(row -> !row.corpus().equals("suffix_negatives") && row.heldOut());
        Rate trained = falsePositives(row -> !row.corpus().equals("suffix_negatives") && row.trainable());
        print("every other benign row, held-out parts", heldOut);
        print("every other benign row, training parts", trained);
        assertThat(heldOut.hits()).as(heldOut.describe()).isLessThanOrEqualTo(4); // reported 2/875
        assertThat(trained.hits()).as(trained.describe()).isLessThanOrEqualTo(1); // reported 0/2040
    }

    @Test
    void heldOutRequestsAreNeverTrainedOn() {
        List<LabelledText> suffixSets = Corpora.suffixes();
        java.util.Set<String> trainedGroups = new java.util.HashSet<>();
        suffixSets.stream().filter(LabelledText::trainable).forEach(row -> trainedGroups.add(row.group()));

        assertThat(suffixSets).filteredOn(LabelledText::heldOut).hasSizeGreaterThan(100);
        assertThat(suffixSets.stream().filter(LabelledText::heldOut).map(LabelledText::group))
                .as("held-out groups (a request, or a hard negative) that are also trained on")
                .noneMatch(trainedGroups::contains);
    }

    private static Rate detection(Predicate<LabelledText> filter) {
        return measure(filter.and(row -> row.labels().contains(IncidentCategory.ADVERSARIAL_SUFFIX)));
    }

    private static Rate falsePositives(Predicate<LabelledText> filter) {
        return measure(filter.and(row -> !row.attack()));
    }

    private static Rate measure(Predicate<LabelledText> filter) {
        List<String> hits = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int total = 0;
        for (LabelledText row : rows) {
            if (filter.test(row)) {
                total++;
                double score = DETECTOR.score(row.text());
                (score >= THRESHOLD ? hits : misses).add(row.id() + String.format(Locale.ROOT, "=%.2f", score));
            }
        }
        return new Rate(hits.size(), total, hits, misses);
    }

    private static void print(String name, Rate rate) {
        System.out.println("[suffix] " + name + ": " + rate.describe());
    }

    /** How many of the rows scored at or above the threshold. */
    private record Rate(int hits, int total, List<String> hitIds, List<String> missIds) {
        double share() {
            return total == 0 ? 0 : (double) hits / total;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%.3f (%d/%d) flagged %s missed %s",
                    share(),
                    hits,
                    total,
                    hits <= 20 ? hitIds : "...",
                    missIds.size() <= 40 ? missIds : "...");
        }
    }
}
