package io.monago.atrium.guard.toxicity.model;

import io.monago.atrium.guard.security.model.FeatureHasher;
import io.monago.atrium.guard.security.text.WordHash;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Logistic regression over {@link ToxicityFeatures}. A long text is scored in overlapping windows
 * of {@value #WINDOW} words and keeps its best window, so one abusive sentence in a long answer is
 * not averaged away. Weights ship in the jar ({@value #RESOURCE}), quantised to one byte each;
 * {@code TrainToxicityModel} in atrium-guard-trainer writes them. Immutable and thread-safe.
 *
 * <pre>{@code
 * ToxicityModel model = ToxicityModel.loadDefault();
 * double p = model.score(words, lexicon.find(words));
 * }</pre>
 */
public final class ToxicityModel {
    /** The shipped weights. */
    public static final String RESOURCE = "/io/monago/atrium/guard/toxicity/model/toxicity-model.bin.gz";
    /** Words per scoring window. */
    public static final int WINDOW = 48;

    private static final int STRIDE = WINDOW / 2;
    private static final int MAGIC = 0x41545831; // "ATX1"

    private final ToxicityFeatures features;
    private final float bias;
    private final float[] weights;

    /**
     * Creates a model.
     *
     * @param features the features the weights were trained with
     * @param bias the intercept
     * @param weights one weight per bucket
     */
    public ToxicityModel(ToxicityFeatures features, float bias, float[] weights) {
        if (weights.length != 1 << features.bits()) {
            throw new IllegalArgumentException(
                    "expected " + (1 << features.bits()) + " weights, got " + weights.length);
        }
        this.features = features;
        this.bias = bias;
        this.weights = weights.clone();
    }

    /**
     * The model shipped in the jar.
     *
     * @return the default model
     */
    public static ToxicityModel loadDefault() {
        try (InputStream in = ToxicityModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads weights written by {@link #write}.
     *
     * @param in gzip stream
     * @return the model
     * @throws IOException when the stream is not a toxicity model
     */
    public static ToxicityModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in));
        if (data.readInt() != MAGIC) {
            throw new IOException("not a toxicity model");
        }
        int bits = data.readInt();
        float bias = data.readFloat();
        float scale = data.readFloat();
        byte[] quantised = new byte[1 << bits];
        data.readFully(quantised);
        float[] weights = new float[quantised.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = quantised[i] * scale;
        }
        return new ToxicityModel(new ToxicityFeatures(bits), bias, weights);
    }

    /**
     * Writes the weights, quantised to one byte each.
     *
     * @param out receives a gzip stream
     * @throws IOException when writing fails
     */
    public void write(OutputStream out) throws IOException {
        float max = 1e-6f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / 127f;
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(MAGIC);
        data.writeInt(features.bits());
        data.writeFloat(bias);
        data.writeFloat(scale);
        byte[] quantised = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            quantised[i] = (byte) Math.round(weights[i] / scale);
        }
        data.write(quantised);
        data.flush();
        gzip.finish();
    }

    /**
     * The features this model reads.
     *
     * @return the features
     */
    public ToxicityFeatures features() {
        return features;
    }

    /**
     * The probability that a text is toxic: the best of its windows.
     *
     * @param words normalised words
     * @param hits lexicon hits on them
     * @return a probability
     */
    public double score(String[] words, List<ToxicityLexicon.Hit> hits) {
        int n = words.length;
        double[] sums = new double[n + 1];
        int[] counts = new int[n + 1];
        int[] buckets = new int[ToxicityFeatures.MAX_WORD_BUCKETS];
        int previous = FeatureHasher.NO_WORD;
        for (int i = 0; i < n; i++) {
            int hash = WordHash.of(words[i]);
            int count = features.wordBuckets(words[i], previous, hash, buckets);
            double word = 0;
            for (int k = 0; k < count; k++) {
                word += weights[buckets[k]];
            }
            sums[i + 1] = sums[i] + word;
            counts[i + 1] = counts[i] + count;
            previous = hash;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int start = 0; ; start += STRIDE) {
            int end = Math.min(n, start + WINDOW);
            best = Math.max(best, windowScore(sums, counts, hits, start, end));
            if (end == n) {
                break;
            }
        }
        return 1.0 / (1.0 + Math.exp(-best));
    }

    private double windowScore(double[] sums, int[] counts, List<ToxicityLexicon.Hit> hits, int start, int end) {
        double z = bias + (sums[end] - sums[start]) / Math.sqrt(Math.max(1, counts[end] - counts[start]));
        List<ToxicityLexicon.Hit> inside = new ArrayList<>();
        for (ToxicityLexicon.Hit hit : hits) {
            if (hit.start() >= start && hit.start() < Math.max(end, start + 1)) {
                inside.add(hit);
            }
        }
        for (int bucket : features.termBuckets(inside)) {
            z += weights[bucket];
        }
        return z;
    }
}
