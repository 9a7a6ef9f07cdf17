package io.monago.atrium.guard.security.model;

import io.monago.atrium.guard.security.IncidentCategory;
import io.monago.atrium.guard.security.lexicon.RuleHit;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One logistic-regression head per learned category over {@link FeatureHasher} features. Text
 * features are counted and divided by the square root of their number in the window (so long and
 * short texts score on one scale); rule features are 0/1 and not divided, so a lexicon hit weighs
 * the same in a tweet and in an email. Long texts are scored in overlapping windows of
 * {@link #window()} words and each head keeps its best window: one injected sentence in a long
 * tool result is not drowned by the rest. Weights are scored from a one-byte quantised copy (the
 * table then fits in cache; scores move by well under 0.01). Immutable and thread-safe.
 *
 * <p>Weights ship in the jar ({@value #RESOURCE}); {@code TrainSecurityModel} in the test sources
 * produces them (docs/guard.md gives the command).
 *
 * <pre>{@code
 * LinearModel model = LinearModel.loadDefault();
 * double[] p = model.score(words, lexicon.classesOf(words), hits); // one probability per head
 * }</pre>
 */
public final class LinearModel {
    /** The shipped weights. */
    public static final String RESOURCE = "/io/monago/atrium/guard/security/model/security-model.bin.gz";
    private static final int MAGIC = 0x41545332; // "ATS2"

    private final FeatureHasher hasher;
    private final List<IncidentCategory> heads;
    private final float[] bias;
    /** Float weights, interleaved: weights[bucket * heads + head]; kept for writing the file. */
    private final float[] weights;
    /**
     * The same weights quantised to one byte each (per-head scale): a quarter of the memory, so the
     * table stays in cache; scoring reads only these. Interleaved so one cache line serves every head.
     */
    private final byte[] quantised;
    private final float[] scale;
    private final int window;
    private final int stride;
    private final List<String> frequentWords;
    /** Per frequent word: the quantised weight sums of its own features per head, then their count. */
    private final Map<String, double[]> intrinsicSums;

    /**
     * Creates a model.
     *
     * @param hasher the feature hasher the weights were trained with
     * @param heads the category of each head
     * @param bias one intercept per head
     * @param weights {@code hasher.size() * heads.size()} weights, interleaved by bucket
     * @param window words per scoring window
     * @param stride words between window starts
     * @param frequentWords words whose own features are summed once, here, rather than at every
     *     occurrence (the most frequent words of the training text; any list gives the same scores)
     */
    public LinearModel(FeatureHasher hasher, List<IncidentCategory> heads, float[] bias, float[] weights,
                       int window, int stride, List<String> frequentWords) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.heads = List.copyOf(heads);
        this.bias = bias.clone();
        this.weights = weights.clone();
        if (bias.length != heads.size() || weights.length != hasher.size() * heads.size()) {
            throw new IllegalArgumentException("weights do not fit " + heads.size() + " heads of " + hasher.size() + " buckets");
        }
        if (window < 1 || stride < 1 || stride > window) {
            throw new IllegalArgumentException("need 1 <= stride <= window, got window " + window + ", stride " + stride);
        }
        this.window = window;
        this.stride = stride;
        int headCount = heads.size();
        this.scale = new float[headCount];
        for (int i = 0; i < weights.length; i++) {
            scale[i % headCount] = Math.max(scale[i % headCount], Math.abs(weights[i]) / 127f);
        }
        this.quantised = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            float s = scale[i % headCount];
            quantised[i] = s == 0 ? 0 : (byte) Math.round(weights[i] / s);
        }
        this.frequentWords = List.copyOf(frequentWords);
        Map<String, double[]> sums = new HashMap<>();
        for (String word : this.frequentWords) {
            double[] sum = new double[headCount + 1];
            hasher.intrinsicFeatures(word, hasher.wordHash(word), bucket -> {
                for (int h = 0; h < headCount; h++) {
                    sum[h] += quantised[bucket * headCount + h];
                }
                sum[headCount]++;
            });
            sums.put(word, sum);
        }
        this.intrinsicSums = Map.copyOf(sums);
    }

    /**
     * Loads the weights shipped in the jar.
     *
     * @return the model
     * @throws IllegalStateException when the resource is missing or corrupt
     */
    public static LinearModel loadDefault() {
        try (InputStream in = LinearModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @param in gzip-compressed model bytes; not closed
     * @return the model
     * @throws IOException when the stream cannot be read
     * @throws IllegalStateException when it is not a model file
     */
    public static LinearModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in));
        if (data.readInt() != MAGIC) {
            throw new IllegalStateException("not a security model file (bad magic number)");
        }
        FeatureHasher hasher = new FeatureHasher(data.readInt());
        int window = data.readInt();
        int stride = data.readInt();
        int headCount = data.readInt();
        List<IncidentCategory> heads = new ArrayList<>();
        float[] bias = new float[headCount];
        for (int h = 0; h < headCount; h++) {
            String name = data.readUTF();
            heads.add(IncidentCategory.fromWire(name).orElseThrow(() ->
                    new IllegalStateException("model head names an unknown category: " + name)));
            bias[h] = data.readFloat();
        }
        float[] weights = new float[hasher.size() * headCount];
        int nonZero = data.readInt();
        for (int i = 0; i < nonZero; i++) {
            int bucket = data.readInt();
            for (int h = 0; h < headCount; h++) {
                weights[bucket * headCount + h] = data.readFloat();
            }
        }
        int wordCount = data.readInt();
        List<String> frequent = new ArrayList<>(wordCount);
        for (int i = 0; i < wordCount; i++) {
            frequent.add(data.readUTF());
        }
        return new LinearModel(hasher, heads, bias, weights, window, stride, frequent);
    }

    /**
     * Writes the model, gzip-compressed, keeping only buckets with a weight of at least
     * {@code minWeight} in absolute value in some head.
     *
     * @param out where to write; not closed
     * @param minWeight weights smaller than this are dropped
     * @throws IOException when writing fails
     */
    public void write(OutputStream out, float minWeight) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(MAGIC);
        data.writeInt(hasher.bits());
        data.writeInt(window);
        data.writeInt(stride);
        data.writeInt(heads.size());
        for (int h = 0; h < heads.size(); h++) {
            data.writeUTF(heads.get(h).wireName());
            data.writeFloat(bias[h]);
        }
        int headCount = heads.size();
        List<Integer> kept = new ArrayList<>();
        for (int bucket = 0; bucket < hasher.size(); bucket++) {
            for (int h = 0; h < headCount; h++) {
                if (Math.abs(weights[bucket * headCount + h]) >= minWeight) {
                    kept.add(bucket);
                    break;
                }
            }
        }
        data.writeInt(kept.size());
        for (int bucket : kept) {
            data.writeInt(bucket);
            for (int h = 0; h < headCount; h++) {
                data.writeFloat(weights[bucket * headCount + h]);
            }
        }
        data.writeInt(frequentWords.size());
        for (String word : frequentWords) {
            data.writeUTF(word);
        }
        data.flush();
        gzip.finish();
    }

    /**
     * The categories of the heads, in the order {@link #score} returns them.
     *
     * @return the head categories
     */
    public List<IncidentCategory> heads() {
        return heads;
    }

    /**
     * The hasher.
     *
     * @return the feature hasher the weights belong to
     */
    public FeatureHasher hasher() {
        return hasher;
    }

    /**
     * Words per scoring window.
     *
     * @return the window length
     */
    public int window() {
        return window;
    }

    /**
     * Words between window starts.
     *
     * @return the stride
     */
    public int stride() {
        return stride;
    }

    /**
     * Scores a text: each head's probability in its best window.
     *
     * @param words the normalised words
     * @param classes the lexicon classes of each word
     * @param hits the lexicon hits on those words
     * @return one probability per head
     */
    public double[] score(String[] words, int[][] classes, List<RuleHit> hits) {
        int headCount = heads.size();
        int n = words.length;
        double[][] prefix = new double[headCount][n + 1];
        int[] counts = new int[n + 1];
        int[] wordHashes = hasher.wordHashes(words);
        double[] sums = new double[headCount];
        int[] featureCount = new int[1];
        IntConsumer accumulate = bucket -> {
            int base = bucket * headCount;
            for (int h = 0; h < headCount; h++) {
                sums[h] += quantised[base + h];
            }
            featureCount[0]++;
        };
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            featureCount[0] = 0;
            hasher.contextFeatures(wordHashes, classes, i, accumulate);
            double[] cached = intrinsicSums.get(words[i]);
            if (cached != null) {
                for (int h = 0; h < headCount; h++) {
                    sums[h] += cached[h];
                }
                featureCount[0] += (int) cached[headCount];
            } else {
                hasher.intrinsicFeatures(words[i], wordHashes[i], accumulate);
            }
            for (int h = 0; h < headCount; h++) {
                prefix[h][i + 1] = prefix[h][i] + sums[h] * scale[h];
            }
            counts[i + 1] = counts[i] + featureCount[0];
        }
        double[] best = new double[headCount];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int[][] ruleBuckets = ruleBucketsByStart(hits);
        int[] starts = ruleBuckets[0];
        int first = 0;
        int last = 0;
        double[] ruleSums = new double[headCount];
        int[] seen = new int[16];
        for (int start = 0; ; start += stride) {
            int end = Math.min(n, start + window);
            double norm = Math.sqrt(Math.max(1, counts[end] - counts[start]));
            while (first < starts.length && starts[first] < start) {
                first++;
            }
            while (last < starts.length && starts[last] < Math.max(end, start + 1)) {
                last++;
            }
            Arrays.fill(ruleSums, 0);
            seen = addRuleWeights(ruleBuckets, first, last, ruleSums, seen);
            for (int h = 0; h < headCount; h++) {
                double z = bias[h] + (prefix[h][end] - prefix[h][start]) / norm + ruleSums[h];
                best[h] = Math.max(best[h], z);
            }
            if (end >= n) {
                break;
            }
        }
        for (int h = 0; h < headCount; h++) {
            best[h] = sigmoid(best[h]);
        }
        return best;
    }

    /** Rule hits sorted by start word: {starts, rule buckets, category buckets}. */
    private int[][] ruleBucketsByStart(List<RuleHit> hits) {
        RuleHit[] sorted = hits.toArray(new RuleHit[0]);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a.start(), b.start()));
        int[][] table = new int[3][sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            table[0][i] = sorted[i].start();
            table[1][i] = hasher.ruleFeature(sorted[i].id());
            table[2][i] = hasher.categoryFeature(sorted[i].category());
        }
        return table;
    }

    /** Adds each distinct rule and category bucket of hits first..last-1 once (as in training). */
    private int[] addRuleWeights(int[][] table, int first, int last, double[] sums, int[] seen) {
        int distinct = 0;
        int headCount = heads.size();
        for (int i = first; i < last; i++) {
            for (int column = 1; column <= 2; column++) {
                int bucket = table[column][i];
                boolean repeated = false;
                for (int k = 0; k < distinct && !repeated; k++) {
                    repeated = seen[k] == bucket;
                }
                if (repeated) {
                    continue;
                }
                if (distinct == seen.length) {
                    seen = Arrays.copyOf(seen, distinct * 2);
                }
                seen[distinct++] = bucket;
                for (int h = 0; h < headCount; h++) {
                    sums[h] += quantised[bucket * headCount + h] * scale[h];
                }
            }
        }
        return seen;
    }

    /**
     * The logistic function.
     *
     * @param z a log-odds
     * @return its probability
     */
    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
