package io.monago.atrium.guard.security.model;

import io.monago.atrium.guard.security.context.DocumentSignals;
import io.monago.atrium.guard.security.lexicon.RuleHit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feature vector of a whole text, as {@link LinearModel} sees one window: text features
 * counted and divided by the square root of their total, rule features 0/1. The training program
 * learns from these; the model's windowed scoring computes the same sums incrementally.
 *
 * <pre>{@code
 * SparseFeatures x = SparseFeatures.of(model.hasher(), words, lexicon.classesOf(words), hits);
 * double z = bias + x.dot(weights, heads, head);
 * }</pre>
 *
 * <p>A class rather than a record: its two arrays are shared, not copied, for the trainer's inner
 * loop, and two vectors are never compared.
 */
public final class SparseFeatures {
    private final int[] buckets;
    private final float[] values;

    private SparseFeatures(int[] buckets, float[] values) {
        this.buckets = buckets;
        this.values = values;
    }

    /**
     * The feature buckets, each once; the array itself, not to be changed.
     *
     * @return feature buckets
     */
    public int[] buckets() {
        return buckets;
    }

    /**
     * The value of each bucket, at the same index; the array itself, not to be changed.
     *
     * @return bucket values
     */
    public float[] values() {
        return values;
    }

    /**
     * Extracts the features of a whole text.
     *
     * @param hasher the hasher
     * @param words normalised words
     * @param classes the lexicon classes of each word
     * @param hits lexicon hits on them
     * @return the features
     */
    public static SparseFeatures of(FeatureHasher hasher, String[] words, int[][] classes, List<RuleHit> hits) {
        return ofWindow(hasher, words, hasher.wordHashes(words), classes, hits, 0, words.length);
    }

    /**
     * Extracts the features of one scoring window, as {@link LinearModel} sums them: the features
     * of each word from {@code start} to {@code end} (a word's bigram and class pairs reach back
     * before the window, as they do when the model scores), and the rules that start inside it.
     *
     * @param hasher the hasher
     * @param words normalised words of the whole text
     * @param wordHashes {@link FeatureHasher#wordHashes} of them
     * @param classes the lexicon classes of each word
     * @param hits lexicon hits on the whole text
     * @param start first word of the window
     * @param end index after its last word
     * @return the features
     */
    public static SparseFeatures ofWindow(
            FeatureHasher hasher,
            String[] words,
            int[] wordHashes,
            int[][] classes,
            List<RuleHit> hits,
            int start,
            int end) {
        Map<Integer, Float> counts = new HashMap<>();
        int[] total = new int[1];
        for (int i = start; i < end; i++) {
            hasher.wordFeatures(words, wordHashes, classes, i, bucket -> {
                counts.merge(bucket, 1f, Float::sum);
                total[0]++;
            });
        }
        float norm = (float) Math.sqrt(Math.max(1, total[0]));
        counts.replaceAll((bucket, count) -> count / norm);
        for (int bucket : ruleBuckets(hasher, hits, start, end)) {
            counts.merge(bucket, 1f, Float::sum);
        }
        int[] buckets = new int[counts.size()];
        float[] values = new float[counts.size()];
        int k = 0;
        for (Map.Entry<Integer, Float> entry : counts.entrySet()) {
            buckets[k] = entry.getKey();
            values[k++] = entry.getValue();
        }
        return new SparseFeatures(buckets, values);
    }

    /**
     * The rule features active in a window: each rule, rule name, rule category and weight band
     * once, however often it matched.
     *
     * @param hasher the hasher
     * @param hits lexicon hits
     * @param start first word of the window
     * @param end index after its last word
     * @return the buckets of the active rule features
     */
    public static Set<Integer> ruleBuckets(FeatureHasher hasher, List<RuleHit> hits, int start, int end) {
        Set<Integer> buckets = new HashSet<>();
        for (RuleHit hit : hits) {
            if (hit.start() >= start && hit.start() < Math.max(end, start + 1)) {
                buckets.add(hasher.ruleFeature(hit.id()));
                if (DocumentSignals.isSignal(hit)) {
                    // A position or role signal is one feature of its own, not a lexicon rule.
                    continue;
                }
                buckets.add(hasher.ruleNameFeature(hit.id()));
                buckets.add(hasher.ruleWeightFeature(hit.category(), hit.weight()));
                buckets.add(hasher.categoryFeature(hit.category()));
            }
        }
        return buckets;
    }

    /**
     * The dot product with one head of an interleaved weight table.
     *
     * @param weights weights, {@code bucket * heads + head}
     * @param heads the number of heads
     * @param head which head
     * @return the sum of weight times value
     */
    public double dot(float[] weights, int heads, int head) {
        double sum = 0;
        for (int i = 0; i < buckets.length; i++) {
            sum += weights[buckets[i] * heads + head] * values[i];
        }
        return sum;
    }
}
