package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.SecurityReport;
import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.model.LinearModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the misses and false positives of the shipped analyzer, with the incidents it reported,
 * for whoever tunes the lexicon or the corpus. Argument: a data set of {@link Corpora#NAMES} for its
 * held-out part ({@code own} by default), or the name followed by {@code -train} for its training
 * part. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl atrium-guard-trainer -am package -DskipTests -Prun -Dtrainer=ShowErrors -Dexec.args=bipia
 * </pre>
 *
 * {@code -Dmodel=/tmp/m.bin.gz} lists the errors of weights written elsewhere by the trainer instead
 * of the shipped ones.
 */
public final class ShowErrors {
    private ShowErrors() {}

    /**
     * Prints the errors.
     *
     * @param args which set
     * @throws IOException when the weights named by {@code -Dmodel} cannot be read
     */
    public static void main(String[] args) throws IOException {
        String which = args.length > 0 ? args[0] : "own";
        boolean trainSplit = which.endsWith("-train");
        String corpus = trainSplit ? which.substring(0, which.length() - "-train".length()) : which;
        List<LabelledText> rows = Corpora.all().stream()
                .filter(r -> r.corpus().equals(corpus) && trainSplit != r.heldOut())
                .toList();
        String weights = System.getProperty("model", "");
        SecurityAnalyzer analyzer;
        if (weights.isEmpty()) {
            analyzer = SecurityAnalyzer.defaults();
        } else {
            try (InputStream in = Files.newInputStream(Path.of(weights))) {
                analyzer =
                        SecurityAnalyzer.builder().model(LinearModel.read(in)).build();
            }
        }
        SecurityPolicy policy = SecurityPolicy.defaults();
        for (LabelledText row : rows) {
            SecurityReport report = analyzer.analyze(row.segment());
            boolean blocked = policy.evaluate(report).isBlocked();
            if (blocked != row.attack()) {
                String incidents = report.incidents().stream()
                        .map(i -> String.format(
                                Locale.ROOT, "%s=%.2f(%s)", i.category().wireName(), i.score(), i.rule()))
                        .collect(Collectors.joining(" "));
                String text = row.text().replace('\n', ' ');
                System.out.printf(
                        "%s %s %s [%s] %s%n    %s%n",
                        row.attack() ? "MISS" : "FP  ",
                        row.id(),
                        row.labels(),
                        row.obfuscation(),
                        incidents,
                        text.length() > 220 ? text.substring(0, 220) + "..." : text);
            }
        }
    }
}
