package io.monago.atrium.guard.security.model;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.context.DocumentSignals;
import io.monago.atrium.guard.security.lexicon.RuleHit;
import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.WordHash;
import io.monago.atrium.guard.security.text.WordTable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * <p>Weights ship in the jar ({@value #RESOURCE}); {@code TrainSecurityModel} in atrium-guard-trainer
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
    /** Heads packed into one int of weights (a byte each). */
    public static final int MAX_HEADS = 4;

    private static final int BYTE_OFFSET = 128;
    /** Features summed in 16-bit lanes before the lanes are emptied: 255 * 256 < 65536. */
    private static final int LANE_CAPACITY = 256;
    /** Stands for the word's own class among the classes it pairs with (the class feature itself). */
    private static final int[] SELF = {0};

    private final FeatureHasher hasher;
    private final List<IncidentCategory> heads;
    private final float[] bias;
    /** Float weights, interleaved: weights[bucket * heads + head]; kept for writing the file. */
    private final float[] weights;
    /**
     * The same weights quantised to one byte each (per-head scale, -127 to 127) and packed, every
     * head of a bucket in one int (the byte of head h, offset by 128, at bits 8h): one load per
     * feature, and a table that stays in cache. Scoring reads only these.
     */
    private final int[] packed;

    private final float[] scale;
    private final int window;
    private final int stride;
    private final List<String> frequentWords;
    private final WordTable frequent;
    /**
     * Per frequent word (its index in {@link #frequent}): the lane sums (see {@link #lanes}) of its
     * own features, and how many there are: added to a word's other features in one step.
     */
    private final long[] intrinsicLanes;

    private final int[] intrinsicCounts;

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
    public LinearModel(
            FeatureHasher hasher,
            List<IncidentCategory> heads,
            float[] bias,
            float[] weights,
            int window,
            int stride,
            List<String> frequentWords) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.heads = List.copyOf(heads);
        this.bias = bias.clone();
        this.weights = weights.clone();
        if (heads.isEmpty() || heads.size() > MAX_HEADS) {
            throw new IllegalArgumentException("a model has 1 to " + MAX_HEADS + " heads, not " + heads.size());
        }
        if (bias.length != heads.size() || weights.length != hasher.size() * heads.size()) {
            throw new IllegalArgumentException(
                    "weights do not fit " + heads.size() + " heads of " + hasher.size() + " buckets");
        }
        if (window < 1 || stride < 1 || stride > window) {
            throw new IllegalArgumentException(
                    "need 1 <= stride <= window, got window " + window + ", stride " + stride);
        }
        this.window = window;
        this.stride = stride;
        int headCount = heads.size();
        this.scale = new float[headCount];
        for (int i = 0; i < weights.length; i++) {
            scale[i % headCount] = Math.max(scale[i % headCount], Math.abs(weights[i]) / 127f);
        }
        this.packed = new int[hasher.size()];
        for (int i = 0; i < weights.length; i++) {
            float s = scale[i % headCount];
            int q = s == 0 ? 0 : Math.round(weights[i] / s);
            packed[i / headCount] |= (q + BYTE_OFFSET) << (8 * (i % headCount));
        }
        this.frequentWords = List.copyOf(frequentWords);
        this.frequent = WordTable.of(this.frequentWords);
        this.intrinsicLanes = new long[frequent.size()];
        this.intrinsicCounts = new int[frequent.size()];
        int[] buckets = new int[FeatureHasher.MAX_INTRINSIC];
        for (int f = 0; f < frequent.size(); f++) {
            String word = frequent.word(f);
            int count = hasher.intrinsicBuckets(word, 0, word.length(), WordHash.of(word), buckets);
            intrinsicLanes[f] = laneSum(buckets, count);
            intrinsicCounts[f] = count;
        }
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
            heads.add(IncidentCategory.fromWire(name)
                    .orElseThrow(() -> new IllegalStateException("model head names an unknown category: " + name)));
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
     * The words whose own features are summed once, when the model loads.
     *
     * @return the frequent words; a word's index here is what {@link #score(NormalizedText, int[], int[][], List)} takes
     */
    public List<String> frequentWords() {
        return frequentWords;
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
     * Scores words held as strings (the training program's and tests' form).
     *
     * @param words the normalised words
     * @param classes the lexicon classes of each word
     * @param hits the lexicon hits on those words
     * @return one probability per head
     */
    public double[] score(String[] words, int[][] classes, List<RuleHit> hits) {
        return score(NormalizedText.ofWords(words), classes, hits);
    }

    /**
     * Scores a text: each head's probability in its best window.
     *
     * @param text the normalised text
     * @param classes the lexicon classes of each word, from {@code TermSequence.classes()}
     * @param hits the lexicon hits on its words
     * @return one probability per head
     */
    public double[] score(NormalizedText text, int[][] classes, List<RuleHit> hits) {
        int[] frequentIds = new int[text.wordCount()];
        for (int i = 0; i < frequentIds.length; i++) {
            frequentIds[i] = text.lookUp(frequent, i);
        }
        return score(text, frequentIds, classes, hits);
    }

    /**
     * Scores a text whose words the caller has already looked up in {@link #frequentWords()} (in
     * one table of its own, for several stages at once).
     *
     * @param text the normalised text
     * @param frequentIds per word, its index in {@link #frequentWords()}, or -1
     * @param classes the lexicon classes of each word, from {@code TermSequence.classes()}
     * @param hits the lexicon hits on its words
     * @return one probability per head
     */
    public double[] score(NormalizedText text, int[] frequentIds, int[][] classes, List<RuleHit> hits) {
        int headCount = heads.size();
        int n = text.wordCount();
        Windows windows = new Windows(n, hits);
        int[] sums = new int[headCount];
        OwnFeatures others = new OwnFeatures(text);
        for (int i = 0; i < n; i++) {
            // Every head's weights summed at once: four 16-bit lanes of one long, offset by 128 a
            // feature; a word with very many class features empties them into sums first.
            int hash = text.wordHash(i);
            long lanes =
                    lanes(packed[hasher.bigramBucket(i == 0 ? FeatureHasher.NO_WORD : text.wordHash(i - 1), hash)]);
            int pending = 1;
            int emptied = 0;
            for (int c : classes[i]) {
                for (int j = Math.max(0, i - FeatureHasher.CLASS_PAIR_DISTANCE); j <= i; j++) {
                    int[] pairs = j == i ? SELF : classes[j];
                    for (int before : pairs) {
                        if (pending == LANE_CAPACITY - FeatureHasher.MAX_INTRINSIC) {
                            if (emptied == 0) {
                                Arrays.fill(sums, 0);
                            }
                            unpack(lanes, pending, sums);
                            emptied += pending;
                            lanes = 0;
                            pending = 0;
                        }
                        int bucket = j == i ? hasher.classBucket(c) : hasher.classPairBucket(before, c);
                        lanes += lanes(packed[bucket]);
                        pending++;
                    }
                }
            }
            // The word's own features, summed once per word: at load for frequent words, once per
            // text for the others.
            int f = frequentIds[i];
            if (f >= 0) {
                lanes += intrinsicLanes[f];
                pending += intrinsicCounts[f];
            } else {
                int entry = others.entryOf(i, hash);
                lanes += others.lanes[entry];
                pending += others.counts[entry];
            }
            windows.add(lanes, pending, emptied == 0 ? null : sums, emptied);
        }
        return windows.finish();
    }

    /**
     * The scoring windows of one text, scored as its words stream past: each head's running sum is
     * kept for the last {@code window + stride} words only, so memory does not grow with the text.
     * Windows start every {@code stride} words; the last one is the first to reach the end.
     * Confined to one {@link #score} call.
     */
    private final class Windows {
        private final int headCount = heads.size();
        private final int words;
        private final int ringSize = window + stride;
        /** Per position (mod ringSize): each head's quantised feature sum over the words before it, exact. */
        private final long[] prefix = new long[ringSize * headCount];

        private final int[] counts = new int[ringSize];
        private int position;
        /** {@code position % ringSize}, kept without dividing. */
        private int slot;
        /** Where the next full window ends. */
        private int nextEnd = window;

        private final double[] best = new double[headCount];
        private final int[][] ruleBuckets;
        private int first;
        private int last;
        private final double[] ruleSums = new double[headCount];
        private int[] seen = new int[16];

        Windows(int words, List<RuleHit> hits) {
            this.words = words;
            this.ruleBuckets = ruleBucketsByStart(hits);
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
        }

        /**
         * Adds the next word: its features' lane sums and count, plus the per-head sums and count
         * of features emptied out of the lanes before (null and 0 for almost every word); scores
         * the window it completes.
         */
        void add(long lanes, int count, int[] emptiedSums, int emptied) {
            int from = slot;
            slot = slot + 1 == ringSize ? 0 : slot + 1;
            for (int h = 0; h < headCount; h++) {
                long sum = (lanes >>> (16 * h) & 0xFFFF) - (long) BYTE_OFFSET * count;
                prefix[slot * headCount + h] =
                        prefix[from * headCount + h] + sum + (emptiedSums == null ? 0 : emptiedSums[h]);
            }
            counts[slot] = counts[from] + count + emptied;
            position++;
            if (position == nextEnd && position < words) {
                score(position - window, position);
                nextEnd += stride;
            }
        }

        /** Scores the last window and turns each head's best log-odds into a probability. */
        double[] finish() {
            int start = words <= window ? 0 : (words - window + stride - 1) / stride * stride;
            score(start, words);
            double[] probabilities = new double[headCount];
            for (int h = 0; h < headCount; h++) {
                probabilities[h] = sigmoid(best[h]);
            }
            return probabilities;
        }

        private void score(int start, int end) {
            int[] starts = ruleBuckets[0];
            int from = start % ringSize;
            int to = end % ringSize;
            double norm = Math.sqrt(Math.max(1, counts[to] - counts[from]));
            while (first < starts.length && starts[first] < start) {
                first++;
            }
            while (last < starts.length && starts[last] < Math.max(end, start + 1)) {
                last++;
            }
            Arrays.fill(ruleSums, 0);
            seen = addRuleWeights(ruleBuckets, first, last, ruleSums, seen);
            for (int h = 0; h < headCount; h++) {
                double z = bias[h]
                        + (prefix[to * headCount + h] - prefix[from * headCount + h]) * scale[h] / norm
                        + ruleSums[h];
                best[h] = Math.max(best[h], z);
            }
        }
    }

    /**
     * The own-feature sums of the words of one text that are not frequent words, computed at a
     * word's first occurrence and looked up at the others (names and domain terms recur in long
     * texts). Open addressing over the text's own words; confined to one {@link #score} call.
     */
    private final class OwnFeatures {
        private final NormalizedText text;
        private final int[] buckets = new int[FeatureHasher.MAX_INTRINSIC];
        /** Per entry: the lane sums of the word's own features, and how many there are. */
        long[] lanes = new long[0];

        int[] counts = new int[0];
        /** Per entry: the word it was computed for. */
        private int[] wordOf = new int[0];
        /** Per slot: entry + 1, 0 for empty. */
        private int[] slots = new int[0];

        private int size;

        OwnFeatures(NormalizedText text) {
            this.text = text;
        }

        /** The entry holding word {@code index}'s own-feature sums, computed on first sight. */
        int entryOf(int index, int hash) {
            int mask = slots.length - 1;
            for (int slot = spread(hash) & mask; slots.length > 0 && slots[slot] != 0; slot = (slot + 1) & mask) {
                int entry = slots[slot] - 1;
                if (text.sameWord(wordOf[entry], index)) {
                    return entry;
                }
            }
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            int entry = size++;
            wordOf[entry] = index;
            int count = hasher.intrinsicBuckets(text, text.wordStart(index), text.wordEnd(index), hash, buckets);
            lanes[entry] = laneSum(buckets, count);
            counts[entry] = count;
            insert(entry, hash);
            return entry;
        }

        private void grow() {
            int capacity = Math.max(32, slots.length * 2);
            lanes = Arrays.copyOf(lanes, capacity / 2);
            counts = Arrays.copyOf(counts, capacity / 2);
            wordOf = Arrays.copyOf(wordOf, capacity / 2);
            slots = new int[capacity];
            for (int entry = 0; entry < size; entry++) {
                insert(entry, text.wordHash(wordOf[entry]));
            }
        }

        private void insert(int entry, int hash) {
            int mask = slots.length - 1;
            int slot = spread(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }

        private int spread(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 15);
        }
    }

    /** The lane sum of some buckets' weights (at most {@value #LANE_CAPACITY} of them). */
    private long laneSum(int[] buckets, int count) {
        long sum = 0;
        for (int k = 0; k < count; k++) {
            sum += lanes(packed[buckets[k]]);
        }
        return sum;
    }

    /** A bucket's packed weights spread into four 16-bit lanes, so that adding sums every head. */
    private static long lanes(int weights) {
        return (weights & 0xFFL)
                | (weights & 0xFF00L) << 8
                | (weights & 0xFF0000L) << 16
                | (weights & 0xFF000000L) << 24;
    }

    /** Adds the lane sums of {@code count} features to the per-head sums, taking the offsets off. */
    private static void unpack(long lanes, int count, int[] sums) {
        for (int h = 0; h < sums.length; h++) {
            sums[h] += (int) (lanes >>> (16 * h) & 0xFFFF) - BYTE_OFFSET * count;
        }
    }

    /** The quantised weight of one head in one bucket, -127 to 127. */
    private int weight(int bucket, int head) {
        return (packed[bucket] >>> (8 * head) & 0xFF) - BYTE_OFFSET;
    }

    /** Rule hits sorted by start word: {starts, rule, rule name, category, category and weight band buckets}. */
    private int[][] ruleBucketsByStart(List<RuleHit> hits) {
        RuleHit[] sorted = hits.toArray(new RuleHit[0]);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a.start(), b.start()));
        int[][] table = new int[5][sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            table[0][i] = sorted[i].start();
            table[1][i] = hasher.ruleFeature(sorted[i].id());
            if (DocumentSignals.isSignal(sorted[i])) {
                // A position or role signal is one feature of its own (repeated columns count once).
                table[2][i] = table[1][i];
                table[3][i] = table[1][i];
                table[4][i] = table[1][i];
                continue;
            }
            table[2][i] = hasher.ruleNameFeature(sorted[i].id());
            table[3][i] = hasher.categoryFeature(sorted[i].category());
            table[4][i] = hasher.ruleWeightFeature(sorted[i].category(), sorted[i].weight());
        }
        return table;
    }

    /** Adds each distinct rule feature bucket of hits first..last-1 once (as in training). */
    private int[] addRuleWeights(int[][] table, int first, int last, double[] sums, int[] seen) {
        int distinct = 0;
        int headCount = heads.size();
        for (int i = first; i < last; i++) {
            for (int column = 1; column < table.length; column++) {
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
                    sums[h] += weight(bucket, h) * scale[h];
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
