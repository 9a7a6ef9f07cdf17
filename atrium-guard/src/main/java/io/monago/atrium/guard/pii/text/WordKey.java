package io.monago.atrium.guard.pii.text;

/**
 * Packs a short ASCII word, case-insensitively, into a {@code long}: five bits per letter, the
 * length in the top four bits. The scanner builds the key while it walks a word, one shift and one
 * or per letter, so looking a word up costs one probe of a {@link KeywordTable} and no allocation.
 *
 * <pre>{@code
 * long key = WordKey.of("rekening");
 * }</pre>
 */
public final class WordKey {
    /** Longest word that has a key. */
    public static final int MAX_LENGTH = 12;

    private WordKey() {}

    /**
     * Appends a letter to a partial key.
     *
     * @param packed the letters packed so far
     * @param letter an ASCII letter, either case
     * @return the packed letters with {@code letter} appended
     */
    public static long append(long packed, char letter) {
        return (packed << 5) | (letter & 31);
    }

    /**
     * Finishes a key.
     *
     * @param packed the packed letters
     * @param length how many letters were packed
     * @return the key, or 0 when the word is empty or longer than {@link #MAX_LENGTH}
     */
    public static long finish(long packed, int length) {
        if (length == 0 || length > MAX_LENGTH) {
            return 0;
        }
        return packed | ((long) length << 60);
    }

    /**
     * The key of a word.
     *
     * @param word ASCII letters only
     * @return its key
     * @throws IllegalArgumentException when the word is empty, too long or not all ASCII letters
     */
    public static long of(String word) {
        if (word.isEmpty() || word.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("keyword length must be 1.." + MAX_LENGTH + ": " + word);
        }
        long packed = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!CharClass.isAsciiLetter(c)) {
                throw new IllegalArgumentException("keyword must be ASCII letters: " + word);
            }
            packed = append(packed, c);
        }
        return finish(packed, word.length());
    }

    /**
     * The key of the letters of {@code text[start, end)}, skipping {@link FoldedText#IGNORED}.
     *
     * @param text folded text
     * @param start first index
     * @param end index after the last
     * @return the key, or 0 when the span holds anything but ASCII letters or is too long
     */
    public static long of(char[] text, int start, int end) {
        long packed = 0;
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == FoldedText.IGNORED) {
                continue;
            }
            if (!CharClass.isAsciiLetter(c) || ++length > MAX_LENGTH) {
                return 0;
            }
            packed = append(packed, c);
        }
        return finish(packed, length);
    }
}
