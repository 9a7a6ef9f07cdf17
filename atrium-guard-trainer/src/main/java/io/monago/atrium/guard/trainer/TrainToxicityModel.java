package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.toxicity.ToxicityClassifier;
import io.monago.atrium.guard.toxicity.corpus.ToxicityCorpus;
import io.monago.atrium.guard.toxicity.corpus.ToxicityRates;
import io.monago.atrium.guard.toxicity.model.ToxicityFeatures;
import io.monago.atrium.guard.toxicity.model.ToxicityLexicon;
import io.monago.atrium.guard.toxicity.model.ToxicityModel;
import io.monago.atrium.guard.toxicity.model.ToxicityWords;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the toxicity model (logistic regression by stochastic gradient descent over hashed
 * features) on the training split of {@code datasets/toxicity} and writes the weights that ship in
 * the guard's jar; prints held-out rates per source. Classes are balanced per language (English
 * and Indonesian toxic and benign rows weigh the same in total). Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl atrium-guard-trainer -am package -DskipTests -Prun -Dtrainer=TrainToxicityModel
 * </pre>
 *
 * {@code -Dexec.args=--loso} instead trains once per source without it and measures that whole
 * source (leave-one-source-out), writing nothing.
 */
public final class TrainToxicityModel {
    static final Path SHIPPED = Corpora.moduleDirectory().resolve("src/main/resources" + ToxicityModel.RESOURCE);

    private static final int BITS = 17;
    private static final int EPOCHS = 12;
    private static final double RATE = 0.2;
    private static final double L2 = 1e-6;
    private static final long SEED = 17;

    private TrainToxicityModel() {}

    /**
     * Trains and writes the model, or runs leave-one-source-out with {@code --loso}.
     *
     * @param args optional {@code --loso}
     * @throws Exception when reading the data or writing the weights fails
     */
    public static void main(String[] args) throws Exception {
        List<ToxicityCorpus.Row> rows = ToxicityCorpus.all();
        ToxicityLexicon lexicon = ToxicityLexicon.loadDefault();
        double threshold = ToxicityClassifier.DEFAULT_THRESHOLD;
        if (args.length > 0 && args[0].equals("--loso")) {
            for (String source : ToxicityCorpus.SOURCES) {
                ToxicityModel model = train(
                        lexicon,
                        rows.stream()
                                .filter(row -> !row.heldOut() && !row.file().equals(source))
                                .toList());
                System.out.println("without " + source + ", on all of it: "
                        + ToxicityRates.measure(
                                        scorer(lexicon, model),
                                        threshold,
                                        rows,
                                        row -> row.file().equals(source))
                                .summary());
            }
            return;
        }
        List<ToxicityCorpus.Row> train =
                rows.stream().filter(row -> !row.heldOut()).toList();
        ToxicityModel model = train(lexicon, train);
        Files.createDirectories(SHIPPED.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(SHIPPED)) {
            model.write(out);
        }
        System.out.printf("trained on %d rows; wrote %s (%d bytes)%n", train.size(), SHIPPED, Files.size(SHIPPED));
        ToxicityModel shipped;
        try (java.io.InputStream in = Files.newInputStream(SHIPPED)) {
            shipped = ToxicityModel.read(in);
        }
        for (String source : ToxicityCorpus.SOURCES) {
            System.out.println("held-out " + source + ": "
                    + ToxicityRates.measure(
                                    scorer(lexicon, shipped),
                                    threshold,
                                    rows,
                                    row -> row.heldOut() && row.file().equals(source))
                            .summary());
        }
    }

    private static java.util.function.ToDoubleFunction<String> scorer(ToxicityLexicon lexicon, ToxicityModel model) {
        return text -> {
            String[] words = ToxicityWords.of(text);
            return model.score(words, lexicon.find(words));
        };
    }

    /**
     * Trains a model.
     *
     * @param lexicon the lexicon whose hits are features
     * @param rows training rows
     * @return the model
     */
    static ToxicityModel train(ToxicityLexicon lexicon, List<ToxicityCorpus.Row> rows) {
        ToxicityFeatures features = new ToxicityFeatures(BITS);
        List<int[]> buckets = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        double[] labels = new double[rows.size()];
        double[] weights = classWeights(rows);
        for (int r = 0; r < rows.size(); r++) {
            String[] words = ToxicityWords.of(rows.get(r).text());
            Map<Integer, Float> x = features.sparse(words, lexicon.find(words));
            int[] b = new int[x.size()];
            float[] v = new float[x.size()];
            int k = 0;
            for (Map.Entry<Integer, Float> e : x.entrySet()) {
                b[k] = e.getKey();
                v[k++] = e.getValue();
            }
            buckets.add(b);
            values.add(v);
            labels[r] = rows.get(r).toxic() ? 1 : 0;
        }
        float[] w = new float[1 << BITS];
        double bias = 0;
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            double rate = RATE / (1 + epoch * 0.5);
            for (int r : order) {
                int[] b = buckets.get(r);
                float[] v = values.get(r);
                double z = bias;
                for (int k = 0; k < b.length; k++) {
                    z += w[b[k]] * v[k];
                }
                double gradient = (1.0 / (1.0 + Math.exp(-z)) - labels[r]) * weights[r];
                bias -= rate * gradient;
                for (int k = 0; k < b.length; k++) {
                    w[b[k]] -= (float) (rate * (gradient * v[k] + L2 * w[b[k]]));
                }
            }
        }
        return new ToxicityModel(features, (float) bias, w);
    }

    /** Per row: toxic and benign rows of each language weigh the same in total (mean weight 1). */
    private static double[] classWeights(List<ToxicityCorpus.Row> rows) {
        Map<String, int[]> counts = new java.util.HashMap<>();
        for (ToxicityCorpus.Row row : rows) {
            counts.computeIfAbsent(language(row), k -> new int[2])[row.toxic() ? 1 : 0]++;
        }
        double[] weights = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            ToxicityCorpus.Row row = rows.get(r);
            int[] c = counts.get(language(row));
            int total = c[0] + c[1];
            int mine = c[row.toxic() ? 1 : 0];
            weights[r] = (double) total / (2.0 * mine);
        }
        return weights;
    }

    private static String language(ToxicityCorpus.Row row) {
        return row.file().startsWith("blob") || row.file().startsWith("xsid") ? "id" : "en";
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
