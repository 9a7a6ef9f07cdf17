package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the default scanner on the seeded labelled corpus. A finding counts as
 * a true positive only with the right type and the exact span of the label. Prints a per-entity
 * table (recorded in docs/guard.md); fails below recall 0.99 or precision 0.97 overall, or below
 * 0.95 for any entity type.
 *
 * <p>Reproduce: {@code ./mvnw -q -B -pl atrium-guard -am verify -Dtest=PiiCorpusTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PiiCorpusTest {
    static final long SEED = 20261127L;
    static final int PER_TYPE = 160;
    static final int NEGATIVES = 2400;

    private static final class Tally {
        int truePositives;
        int falseNegatives;
        int falsePositives;

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    @Test
    void meetsPrecisionAndRecallOnTheLabelledCorpus() {
        PiiCorpus corpus = new PiiCorpus(SEED);
        List<PiiCorpus.Sample> positives = corpus.positives(PER_TYPE);
        List<PiiCorpus.Sample> negatives = corpus.negatives(NEGATIVES);
        List<PiiCorpus.Sample> all = new ArrayList<>(positives);
        all.addAll(negatives);

        Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            tallies.put(t, new Tally());
        }
        List<String> errors = new ArrayList<>();
        PiiScanner scanner = PiiScanner.defaults();
        int labels = 0;
        for (PiiCorpus.Sample sample : all) {
            // What the default policy acts on: PERSON and ADDRESS candidates below 0.6 are reported, not redacted.
            List<PiiFinding> findings = scanner.scan(sample.text()).stream()
                    .filter(f -> f.confidence()
                            >= PiiPolicy.defaults().rule(f.type()).minConfidence())
                    .toList();
            List<PiiFinding> unmatched = new ArrayList<>(findings);
            for (PiiCorpus.Label label : sample.labels()) {
                labels++;
                PiiFinding hit = findings.stream()
                        .filter(f -> f.type() == label.type() && f.start() == label.start() && f.end() == label.end())
                        .findFirst()
                        .orElse(null);
                if (hit != null) {
                    tallies.get(label.type()).truePositives++;
                    unmatched.remove(hit);
                } else {
                    tallies.get(label.type()).falseNegatives++;
                    errors.add("MISSED " + label.type() + " in " + sample.kind() + ": " + show(sample.text()) + " -> "
                            + describe(sample.text(), findings));
                }
            }
            for (PiiFinding f : unmatched) {
                tallies.get(f.type()).falsePositives++;
                errors.add("EXTRA " + f.type() + " [" + f.valueIn(sample.text()) + "] " + f.rule() + " in "
                        + sample.kind() + ": " + show(sample.text()));
            }
        }

        Tally total = new Tally();
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT, "%n%-14s %6s %5s %5s %9s %7s%n", "entity", "labels", "FN", "FP", "precision", "recall"));
        for (Map.Entry<EntityType, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            total.truePositives += t.truePositives;
            total.falseNegatives += t.falseNegatives;
            total.falsePositives += t.falsePositives;
            table.append(String.format(
                    Locale.ROOT,
                    "%-14s %6d %5d %5d %9.4f %7.4f%n",
                    e.getKey(),
                    t.truePositives + t.falseNegatives,
                    t.falseNegatives,
                    t.falsePositives,
                    t.precision(),
                    t.recall()));
        }
        table.append(String.format(
                Locale.ROOT,
                "%-14s %6d %5d %5d %9.4f %7.4f%n",
                "overall",
                labels,
                total.falseNegatives,
                total.falsePositives,
                total.precision(),
                total.recall()));
        table.append(String.format(
                Locale.ROOT,
                "samples: %d positive (%d labels), %d hard negative; seed %d%n",
                positives.size(),
                labels,
                negatives.size(),
                SEED));
        System.out.println(table);
        errors.stream().limit(Integer.getInteger("corpus.errors", 40)).forEach(System.out::println);

        assertThat(positives.size()).isGreaterThanOrEqualTo(2000);
        assertThat(negatives.size()).isGreaterThanOrEqualTo(2000);
        assertThat(total.recall()).as("overall recall").isGreaterThanOrEqualTo(0.99);
        assertThat(total.precision()).as("overall precision").isGreaterThanOrEqualTo(0.97);
        tallies.forEach((type, t) -> {
            assertThat(t.recall()).as(type + " recall").isGreaterThanOrEqualTo(0.95);
            assertThat(t.precision()).as(type + " precision").isGreaterThanOrEqualTo(0.95);
        });
    }

    private static String show(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || (c >= 0x200B && c <= 0x2060) || c == '\uFEFF') {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String describe(String text, List<PiiFinding> findings) {
        StringBuilder b = new StringBuilder("[");
        for (PiiFinding f : findings) {
            b.append(f.type())
                    .append(' ')
                    .append(show(f.valueIn(text)))
                    .append(' ')
                    .append(f.rule())
                    .append("; ");
        }
        return b.append(']').toString();
    }
}
