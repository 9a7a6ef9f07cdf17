package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.AnalysisStage;
import io.monago.atrium.guard.security.CategoryPolicy;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.SecurityReport;
import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.DetectionRates;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.model.LinearModel;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the security model on the training parts of every data set ({@link Corpora#all()}: the
 * project's own corpus, deepset's train split, BIPIA's train split, in-the-wild jailbreak prompts
 * and Indonesian xSID requests) and writes the weights that ship in the guard's jar. The held-out
 * parts are never trained on; their rates are printed at the end, per data set. Run from the
 * repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl atrium-guard-trainer -am package -DskipTests -Prun
 * </pre>
 *
 * An optional argument ({@code -Dexec.args=...}) names the output file (default: the shipped
 * resource in atrium-guard's src/main);
 * {@code -Dtrain.settings="seed=1"} trains with some settings changed. Other modes: {@code --loso}
 * prints the leave-one-source-out table (for each data set, a model trained on the others' training
 * parts, measured on that data set's held-out part and on all of it) that docs/guard.md reports;
 * {@code --cv} cross-validates over the training parts, which is how the settings and the default
 * threshold were chosen: {@code -Dcv.grid="l2=1e-4,3e-4;epochs=5,8"} varies settings (every
 * combination), {@code -Dcv.groups=v2-} (or {@code !v2-}) measures only the rows of groups starting
 * so (or not), {@code -DshowErrors=true -DshowAt=0.55} lists the errors of the first configuration;
 * {@code --suffix} refits the adversarial-suffix weights on the training parts of every data set
 * and of the suffix stage's own sets, and prints them ({@code --suffix cv} cross-validates the
 * weight of suffix rows instead). {@code -Dthresholds=true}
 * adds held-out rates at thresholds 0.5 to 0.7.
 */
public final class TrainSecurityModel {
    static final Path SHIPPED = Corpora.moduleDirectory().resolve("src/main/resources" + LinearModel.RESOURCE);

    private TrainSecurityModel() {}

    /**
     * Trains and writes the model.
     *
     * @param args optional output path
     * @throws Exception when reading the corpus or writing the weights fails
     */
    public static void main(String[] args) throws Exception {
        List<LabelledText> all = Corpora.all();
        List<LabelledText> train = all.stream().filter(LabelledText::trainable).toList();
        if (args.length > 0 && args[0].equals("--suffix")) {
            // Every data set's training part: the own and BPE-sampled suffixes, the suffix stage's
            // hard negatives and every other benign or attack row (none of them a suffix).
            List<LabelledText> rows = new java.util.ArrayList<>(train);
            Corpora.suffixes().stream().filter(LabelledText::trainable).forEach(rows::add);
            if (args.length > 1 && args[1].equals("cv")) {
                SuffixWeightsFit.crossValidate(rows, new double[] {5, 10, 20}, 5, System.out);
            } else {
                System.out.println(SuffixWeightsFit.describe(SuffixWeightsFit.fit(rows)));
            }
            return;
        }
        SecurityModelTrainer.Settings settings =
                grid(System.getProperty("train.settings", "")).get(0);
        if (args.length > 0 && args[0].equals("--cv")) {
            crossValidate(train);
            return;
        }
        if (args.length > 0 && args[0].equals("--loso")) {
            LeaveOneSourceOut.run(settings, all, SecurityPolicy.defaults(), System.out);
            return;
        }
        Path output = args.length > 0 ? Path.of(args[0]) : SHIPPED;
        long start = System.nanoTime();
        LinearModel model = new SecurityModelTrainer(settings).train(train);
        System.out.printf("trained on %d rows in %d ms%n", train.size(), (System.nanoTime() - start) / 1_000_000);
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out, 1e-3f);
        }
        System.out.printf("wrote %s (%d bytes)%n", output, Files.size(output));

        SecurityAnalyzer analyzer = SecurityAnalyzer.builder().model(model).build();
        SecurityPolicy policy = SecurityPolicy.defaults();
        for (String corpus : Corpora.NAMES) {
            System.out.printf(
                    "%-15s held-out: %s; training part: %s%n",
                    corpus,
                    DetectionRates.measure(
                                    analyzer, policy, all, r -> r.corpus().equals(corpus) && r.heldOut())
                            .summary(),
                    DetectionRates.measure(
                                    analyzer, policy, train, r -> r.corpus().equals(corpus))
                            .summary());
        }
        // The same measurement without the learned stage: rule weights as scores. This is the
        // comparison that decided to ship the model on by default.
        SecurityAnalyzer lexiconOnly =
                SecurityAnalyzer.builder().without(AnalysisStage.LEARNED_MODEL).build();
        System.out.println("lexicon only, every held-out part: "
                + DetectionRates.measure(lexiconOnly, policy, all, LabelledText::heldOut)
                        .summary());
        if (Boolean.getBoolean("thresholds")) {
            for (double threshold : new double[] {0.5, 0.55, 0.6, 0.65, 0.7}) {
                for (String corpus : Corpora.NAMES) {
                    System.out.printf(
                            "threshold %.2f %-15s held-out %s%n",
                            threshold,
                            corpus,
                            DetectionRates.measure(
                                            analyzer,
                                            learnedAt(threshold),
                                            all,
                                            r -> r.corpus().equals(corpus) && r.heldOut())
                                    .summary());
                }
            }
        }
    }

    /**
     * Five-fold cross-validation over groups of the training split, for a small grid of settings:
     * how the shipped settings were chosen without looking at the held-out split.
     */
    private static void crossValidate(List<LabelledText> train) {
        double[] thresholds = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
        boolean first = true;
        for (SecurityModelTrainer.Settings settings : grid(System.getProperty("cv.grid", "l2=1e-4,3e-4"))) {
            int[] detected = new int[thresholds.length];
            int[] falsePositives = new int[thresholds.length];
            int attacks = 0;
            int benign = 0;
            for (int fold = 0; fold < 5; fold++) {
                final int k = fold;
                List<LabelledText> fit =
                        train.stream().filter(r -> foldOf(r) != k).toList();
                List<LabelledText> check =
                        train.stream().filter(r -> foldOf(r) == k).toList();
                SecurityAnalyzer analyzer = SecurityAnalyzer.builder()
                        .model(new SecurityModelTrainer(settings).train(fit))
                        .build();
                if (Boolean.getBoolean("showErrors") && first) {
                    printErrors(analyzer, check);
                }
                for (int t = 0; t < thresholds.length; t++) {
                    String subset = System.getProperty("cv.groups", "");
                    DetectionRates rates = DetectionRates.measure(
                            analyzer,
                            learnedAt(thresholds[t]),
                            check,
                            row -> subset.isEmpty()
                                    || (subset.startsWith("!")
                                            ? !row.group().startsWith(subset.substring(1))
                                            : row.group().startsWith(subset)));
                    detected[t] += rates.detected();
                    falsePositives[t] += rates.falsePositives();
                    if (t == 0) {
                        attacks += rates.attacks();
                        benign += rates.benign();
                    }
                }
            }
            first = false;
            for (int t = 0; t < thresholds.length; t++) {
                System.out.printf(
                        "%s threshold=%.2f: detection %.3f, false positives %.3f%n",
                        settings, thresholds[t], (double) detected[t] / attacks, (double) falsePositives[t] / benign);
            }
        }
    }

    /**
     * The settings to cross-validate: the defaults with some values varied, e.g.
     * {@code l2=1e-4,3e-4;epochs=5,8} (every combination).
     */
    static List<SecurityModelTrainer.Settings> grid(String spec) {
        List<SecurityModelTrainer.Settings> settings =
                new java.util.ArrayList<>(List.of(SecurityModelTrainer.Settings.DEFAULT));
        for (String axis : spec.split(";", -1)) {
            if (axis.isBlank()) {
                continue;
            }
            String[] nameAndValues = axis.split("=", -1);
            if (nameAndValues.length != 2) {
                throw new IllegalArgumentException("expected name=value,value... in '" + axis + "'");
            }
            List<SecurityModelTrainer.Settings> next = new java.util.ArrayList<>();
            for (SecurityModelTrainer.Settings base : settings) {
                for (String value : nameAndValues[1].split(",", -1)) {
                    next.add(base.with(nameAndValues[0].strip(), Double.parseDouble(value)));
                }
            }
            settings = next;
        }
        return settings;
    }

    private static void printErrors(SecurityAnalyzer analyzer, List<LabelledText> rows) {
        for (LabelledText row : rows) {
            SecurityReport report = analyzer.analyze(row.segment());
            if (learnedAt(Double.parseDouble(System.getProperty("showAt", "0.5")))
                            .evaluate(report)
                            .isBlocked()
                    != row.attack()) {
                System.out.println((row.attack() ? "MISS " : "FP   ") + row.labels() + " "
                        + report.incidents().stream()
                                .map(i -> i.category().wireName() + "=" + Math.round(i.score() * 100) + "(" + i.rule()
                                        + ")")
                                .toList()
                        + "\n     " + row.text().replace('\n', ' '));
            }
        }
    }

    /** The default policy with another threshold for the three learned categories. */
    static SecurityPolicy learnedAt(double threshold) {
        SecurityPolicy.Builder policy = SecurityPolicy.defaults().toBuilder();
        for (IncidentCategory category : SecurityModelTrainer.HEADS) {
            policy.set(category, CategoryPolicy.block(threshold));
        }
        return policy.build();
    }

    private static int foldOf(LabelledText row) {
        return Math.floorMod(row.group().hashCode(), 5);
    }
}
