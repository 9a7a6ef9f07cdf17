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
 * Precision and recall of the default scanner and policy on the second, independent corpus of whole
 * documents ({@link PiiDocumentCorpus}). A finding counts only with the right type and the exact
 * span, and only if the default policy acts on it (its minimum confidence). Prints the per-entity
 * table recorded in docs/guard.md and fails a little below those figures.
 *
 * <p>The seed is not the one first looked at: after seed 20261207 the recognisers were changed
 * (titles after an institution word, form-field labels, house numbers after a unit, speakers in a
 * chat), so the figures are reported for this seed, generated afterwards. Its errors were read
 * again when names from the text's structure were added, so it is a development seed now; the
 * figures of seed 20261209, first run after that change, are in docs/guard.md
 * ({@code -Dcorpus.seed=20261209}).
 *
 * <p>Reproduce: {@code ./mvnw -q -B -pl atrium-guard -am verify -Dtest=PiiDocumentCorpusTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PiiDocumentCorpusTest {
    static final long SEED = 20261208L;
    static final int DOCUMENTS = 900;
    static final int CLEAN = 800;

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
    void meetsTheRecordedFiguresOnDocumentsItWasNotTunedTo() {
        PiiDocumentCorpus corpus = new PiiDocumentCorpus(Long.getLong("corpus.seed", SEED));
        List<PiiCorpus.Sample> documents = corpus.documents(DOCUMENTS);
        List<PiiCorpus.Sample> clean = corpus.clean(CLEAN);
        PiiScanner scanner = PiiScanner.defaults();
        PiiPolicy policy = PiiPolicy.defaults();

        Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            tallies.put(t, new Tally());
        }
        List<String> errors = new ArrayList<>();
        int cleanWithFinding = 0;
        List<PiiCorpus.Sample> all = new ArrayList<>(documents);
        all.addAll(clean);
        for (PiiCorpus.Sample sample : all) {
            List<PiiFinding> findings = scanner.scan(sample.text()).stream()
                    .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                    .toList();
            if (sample.labels().isEmpty() && !findings.isEmpty()) {
                cleanWithFinding++;
            }
            List<PiiFinding> unmatched = new ArrayList<>(findings);
            for (PiiCorpus.Label label : sample.labels()) {
                PiiFinding hit = findings.stream()
                        .filter(f -> f.type() == label.type() && f.start() == label.start() && f.end() == label.end())
                        .findFirst()
                        .orElse(null);
                if (hit != null) {
                    tallies.get(label.type()).truePositives++;
                    unmatched.remove(hit);
                } else {
                    tallies.get(label.type()).falseNegatives++;
                    errors.add("MISSED " + label.type() + " [" + sample.text().substring(label.start(), label.end())
                            + "] in " + sample.kind());
                }
            }
            for (PiiFinding f : unmatched) {
                tallies.get(f.type()).falsePositives++;
                errors.add("EXTRA " + f.type() + " [" + f.valueIn(sample.text()) + "] " + f.rule() + " in "
                        + sample.kind());
            }
        }

        Tally total = new Tally();
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%n| entity | labels | missed | extra | precision | recall |%n|---|---|---|---|---|---|%n"));
        for (Map.Entry<EntityType, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            total.truePositives += t.truePositives;
            total.falseNegatives += t.falseNegatives;
            total.falsePositives += t.falsePositives;
            table.append(row("`" + e.getKey() + "`", t));
        }
        table.append(row("**overall**", total));
        double cleanRate = (double) cleanWithFinding / clean.size();
        table.append(String.format(
                Locale.ROOT,
                "%d documents with personal data, %d without (%d of them with a finding: %.4f); seed %d%n",
                documents.size(),
                clean.size(),
                cleanWithFinding,
                cleanRate,
                Long.getLong("corpus.seed", SEED)));
        System.out.println(table);
        errors.stream().limit(Integer.getInteger("corpus.errors", 40)).forEach(System.out::println);

        Tally person = tallies.get(EntityType.PERSON);
        Tally address = tallies.get(EntityType.ADDRESS);
        assertThat(total.recall()).as("overall recall").isGreaterThanOrEqualTo(MIN_OVERALL_RECALL);
        assertThat(total.precision()).as("overall precision").isGreaterThanOrEqualTo(MIN_OVERALL_PRECISION);
        assertThat(person.recall()).as("PERSON recall").isGreaterThanOrEqualTo(MIN_PERSON_RECALL);
        assertThat(person.precision()).as("PERSON precision").isGreaterThanOrEqualTo(MIN_PERSON_PRECISION);
        assertThat(address.recall()).as("ADDRESS recall").isGreaterThanOrEqualTo(MIN_ADDRESS_RECALL);
        assertThat(address.precision()).as("ADDRESS precision").isGreaterThanOrEqualTo(MIN_ADDRESS_PRECISION);
        assertThat(cleanRate)
                .as("documents without personal data with a finding")
                .isLessThanOrEqualTo(MAX_CLEAN_RATE);
    }

    // A little below the figures recorded in docs/guard.md for the test's seed (after names from the
    // text's structure: PERSON and ADDRESS 1.0 / 1.0, overall 0.9998 / 0.9939, no clean document
    // with a finding).
    private static final double MIN_OVERALL_RECALL = 0.99;
    private static final double MIN_OVERALL_PRECISION = 0.995;
    private static final double MIN_PERSON_RECALL = 0.99;
    private static final double MIN_PERSON_PRECISION = 0.99;
    private static final double MIN_ADDRESS_RECALL = 0.99;
    private static final double MIN_ADDRESS_PRECISION = 0.99;
    private static final double MAX_CLEAN_RATE = 0.01;

    private static String row(String name, Tally t) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.4f | %.4f |%n",
                name,
                t.truePositives + t.falseNegatives,
                t.falseNegatives,
                t.falsePositives,
                t.precision(),
                t.recall());
    }
}
