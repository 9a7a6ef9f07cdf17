package io.monago.atrium.guard.pii.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table from {@linkplain WordKey word keys} to flag words, plus two-word phrases. Open
 * addressing over two parallel arrays: a lookup is a multiply, a shift and usually one compare.
 *
 * <pre>{@code
 * KeywordTable table = KeywordTable.builder().word("rekening", BANK).phrase("rekam", "medis", MRN).build();
 * int flags = table.lookup(WordKey.of("rekening"));
 * }</pre>
 */
public final class KeywordTable {
    private final long[] keys;
    private final int[] values;
    private final int shift;
    private final long[] phraseHeads;
    private final long[] phraseTails;
    private final int[] phraseValues;

    private KeywordTable(Map<Long, Integer> words, List<long[]> phrases, List<Integer> phraseFlags) {
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        for (Map.Entry<Long, Integer> e : words.entrySet()) {
            int slot = slot(e.getKey());
            while (keys[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = e.getKey();
            values[slot] = e.getValue();
        }
        phraseHeads = new long[phrases.size()];
        phraseTails = new long[phrases.size()];
        phraseValues = new int[phrases.size()];
        for (int i = 0; i < phrases.size(); i++) {
            phraseHeads[i] = phrases.get(i)[0];
            phraseTails[i] = phrases.get(i)[1];
            phraseValues[i] = phraseFlags.get(i);
        }
    }

    /**
     * Starts a table.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /**
     * Looks a word up.
     *
     * @param key a {@link WordKey}; 0 is never found
     * @return the word's flags, 0 when it is not in the table
     */
    public int lookup(long key) {
        if (key == 0) {
            return 0;
        }
        int mask = keys.length - 1;
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    /**
     * Looks a two-word phrase up.
     *
     * @param head key of the first word
     * @param tail key of the second word
     * @return the phrase's flags, 0 when it is not a phrase of the table
     */
    public int phrase(long head, long tail) {
        for (int i = 0; i < phraseHeads.length; i++) {
            if (phraseHeads[i] == head && phraseTails[i] == tail) {
                return phraseValues[i];
            }
        }
        return 0;
    }

    /** Collects words and phrases; flags of a word given twice are or-ed together. */
    public static final class Builder {
        private final Map<Long, Integer> words = new LinkedHashMap<>();
        private final List<long[]> phrases = new ArrayList<>();
        private final List<Integer> phraseFlags = new ArrayList<>();

        private Builder() {}

        /**
         * Adds words with the same flags.
         *
         * @param flags the flags, not 0
         * @param list ASCII words of at most {@link WordKey#MAX_LENGTH} letters
         * @return this builder
         */
        public Builder words(int flags, String... list) {
            if (flags == 0) {
                throw new IllegalArgumentException("flags must not be 0");
            }
            for (String w : list) {
                words.merge(WordKey.of(w), flags, (a, b) -> a | b);
            }
            return this;
        }

        /**
         * Adds a two-word phrase; its flags replace those of the tail word when the head word
         * comes right before it.
         *
         * @param head the first word
         * @param tail the second word
         * @param flags the phrase's flags
         * @param headFlag the flag that marks a word as a phrase head
         * @param tailFlag the flag that marks a word as a phrase tail
         * @return this builder
         */
        public Builder phrase(String head, String tail, int flags, int headFlag, int tailFlag) {
            words(headFlag, head);
            words(tailFlag, tail);
            phrases.add(new long[] {WordKey.of(head), WordKey.of(tail)});
            phraseFlags.add(flags);
            return this;
        }

        /**
         * Builds the table.
         *
         * @return an immutable table
         */
        public KeywordTable build() {
            return new KeywordTable(words, phrases, phraseFlags);
        }
    }
}
