package io.monago.atrium.guard.security.model;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.text.WordHash;
import java.util.function.IntConsumer;

/**
 * Maps features to buckets of a fixed-size weight table (the hashing trick), so the model needs no
 * vocabulary: word unigrams, word bigrams, character 3- to 5-grams of each word (with word-boundary
 * marks, first {@value #MAX_NGRAM_WORD} characters only, so a base64 blob costs no more than a long
 * word), the lexicon classes of each word and ordered pairs of classes close together, and one
 * feature per lexicon rule, per rule name across languages, per rule category and per category and
 * weight band. Stateless and thread-safe.
 *
 * <pre>{@code
 * FeatureHasher hasher = new FeatureHasher(17);
 * hasher.wordFeatures(words, wordHashes, classes, 3, bucket -> sum += weights[bucket]);
 * }</pre>
 */
public final class FeatureHasher {
    /** Characters of a word that contribute character n-grams. */
    public static final int MAX_NGRAM_WORD = 20;
    /** The most buckets {@link #intrinsicBuckets} writes for one word: its unigram and its n-grams. */
    public static final int MAX_INTRINSIC = 1 + 3 * MAX_NGRAM_WORD;
    /** Stands for the word before the first word in its bigram. */
    public static final int NO_WORD = 0x5A5A5A5A;

    private static final int MIN_N = 3;
    /** How many words back a class pairs with the classes of earlier words. */
    static final int CLASS_PAIR_DISTANCE = 3;

    private static final int MAX_N = 5;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private final int bits;
    private final int mask;
    private final int shift;

    /**
     * Creates a hasher.
     *
     * @param bits log2 of the table size, 10 to 24
     */
    public FeatureHasher(int bits) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be between 10 and 24, was " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.shift = Integer.SIZE - bits;
    }

    /**
     * The table size exponent.
     *
     * @return log2 of the number of buckets
     */
    public int bits() {
        return bits;
    }

    /**
     * The number of buckets.
     *
     * @return {@code 2^bits}
     */
    public int size() {
        return mask + 1;
    }

    /**
     * Hashes every word once; {@link #wordFeatures} combines these for bigrams.
     *
     * @param words the words of a normalised text
     * @return one hash per word
     */
    public int[] wordHashes(String[] words) {
        int[] hashes = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            hashes[i] = wordHash(words[i]);
        }
        return hashes;
    }

    /**
     * Emits the buckets of every text feature of one word: its unigram, its bigram with the word
     * before, its character n-grams.
     *
     * @param words the words
     * @param wordHashes their hashes, from {@link #wordHashes}
     * @param classes the lexicon classes of each word, from {@code Lexicon.classesOf}
     * @param index the word
     * @param sink receives one bucket per feature occurrence
     */
    public void wordFeatures(String[] words, int[] wordHashes, int[][] classes, int index, IntConsumer sink) {
        contextFeatures(wordHashes, classes, index, sink);
        intrinsicFeatures(words[index], wordHashes[index], sink);
    }

    /**
     * Emits the features of a word that depend on its neighbours: its bigram with the word before,
     * its lexicon classes and ordered pairs of classes up to three words apart ("{@code @override
     * ... @directive}" generalises over synonyms and languages).
     *
     * @param wordHashes the hashes of all words
     * @param classes the lexicon classes of each word
     * @param index the word
     * @param sink receives one bucket per feature occurrence
     */
    public void contextFeatures(int[] wordHashes, int[][] classes, int index, IntConsumer sink) {
        sink.accept(bigramBucket(index == 0 ? NO_WORD : wordHashes[index - 1], wordHashes[index]));
        for (int c : classes[index]) {
            sink.accept(classBucket(c));
            for (int j = Math.max(0, index - CLASS_PAIR_DISTANCE); j < index; j++) {
                for (int before : classes[j]) {
                    sink.accept(classPairBucket(before, c));
                }
            }
        }
    }

    /**
     * The bucket of a word bigram.
     *
     * @param previousHash the hash of the word before, or {@link #NO_WORD} for the first word
     * @param wordHash the word's hash
     * @return the bucket
     */
    public int bigramBucket(int previousHash, int wordHash) {
        return bucket(previousHash * 31 + wordHash ^ 0x6B000000);
    }

    /**
     * The bucket of a word class.
     *
     * @param classId a class id, from {@code Lexicon.classesOf}
     * @return the bucket
     */
    public int classBucket(int classId) {
        return bucket((classId ^ 0x4B4B4B4B) * FNV_PRIME);
    }

    /**
     * The bucket of an ordered pair of classes at most {@value #CLASS_PAIR_DISTANCE} words apart.
     *
     * @param before the class of the earlier word
     * @param classId the class of the later word
     * @return the bucket
     */
    public int classPairBucket(int before, int classId) {
        return bucket((before * 31 + classId) * FNV_PRIME ^ 0x50505050);
    }

    /**
     * Emits the features of a word on its own: its unigram and its character n-grams. They depend
     * on the word only, which lets {@link LinearModel} precompute them for frequent words.
     *
     * @param word the word
     * @param wordHash its hash, from {@link #wordHashes}
     * @param sink receives one bucket per feature occurrence
     */
    public void intrinsicFeatures(String word, int wordHash, IntConsumer sink) {
        int[] buckets = new int[MAX_INTRINSIC];
        int count = intrinsicBuckets(word, 0, word.length(), wordHash, buckets);
        for (int k = 0; k < count; k++) {
            sink.accept(buckets[k]);
        }
    }

    /**
     * Writes the buckets of a word's own features (see {@link #intrinsicFeatures}) into an array.
     *
     * @param text the text holding the word
     * @param from the word's first char
     * @param to the index after its last char
     * @param wordHash its {@link io.monago.atrium.guard.security.text.WordHash}
     * @param out receives the buckets; at least {@link #MAX_INTRINSIC} long
     * @return how many buckets were written
     */
    public int intrinsicBuckets(CharSequence text, int from, int to, int wordHash, int[] out) {
        int count = 0;
        out[count++] = bucket(wordHash);
        int wordLength = to - from;
        int length = Math.min(wordLength, MAX_NGRAM_WORD);
        // The word with boundary marks: '<' + word + '>' (the end mark only when not truncated).
        int padded = length + (wordLength <= MAX_NGRAM_WORD ? 2 : 1);
        // Every n-gram starting at one position shares its prefix hash: extend it one character at
        // a time and emit at lengths MIN_N..MAX_N (the length is mixed in when emitting).
        for (int start = 0; start + MIN_N <= padded; start++) {
            int h = FNV_OFFSET;
            int last = Math.min(padded, start + MAX_N);
            for (int k = start; k < last; k++) {
                char c = k == 0 ? '<' : k == length + 1 ? '>' : text.charAt(from + k - 1);
                h = (h ^ c) * FNV_PRIME;
                int n = k - start + 1;
                if (n >= MIN_N) {
                    out[count++] = bucket(h ^ (n * 0x9E3779B9));
                }
            }
        }
        return count;
    }

    /**
     * The hash of one word, as {@link #wordHashes} computes it.
     *
     * @param word the word
     * @return its hash
     */
    public int wordHash(String word) {
        return WordHash.of(word);
    }

    /**
     * The bucket of a lexicon rule.
     *
     * @param ruleId the rule's id
     * @return its bucket
     */
    public int ruleFeature(String ruleId) {
        return bucket(hash(FNV_OFFSET ^ 'r', ruleId, 0, ruleId.length()));
    }

    /**
     * The bucket of a rule's name without its language ({@code override_prior} for
     * {@code en.override_prior}, {@code id.override_prior} and {@code de.override_prior}): rules of
     * one family share a name across lexicon files, so what the model learned of a family in one
     * language counts in the others.
     *
     * @param ruleId the rule's id
     * @return its name's bucket
     */
    public int ruleNameFeature(String ruleId) {
        int dot = ruleId.indexOf('.');
        return bucket(hash(FNV_OFFSET ^ 'n', ruleId, dot + 1, ruleId.length()));
    }

    /**
     * The bucket of a rule's category and weight band (the lexicon author's confidence: under 0.6,
     * to 0.75, to 0.9, above): what lets a rule count that no training text ever matched, such as
     * a rule of a newly added language, by how sure its author was.
     *
     * @param category the rule's category
     * @param weight the rule's weight
     * @return the bucket of the category and band
     */
    public int ruleWeightFeature(IncidentCategory category, double weight) {
        int band = weight >= 0.9 ? 3 : weight >= 0.75 ? 2 : weight >= 0.6 ? 1 : 0;
        String name = category.wireName();
        return bucket(hash(FNV_OFFSET ^ ('b' + 31 * band), name, 0, name.length()));
    }

    /**
     * The bucket shared by every rule of a category, in every language: what lets a new language's
     * rules count before the model is retrained.
     *
     * @param category the rule's category
     * @return its bucket
     */
    public int categoryFeature(IncidentCategory category) {
        String name = category.wireName();
        return bucket(hash(FNV_OFFSET ^ 'c', name, 0, name.length()));
    }

    private static int hash(int seed, String text, int from, int to) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /**
     * Fibonacci hashing: the top bits of the hash times the golden ratio, so that similar hashes
     * spread over the table at the cost of one multiplication (this runs for every feature).
     */
    private int bucket(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
