package io.monago.atrium.guard.toxicity.model;

import io.monago.atrium.guard.security.model.FeatureHasher;
import io.monago.atrium.guard.security.text.WordHash;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features of the toxicity model, hashed into a fixed table with the security model's {@link
 * FeatureHasher}: per word its unigram, its bigram with the word before and its character 3- to
 * 5-grams (counted, divided by the square root of their number); per lexicon hit its term, its
 * category and one "any term" feature (0/1, not divided). The trainer learns from {@link #sparse};
 * {@link ToxicityModel} sums the same features directly.
 *
 * <pre>{@code
 * ToxicityFeatures features = new ToxicityFeatures(17);
 * Map<Integer, Float> x = features.sparse(words, hits);
 * }</pre>
 */
public final class ToxicityFeatures {
    private static final int ANY_TERM = 0x70707070;

    private final FeatureHasher hasher;

    /**
     * Creates the features over a table of {@code 2^bits} buckets.
     *
     * @param bits log2 of the table size, 10 to 24
     */
    public ToxicityFeatures(int bits) {
        this.hasher = new FeatureHasher(bits);
    }

    /**
     * The table size exponent.
     *
     * @return log2 of the number of buckets
     */
    public int bits() {
        return hasher.bits();
    }

    /** The most buckets {@link #wordBuckets} writes for one word. */
    static final int MAX_WORD_BUCKETS = FeatureHasher.MAX_INTRINSIC + 1;

    /**
     * Writes the buckets of one word's text features: its unigram and character n-grams, then its
     * bigram with the word before.
     *
     * @param word the word
     * @param previousHash the hash of the word before ({@link FeatureHasher#NO_WORD} for none)
     * @param hash the word's hash
     * @param out receives the buckets; at least {@link #MAX_WORD_BUCKETS} long
     * @return how many were written
     */
    int wordBuckets(String word, int previousHash, int hash, int[] out) {
        int count = hasher.intrinsicBuckets(word, 0, word.length(), hash, out);
        out[count] = hasher.bigramBucket(previousHash, hash);
        return count + 1;
    }

    /**
     * The distinct term features of some hits.
     *
     * @param hits lexicon hits
     * @return their buckets, each once
     */
    Set<Integer> termBuckets(List<ToxicityLexicon.Hit> hits) {
        Set<Integer> buckets = new LinkedHashSet<>();
        if (!hits.isEmpty()) {
            buckets.add(hasher.classBucket(ANY_TERM));
        }
        for (ToxicityLexicon.Hit hit : hits) {
            buckets.add(hasher.ruleFeature(hit.term()));
            buckets.add(hasher.ruleNameFeature("category." + hit.category().wireName()));
        }
        return buckets;
    }

    /**
     * The feature vector of a whole text, as the trainer learns from it.
     *
     * @param words normalised words
     * @param hits lexicon hits on them
     * @return bucket to value
     */
    public Map<Integer, Float> sparse(String[] words, List<ToxicityLexicon.Hit> hits) {
        Map<Integer, Float> counts = new HashMap<>();
        int[] total = new int[1];
        int previous = FeatureHasher.NO_WORD;
        int[] buckets = new int[MAX_WORD_BUCKETS];
        for (String word : words) {
            int hash = WordHash.of(word);
            int n = wordBuckets(word, previous, hash, buckets);
            for (int k = 0; k < n; k++) {
                counts.merge(buckets[k], 1f, Float::sum);
            }
            total[0] += n;
            previous = hash;
        }
        float norm = (float) Math.sqrt(Math.max(1, total[0]));
        counts.replaceAll((bucket, count) -> count / norm);
        for (int bucket : termBuckets(hits)) {
            counts.merge(bucket, 1f, Float::sum);
        }
        return counts;
    }
}
