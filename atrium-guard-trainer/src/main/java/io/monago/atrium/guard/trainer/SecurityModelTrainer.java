package io.monago.atrium.guard.trainer;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.context.DocumentSignals;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.lexicon.Lexicon;
import io.monago.atrium.guard.security.lexicon.RuleHit;
import io.monago.atrium.guard.security.model.FeatureHasher;
import io.monago.atrium.guard.security.model.LinearModel;
import io.monago.atrium.guard.security.model.SparseFeatures;
import io.monago.atrium.guard.security.text.Confusables;
import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.TextNormalizer;
import io.monago.atrium.guard.security.text.TokenCore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the shipped {@link LinearModel}: one logistic-regression head per learned category,
 * AdaGrad with L2 regularisation, a fixed seed, deterministic in every step (same corpus, same
 * settings: same weights, bit for bit).
 *
 * <p>Each head learns its category against benign text (weight 1) and, more gently, against the
 * other categories' attacks (weight {@link Settings#otherCategoryWeight}), so a text that is both an
 * injection and an extraction attempt (labelled with both) counts for both heads. The training
 * set is augmented by joining texts: a benign request followed by an attack, and two benign
 * requests, so that neither position nor length gives the label away.
 */
public final class SecurityModelTrainer {
    /** Words whose own features the shipped model precomputes. */
    private static final int FREQUENT_WORDS = 4000;

    /** The heads of the model, in order. */
    public static final List<IncidentCategory> HEADS = List.of(
            IncidentCategory.PROMPT_INJECTION,
            IncidentCategory.JAILBREAK_ATTEMPT,
            IncidentCategory.SYSTEM_PROMPT_EXTRACTION);

    /**
     * Training settings.
     *
     * @param seed the random seed (shuffling and augmentation)
     * @param bits log2 of the hashed feature table
     * @param window words per scoring window
     * @param stride words between window starts
     * @param epochs passes over the data
     * @param learningRate AdaGrad's base rate
     * @param l2 L2 regularisation per update
     * @param otherCategoryWeight the weight of another category's attack as a negative
     * @param positiveWeight the weight of a positive example
     * @param paraphrases paraphrased copies of each training row (lexicon synonyms swapped in)
     * @param paraphraseRate the chance that a word with synonyms is swapped
     * @param hardNegativeWeight the weight of a benign text that uses attack vocabulary
     * @param synthetic examples per template family of {@link SyntheticExamples} (0: none)
     */
    public record Settings(
            long seed,
            int bits,
            int window,
            int stride,
            int epochs,
            double learningRate,
            double l2,
            double otherCategoryWeight,
            double positiveWeight,
            int paraphrases,
            double paraphraseRate,
            double hardNegativeWeight,
            int synthetic) {
        /** The settings the shipped weights were trained with. */
        public static final Settings DEFAULT =
                new Settings(20261127L, 17, 32, 8, 5, 0.3, 3e-4, 0.3, 1.0, 0, 0.5, 3.0, 150);

        /**
         * The same settings with one value changed (the cross-validation grid uses this).
         *
         * @param name a component name, e.g. {@code l2}
         * @param value its new value
         * @return the changed settings
         */
        public Settings with(String name, double value) {
            return switch (name) {
                case "seed" ->
                    new Settings(
                            (long) value,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            l2,
                            otherCategoryWeight,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "epochs" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            (int) value,
                            learningRate,
                            l2,
                            otherCategoryWeight,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "learningRate" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            value,
                            l2,
                            otherCategoryWeight,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "l2" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            value,
                            otherCategoryWeight,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "otherCategoryWeight" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            l2,
                            value,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "positiveWeight" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            l2,
                            otherCategoryWeight,
                            value,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "paraphrases" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            l2,
                            otherCategoryWeight,
                            positiveWeight,
                            (int) value,
                            paraphraseRate,
                            hardNegativeWeight,
                            synthetic);
                case "hardNegativeWeight" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            l2,
                            otherCategoryWeight,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            value,
                            synthetic);
                case "synthetic" ->
                    new Settings(
                            seed,
                            bits,
                            window,
                            stride,
                            epochs,
                            learningRate,
                            l2,
                            otherCategoryWeight,
                            positiveWeight,
                            paraphrases,
                            paraphraseRate,
                            hardNegativeWeight,
                            (int) value);
                default -> throw new IllegalArgumentException("unknown setting " + name);
            };
        }
    }

    /**
     * One training text as the model's scoring windows: the model keeps each head's best window,
     * so each head learns from the window it scores highest (the sentence of an e-mail that carries
     * the injection, the worst-looking paragraph of a clean document), not from the whole text.
     */
    private record Example(List<SparseFeatures> windows, Set<IncidentCategory> labels, double weight) {}

    /** Windows kept per training text: the opening of a long jailbreak prompt carries its intent. */
    private static final int MAX_WINDOWS = 24;

    private final Settings settings;
    private final Lexicon lexicon;
    private final TextNormalizer normalizer;
    private final FeatureHasher hasher;
    private final Map<String, Integer> wordCounts = new HashMap<>();
    private final DocumentSignals documentSignals = new DocumentSignals();
    /** The buckets of position and role signals: evidence of planted instructions only. */
    private final Set<Integer> signalBuckets = new java.util.HashSet<>();

    /**
     * Creates a trainer.
     *
     * @param settings the settings
     */
    public SecurityModelTrainer(Settings settings) {
        this.settings = settings;
        this.lexicon = Lexicon.load();
        this.normalizer = new TextNormalizer(lexicon.vocabulary(), Confusables.load());
        this.hasher = new FeatureHasher(settings.bits());
    }

    /**
     * Trains on labelled texts: attacks of the learned categories and benign texts; encoded,
     * disguised and suffix rows are for the other stages and are left out.
     *
     * @param rows training rows
     * @return the model
     */
    public LinearModel train(List<LabelledText> rows) {
        // The average of a few models, each trained on its own draw of synthetic and placed
        // examples in its own order: one model's held-out rates on planted requests moved by several
        // points with the seed alone, and the average of linear models moves far less.
        float[] weights = null;
        float[] bias = null;
        for (int member = 0; member < ENSEMBLE; member++) {
            Fitted fitted = trainOnce(rows, settings.seed() + member * 7919L);
            if (weights == null) {
                weights = fitted.weights();
                bias = fitted.bias();
            } else {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] += fitted.weights()[i];
                }
                for (int h = 0; h < bias.length; h++) {
                    bias[h] += fitted.bias()[h];
                }
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= ENSEMBLE;
        }
        for (int h = 0; h < bias.length; h++) {
            bias[h] /= ENSEMBLE;
        }
        return new LinearModel(hasher, HEADS, bias, weights, settings.window(), settings.stride(), frequentWords());
    }

    /** Models averaged into the one shipped. */
    private static final int ENSEMBLE = 3;

    /** The weights and biases of one fit, before they are averaged (arrays, so not a record). */
    private static final class Fitted {
        private final float[] weights;
        private final float[] bias;

        Fitted(float[] weights, float[] bias) {
            this.weights = weights;
            this.bias = bias;
        }

        float[] weights() {
            return weights;
        }

        float[] bias() {
            return bias;
        }
    }

    private Fitted trainOnce(List<LabelledText> rows, long seed) {
        Random random = new Random(seed);
        List<LabelledText> attacks = new ArrayList<>();
        List<LabelledText> benign = new ArrayList<>();
        List<LabelledText> all = new ArrayList<>(rows);
        all.addAll(SyntheticExamples.generate(new Random(seed + 1), settings.synthetic()));
        for (LabelledText row : all) {
            if (!row.obfuscation().isEmpty()) {
                continue;
            }
            if (!row.attack()) {
                benign.add(row);
            } else if (HEADS.stream().anyMatch(row.labels()::contains)) {
                attacks.add(row);
            }
        }
        List<Example> examples = new ArrayList<>();
        for (LabelledText row : attacks) {
            examples.add(example(row.text(), row.labels(), 1.0, isTool(row)));
            LabelledText carrier = benign.get(random.nextInt(benign.size()));
            examples.add(example(carrier.text() + " " + row.text(), row.labels(), 1.0, isTool(row)));
            for (int k = 0; k < settings.paraphrases(); k++) {
                examples.add(example(paraphrase(row, random), row.labels(), 1.0, isTool(row)));
            }
        }
        addPlacedRequests(benign, random, examples);
        // Indirect injections: a sentence addressed to the model, hidden in a benign training text.
        for (int i = 0; i < settings.synthetic(); i++) {
            LabelledText carrier = benign.get(random.nextInt(benign.size()));
            String sentence = SyntheticExamples.indirectSentence(
                    random, !carrier.language().equals("id"));
            String text = carrier.text();
            int cut = text.indexOf(". ", random.nextInt(Math.max(1, text.length())));
            text = cut < 0
                    ? text + " " + sentence
                    : text.substring(0, cut + 2) + sentence + " " + text.substring(cut + 2);
            // Half of them as tool results, each with its clean carrier in the same role.
            boolean tool = random.nextBoolean();
            examples.add(example(text, Set.of(IncidentCategory.PROMPT_INJECTION), 1.0, tool));
            examples.add(example(carrier.text(), Set.of(), 1.0, tool));
        }
        for (LabelledText row : benign) {
            examples.add(example(
                    row.text(), Set.of(), row.hardNegative() ? settings.hardNegativeWeight() : 1.0, isTool(row)));
            if (random.nextDouble() < 0.5) {
                LabelledText other = benign.get(random.nextInt(benign.size()));
                examples.add(example(row.text() + " " + other.text(), Set.of(), 1.0, isTool(row)));
            }
            for (int k = 0; k < settings.paraphrases(); k++) {
                examples.add(example(paraphrase(row, random), Set.of()));
            }
        }
        return fit(examples, random);
    }

    /**
     * Replaces some words by another word of the same lexicon class ("ignore" by "disregard",
     * "abaikan" by "lupakan"), so the model sees the synonyms the lexicon knows in context.
     */
    private String paraphrase(LabelledText row, Random random) {
        List<String> languages = row.language().equals("id")
                ? List.of("id")
                : row.language().equals("en") ? List.of("en") : List.of("en", "id");
        StringBuilder out = new StringBuilder();
        for (String token : row.text().split(" ", -1)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            TokenCore core = TokenCore.of(token);
            int start = core.start();
            int end = core.end();
            String word = core.text().toLowerCase(java.util.Locale.ROOT);
            List<String> choices = List.of();
            for (String language : languages) {
                if (choices.isEmpty()) {
                    choices = lexicon.synonyms(language, word);
                }
            }
            if (choices.size() > 1 && random.nextDouble() < settings.paraphraseRate()) {
                out.append(token, 0, start)
                        .append(choices.get(random.nextInt(choices.size())))
                        .append(token.substring(end));
            } else {
                out.append(token);
            }
        }
        return out.toString();
    }

    private static boolean isTool(LabelledText row) {
        return "tool".equals(row.source());
    }

    /**
     * Indirect injections of the plainest kind, built from the training rows: a harmless request
     * (a benign direct row) placed on a line of its own at the start, in the middle or at the end of
     * a benign document (an e-mail, a table, a code answer, a tool result). On its own the request
     * is fine; inside the data it is text that speaks to the reader, which is what the position
     * signals of {@link DocumentSignals} describe. Their counterparts, labelled benign: the same
     * documents with the user's own request about them before or after, and documents other than
     * tables with an instruction for their human reader placed the same way.
     */
    private void addPlacedRequests(List<LabelledText> benign, Random random, List<Example> examples) {
        List<LabelledText> documents = new ArrayList<>();
        List<LabelledText> requests = new ArrayList<>();
        for (LabelledText row : benign) {
            long lines = row.text().chars().filter(c -> c == '\n').count();
            if (lines >= 2 || (!"direct".equals(row.source()) && lines >= 1) || isTool(row)) {
                documents.add(row);
            } else if ("direct".equals(row.source()) && !row.hardNegative() && lines == 0) {
                int words = row.text().split("\\s+").length;
                if (words >= 3 && words <= 25) {
                    requests.add(row);
                }
            }
        }
        if (documents.isEmpty() || requests.isEmpty()) {
            return;
        }
        int count = settings.synthetic() * PLACED_PER_SYNTHETIC;
        for (int i = 0; i < count; i++) {
            LabelledText document = documents.get(random.nextInt(documents.size()));
            String request = requests.get(random.nextInt(requests.size())).text();
            boolean tool = isTool(document) || random.nextInt(4) == 0;
            examples.add(example(
                    place(document.text(), request, random.nextInt(3), random),
                    Set.of(IncidentCategory.PROMPT_INJECTION),
                    1.0,
                    tool));
            // The same document without the request, in the same role: the document and the role
            // are not the evidence, the request inside it is.
            examples.add(example(document.text(), Set.of(), 1.0, tool));
        }
        for (int i = 0; i < count; i++) {
            LabelledText document = documents.get(random.nextInt(documents.size()));
            boolean english = !document.language().equals("id");
            String[] own = english ? OWN_REQUESTS_EN : OWN_REQUESTS_ID;
            String request = own[random.nextInt(own.length)];
            String text =
                    random.nextInt(4) == 0 ? document.text() + "\n\n" + request : request + "\n\n" + document.text();
            examples.add(example(text, Set.of(), 1.0, false));
        }
        // Their other counterpart, labelled benign: documents carry instructions for their human
        // reader too (a deadline, a dose, a recipe step, a how-to), placed the same way and in the
        // same roles. What sets a planted request apart is that it speaks to the model or about
        // its answer, not that it is instruction-shaped.
        // Tables are left out: a table has rows, not a note to its reader, and a line of prose before
        // or after its rows is the planted request that BIPIA tables carry.
        List<LabelledText> prose =
                documents.stream().filter(d -> !isTable(d.text())).toList();
        for (int i = 0; i < count && !prose.isEmpty(); i++) {
            LabelledText document = prose.get(random.nextInt(prose.size()));
            boolean english = !document.language().equals("id");
            String[] notices = english ? SyntheticExamples.READER_NOTICES_EN : SyntheticExamples.READER_NOTICES_ID;
            String notice = notices[random.nextInt(notices.length)];
            if (random.nextInt(3) == 0) {
                notice = notice + "\n" + notices[random.nextInt(notices.length)];
            }
            // Half in the tool role (a tool result is where an agent meets them most).
            boolean tool = isTool(document) || random.nextInt(4) < 2;
            examples.add(example(place(document.text(), notice, random.nextInt(3), random), Set.of(), 1.0, tool));
        }
    }

    /** Whether a text has two or more table rows (lines with two or more {@code |}). */
    private static boolean isTable(String text) {
        int rows = 0;
        for (String line : text.split("\n", -1)) {
            if (line.chars().filter(c -> c == '|').count() >= 2) {
                rows++;
            }
        }
        return rows >= 2;
    }

    /** Placed requests per synthetic example of each kind. */
    private static final int PLACED_PER_SYNTHETIC = 2;

    /** What users write around a document they paste: about the document, not to its reader. */
    private static final String[] OWN_REQUESTS_EN = {
        "Summarize the following email.",
        "Can you summarise this email for me?",
        "What does this table say about the totals?",
        "Please answer the question using the text below.",
        "Here is the document. What are the key points?",
        "Explain what this code does.",
        "Translate the following message into Indonesian.",
        "Read this report and list the action items.",
        "Which row in this table has the highest value?",
        "Is there anything urgent in the message above?",
        "Draft a short reply to this email.",
        "Check the attached invoice for errors.",
    };

    private static final String[] OWN_REQUESTS_ID = {
        "Ringkas email berikut.",
        "Tolong rangkum pesan ini.",
        "Apa isi tabel di bawah ini?",
        "Jelaskan maksud dokumen berikut.",
        "Buatkan balasan singkat untuk email ini.",
        "Terjemahkan pesan di atas ke bahasa Inggris.",
        "Baris mana di tabel ini yang nilainya paling tinggi?",
        "Tolong cek faktur terlampir, ada yang salah?",
        "Baca laporan ini dan sebutkan tindak lanjutnya.",
        "Apakah ada hal mendesak di pesan tersebut?",
    };

    /** A document with a line inserted at its start (0), in its middle (1) or at its end (2). */
    private static String place(String document, String line, int where, Random random) {
        String[] lines = document.split("\n", -1);
        int at = where == 0 ? 0 : where == 2 ? lines.length : 1 + random.nextInt(Math.max(1, lines.length - 1));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= lines.length; i++) {
            if (i == at) {
                out.append(line).append('\n');
            }
            if (i < lines.length) {
                out.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
            }
        }
        return out.toString().strip();
    }

    private Example example(String text, Set<IncidentCategory> labels) {
        return example(text, labels, 1.0, false);
    }

    private Example example(String text, Set<IncidentCategory> labels, double weight, boolean dataRole) {
        NormalizedText normalized = normalizer.normalize(text);
        String[] words = normalized.words().toArray(new String[0]);
        for (String word : words) {
            wordCounts.merge(word, 1, Integer::sum);
        }
        int[][] classes = lexicon.classesOf(words);
        int[] hashes = hasher.wordHashes(words);
        List<RuleHit> hits = new ArrayList<>(lexicon.match(normalized));
        for (RuleHit signal : documentSignals.find(normalized, dataRole)) {
            hits.add(signal);
            signalBuckets.add(hasher.ruleFeature(signal.id()));
        }
        // The model's windows without their overlap (a window every `window` words, the last one
        // ending at the text's end), which keeps the trainer's memory in bounds.
        int window = settings.window();
        List<SparseFeatures> windows = new ArrayList<>();
        for (int start = 0; windows.size() < MAX_WINDOWS; start += window) {
            int end = Math.min(words.length, start + window);
            windows.add(SparseFeatures.ofWindow(hasher, words, hashes, classes, hits, Math.max(0, end - window), end));
            if (end == words.length) {
                break;
            }
        }
        return new Example(List.copyOf(windows), labels, weight);
    }

    /** The most frequent training words, ties in alphabetical order (deterministic). */
    private List<String> frequentWords() {
        return wordCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(FREQUENT_WORDS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private Fitted fit(List<Example> examples, Random random) {
        int heads = HEADS.size();
        float[] weights = new float[hasher.size() * heads];
        double[] squaredGradients = new double[weights.length];
        double[] bias = new double[heads];
        double[] biasSquared = new double[heads];
        // Where an instruction sits says nothing about jailbreaks or extraction: long jailbreak
        // templates are documents by shape, and their heads must not learn that tables are too.
        boolean[] injectionOnly = new boolean[hasher.size()];
        for (int bucket : signalBuckets) {
            injectionOnly[bucket] = true;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int index : order) {
                Example example = examples.get(index);
                for (int h = 0; h < heads; h++) {
                    IncidentCategory head = HEADS.get(h);
                    boolean positive = example.labels().contains(head);
                    double weight = example.weight()
                            * (positive
                                    ? settings.positiveWeight()
                                    : example.labels().isEmpty() ? 1.0 : settings.otherCategoryWeight());
                    // The loss of the best window, as the model scores a text (multiple-instance
                    // learning with max pooling).
                    SparseFeatures x = example.windows().get(0);
                    double z = x.dot(weights, heads, h);
                    for (int w = 1; w < example.windows().size(); w++) {
                        double zw = example.windows().get(w).dot(weights, heads, h);
                        if (zw > z) {
                            z = zw;
                            x = example.windows().get(w);
                        }
                    }
                    double p = LinearModel.sigmoid(bias[h] + z);
                    double g = (p - (positive ? 1 : 0)) * weight;
                    for (int i = 0; i < x.buckets().length; i++) {
                        if (head != IncidentCategory.PROMPT_INJECTION && injectionOnly[x.buckets()[i]]) {
                            continue;
                        }
                        int k = x.buckets()[i] * heads + h;
                        double grad = g * x.values()[i] + settings.l2() * weights[k];
                        squaredGradients[k] += grad * grad;
                        weights[k] -= (float) (settings.learningRate() * grad / Math.sqrt(squaredGradients[k] + 1e-8));
                    }
                    biasSquared[h] += g * g;
                    bias[h] -= settings.learningRate() * g / Math.sqrt(biasSquared[h] + 1e-8);
                }
            }
        }
        float[] biasOut = new float[heads];
        for (int h = 0; h < heads; h++) {
            biasOut[h] = (float) bias[h];
        }
        return new Fitted(weights, biasOut);
    }
}
