package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the default scanner and policy on hand-written documents whose values are marked in the
 * text as {@code <<TYPE:value>>}: a finding counts only with the right type and the exact span, and
 * only if the default policy acts on it. Every type is scored, in documents with personal data and
 * in clean ones (where any finding is an extra).
 */
final class MarkedDocuments {
    private MarkedDocuments() {}

    /** Counts of one entity type, or of all. */
    static final class Tally {
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

    /**
     * What a set scored.
     *
     * @param tallies per entity type
     * @param overall all types together
     * @param cleanWithFinding clean documents with at least one finding
     * @param report the table and the errors, for the test's output
     */
    record Score(Map<EntityType, Tally> tallies, Tally overall, int cleanWithFinding, String report) {
        Tally of(EntityType type) {
            return tallies.getOrDefault(type, new Tally());
        }
    }

    private record Marked(String text, List<PiiCorpus.Label> labels) {}

    /** Removes the {@code <<TYPE:...>>} marks, keeping their spans as labels. */
    private static Marked parse(String marked) {
        StringBuilder text = new StringBuilder();
        List<PiiCorpus.Label> labels = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("<<", i);
            if (open < 0) {
                text.append(marked, i, marked.length());
                break;
            }
            text.append(marked, i, open);
            int colon = marked.indexOf(':', open);
            EntityType type = EntityType.valueOf(marked.substring(open + 2, colon));
            int close = marked.indexOf(">>", colon);
            int start = text.length();
            text.append(marked, colon + 1, close);
            labels.add(new PiiCorpus.Label(type, start, text.length()));
            i = close + 2;
        }
        return new Marked(text.toString(), labels);
    }

    static Score score(List<String> withPersonalData, List<String> clean) {
        PiiScanner scanner = PiiScanner.defaults();
        PiiPolicy policy = PiiPolicy.defaults();
        Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
        List<String> errors = new ArrayList<>();
        for (String doc : withPersonalData) {
            Marked m = parse(doc);
            List<PiiFinding> unmatched = new ArrayList<>(scanner.scan(m.text()).stream()
                    .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                    .toList());
            for (PiiCorpus.Label label : m.labels()) {
                Tally tally = tallies.computeIfAbsent(label.type(), t -> new Tally());
                PiiFinding hit = unmatched.stream()
                        .filter(f -> f.type() == label.type() && f.start() == label.start() && f.end() == label.end())
                        .findFirst()
                        .orElse(null);
                if (hit != null) {
                    tally.truePositives++;
                    unmatched.remove(hit);
                } else {
                    tally.falseNegatives++;
                    errors.add("MISSED " + label.type() + " [" + m.text().substring(label.start(), label.end()) + "]");
                }
            }
            for (PiiFinding f : unmatched) {
                tallies.computeIfAbsent(f.type(), t -> new Tally()).falsePositives++;
                errors.add("EXTRA " + f.type() + " [" + f.valueIn(m.text()) + "] " + f.rule());
            }
        }
        int cleanWithFinding = 0;
        int cleanFindings = 0;
        for (String doc : clean) {
            List<PiiFinding> findings = scanner.scan(doc).stream()
                    .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                    .toList();
            if (!findings.isEmpty()) {
                cleanWithFinding++;
                cleanFindings += findings.size();
                for (PiiFinding f : findings) {
                    tallies.computeIfAbsent(f.type(), t -> new Tally()).falsePositives++;
                    errors.add("CLEAN " + f.type() + " [" + f.valueIn(doc) + "] " + f.rule());
                }
            }
        }
        Tally overall = new Tally();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%n| entity | labels | missed | extra | precision | recall |%n|---|---|---|---|---|---|%n"));
        for (Map.Entry<EntityType, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            overall.truePositives += t.truePositives;
            overall.falseNegatives += t.falseNegatives;
            overall.falsePositives += t.falsePositives;
            report.append(row("`" + e.getKey() + "`", t));
        }
        report.append(row("**overall**", overall));
        report.append(String.format(
                Locale.ROOT,
                "%d documents with personal data; %d clean, %d of them with a finding (%d findings)%n",
                withPersonalData.size(),
                clean.size(),
                cleanWithFinding,
                cleanFindings));
        errors.forEach(e -> report.append(e).append('\n'));
        return new Score(tallies, overall, cleanWithFinding, report.toString());
    }

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
