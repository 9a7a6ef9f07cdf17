package io.monago.atrium.guard.pii.names;

import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.Map;

/**
 * An immutable set of lower-case words, each with a small value, looked up case-insensitively
 * straight from a range of a {@code char[]}: no string is built per lookup. Open addressing.
 *
 * <pre>{@code
 * TokenSet set = TokenSet.of(Map.of("budi", (byte) 1));
 * byte v = set.get(text, start, end); // 0 when absent
 * }</pre>
 */
public final class TokenSet {
    private final char[][] keys;
    private final byte[] values;
    private final int mask;

    private TokenSet(char[][] keys, byte[] values) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
    }

    /**
     * Builds a set.
     *
     * @param entries lower-case words and their values (not 0)
     * @return the set
     */
    public static TokenSet of(Map<String, Byte> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1;
        char[][] keys = new char[size][];
        byte[] values = new byte[size];
        for (Map.Entry<String, Byte> e : entries.entrySet()) {
            char[] k = e.getKey().toCharArray();
            int slot = hash(k, 0, k.length) & (size - 1);
            while (keys[slot] != null && !equal(keys[slot], k, 0, k.length)) {
                slot = (slot + 1) & (size - 1);
            }
            keys[slot] = k;
            values[slot] = (byte) (values[slot] | e.getValue());
        }
        return new TokenSet(keys, values);
    }

    /**
     * The value of the word at {@code text[start, end)}, ignoring case and invisible characters.
     *
     * @param text folded text
     * @param start first index
     * @param end index after the last
     * @return its value, or 0 when the word is not in the set
     */
    public byte get(char[] text, int start, int end) {
        int slot = hash(text, start, end) & mask;
        char[] k;
        while ((k = keys[slot]) != null) {
            if (equal(k, text, start, end)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    private static int hash(char[] text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c != FoldedText.IGNORED) {
                h = 31 * h + Character.toLowerCase(c);
            }
        }
        return h ^ (h >>> 16);
    }

    private static boolean equal(char[] key, char[] text, int start, int end) {
        int j = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == FoldedText.IGNORED) {
                continue;
            }
            if (j >= key.length || key[j] != Character.toLowerCase(c)) {
                return false;
            }
            j++;
        }
        return j == key.length;
    }
}
