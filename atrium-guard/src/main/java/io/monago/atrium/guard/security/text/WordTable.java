package io.monago.atrium.guard.security.text;

import java.util.List;

/**
 * An immutable set of words, each with its index in the list it was built from, looked up by
 * {@link WordHash} and the word's chars: open addressing over flat arrays, so a lookup neither
 * allocates nor hashes a {@code String}. A hit is confirmed by comparing chars, so two words with
 * the same hash never mix. The lexicon's terms, the model's frequent words and the suffix
 * detector's function words live in tables like this.
 *
 * <pre>{@code
 * WordTable table = WordTable.of(List.of("ignore", "abaikan"));
 * table.find("abaikan");                 // 1
 * normalized.lookUp(table, 0);           // the index of the text's first word, or -1
 * }</pre>
 */
public final class WordTable {
    private final String[] words;
    private final char[] pool;
    /**
     * Four ints a slot, so that one cache line answers a probe: the word's index + 1 (0 for an
     * empty slot), its hash, where its chars start in {@link #pool}, its length.
     */
    private final int[] slots;

    private final int mask;

    private WordTable(List<String> list) {
        this.words = list.toArray(new String[0]);
        int capacity = Integer.highestOneBit(Math.max(4, words.length * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.slots = new int[capacity * SLOT];
        int total = 0;
        for (String word : words) {
            total += word.length();
        }
        this.pool = new char[total];
        int at = 0;
        for (int index = 0; index < words.length; index++) {
            String word = words[index];
            word.getChars(0, word.length(), pool, at);
            if (find(word) >= 0) {
                throw new IllegalArgumentException("duplicate word in table: " + word);
            }
            int hash = WordHash.of(word);
            int slot = spread(hash) & mask;
            while (slots[slot * SLOT] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot * SLOT] = index + 1;
            slots[slot * SLOT + 1] = hash;
            slots[slot * SLOT + 2] = at;
            slots[slot * SLOT + 3] = word.length();
            at += word.length();
        }
    }

    /**
     * Builds a table.
     *
     * @param words distinct words; a word's index in this list is what lookups return
     * @return the table
     * @throws IllegalArgumentException when a word occurs twice
     */
    public static WordTable of(List<String> words) {
        return new WordTable(words);
    }

    /**
     * The number of words.
     *
     * @return the size
     */
    public int size() {
        return words.length;
    }

    /**
     * The word at an index.
     *
     * @param index from 0 to {@link #size()} - 1
     * @return the word
     */
    public String word(int index) {
        return words[index];
    }

    /**
     * Looks a word up.
     *
     * @param word the word
     * @return its index, or -1
     */
    public int find(CharSequence word) {
        return find(word, 0, word.length(), WordHash.of(word));
    }

    /**
     * Looks part of a text up.
     *
     * @param text the text
     * @param from the first char of the word
     * @param to the index after its last char
     * @param hash {@code WordHash.of(text, from, to)}
     * @return the word's index, or -1
     */
    public int find(CharSequence text, int from, int to, int hash) {
        int length = to - from;
        for (int at = (spread(hash) & mask) * SLOT; slots[at] != 0; at = (at + SLOT) & (mask * SLOT + SLOT - 1)) {
            if (slots[at + 1] == hash && slots[at + 3] == length && sameChars(text, from, slots[at + 2], length)) {
                return slots[at] - 1;
            }
        }
        return -1;
    }

    /**
     * Looks part of a char array up (the normaliser's and the suffix detector's buffers).
     *
     * @param text the chars
     * @param from the first char of the word
     * @param to the index after its last char
     * @param hash {@code WordHash.of(text, from, to)}
     * @return the word's index, or -1
     */
    public int find(char[] text, int from, int to, int hash) {
        int length = to - from;
        for (int at = (spread(hash) & mask) * SLOT; slots[at] != 0; at = (at + SLOT) & (mask * SLOT + SLOT - 1)) {
            if (slots[at + 1] == hash && slots[at + 3] == length && sameChars(text, from, slots[at + 2], length)) {
                return slots[at] - 1;
            }
        }
        return -1;
    }

    private boolean sameChars(CharSequence text, int from, int start, int length) {
        for (int k = 0; k < length; k++) {
            if (text.charAt(from + k) != pool[start + k]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameChars(char[] text, int from, int start, int length) {
        for (int k = 0; k < length; k++) {
            if (text[from + k] != pool[start + k]) {
                return false;
            }
        }
        return true;
    }

    private static final int SLOT = 4;

    /** FNV's low bits are weak for short words: mix before masking. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
