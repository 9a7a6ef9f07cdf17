package io.monago.atrium.guard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.DetectionRates;
import io.monago.atrium.guard.security.corpus.LabelledText;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection and false-positive rates of the default analyzer and policy, on the held-out split of
 * the project's corpus (never trained on) and on the public development set (never trained on, never
 * tuned against). The rates are printed, and the test fails when a target is missed. docs/guard.md
 * gives the figures and the command.
 */
class DetectionRatesTest {
    private static final SecurityAnalyzer ANALYZER = SecurityAnalyzer.defaults();
    private static final SecurityPolicy POLICY = SecurityPolicy.defaults();
    private static List<LabelledText> own;
    private static List<LabelledText> heldOut;

    @BeforeAll
    static void load() {
        own = Corpora.own();
        heldOut = own.stream().filter(LabelledText::heldOut).toList();
    }

    @Test
    void theCorpusIsAsLargeAndVariedAsPromised() {
        List<LabelledText> attacks = own.stream().filter(LabelledText::attack).toList();
        List<LabelledText> benign = own.stream().filter(row -> !row.attack()).toList();

        assertThat(attacks).hasSizeGreaterThanOrEqualTo(300);
        assertThat(benign).hasSizeGreaterThanOrEqualTo(300);
        assertThat(benign.stream().filter(LabelledText::hardNegative).count())
                .isGreaterThanOrEqualTo(benign.size() / 3);
        EnumSet<IncidentCategory> covered = EnumSet.noneOf(IncidentCategory.class);
        attacks.forEach(row -> covered.addAll(row.labels()));
        assertThat(covered).containsExactlyInAnyOrder(IncidentCategory.values());
        for (String language : List.of("en", "id")) {
            assertThat(attacks)
                    .filteredOn(row -> row.language().equals(language))
                    .hasSizeGreaterThan(100);
            assertThat(benign)
                    .filteredOn(row -> row.language().equals(language))
                    .hasSizeGreaterThan(100);
        }
        assertThat(attacks).filteredOn(row -> row.source().equals("email")).isNotEmpty();
        assertThat(attacks).filteredOn(row -> row.source().equals("tool")).isNotEmpty();
        assertThat(heldOut).filteredOn(LabelledText::attack).hasSizeGreaterThan(200);
        assertThat(heldOut).filteredOn(row -> !row.attack()).hasSizeGreaterThan(200);
    }

    @Test
    void ownCorpusHeldOutSplitMeetsTheTargets() {
        DetectionRates rates = DetectionRates.measure(ANALYZER, POLICY, heldOut);
        System.out.println("[security] own corpus, held-out split: " + rates.summary());
        printBreakdown();

        assertThat(rates.detectionRate())
                .as("detection on the held-out split; missed " + rates.missedIds())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(rates.falsePositiveRate())
                .as("false positives on the held-out split: " + rates.falsePositiveIds())
                .isLessThanOrEqualTo(0.01);
    }

    @Test
    void publicDevelopmentSetFalsePositivesStayLow() {
        DetectionRates rates = DetectionRates.measure(ANALYZER, POLICY, Corpora.publicDevSet());
        System.out.println("[security] public dev set (deepset/prompt-injections train): " + rates.summary());

        assertThat(rates.falsePositiveRate())
                .as("false positives on the public set: " + rates.falsePositiveIds())
                .isLessThanOrEqualTo(0.03);
    }

    private static void printBreakdown() {
        report("held-out, English", row -> row.language().equals("en"));
        report("held-out, Indonesian", row -> row.language().equals("id"));
        report("held-out, mixed", row -> row.language().equals("mix"));
        report("held-out, hard negatives only", row -> row.attack() || row.hardNegative());
        report(
                "held-out, indirect (email, tool, document)",
                row -> !row.source().equals("direct"));
        for (IncidentCategory category : IncidentCategory.values()) {
            DetectionRates rates = DetectionRates.measure(
                    ANALYZER, POLICY, heldOut, row -> row.labels().contains(category));
            System.out.printf(
                    "[security]   %-26s detection %.3f (%d/%d)%n",
                    category.wireName(), rates.detectionRate(), rates.detected(), rates.attacks());
        }
    }

    private static void report(String name, Predicate<LabelledText> filter) {
        System.out.println("[security]   " + name + ": "
                + DetectionRates.measure(ANALYZER, POLICY, heldOut, filter).summary());
    }
}
