package io.monago.atrium.guard.security.text;

/**
 * The hash every stage uses for a normalised word: 32-bit FNV-1a over its chars. The normaliser
 * computes it while it writes the word, so the lexicon, the model and the decoder look words up
 * without hashing them again (and without making a {@code String} of them).
 *
 * <pre>{@code
 * int h = WordHash.of("ignore");
 * h == WordHash.of("xignore".toCharArray(), 1, 7); // true
 * }</pre>
 */
public final class WordHash {
    /** The hash of the empty word; each char is folded in with {@link #step}. */
    public static final int SEED = 0x811C9DC5 ^ 'w';

    private static final int PRIME = 0x01000193;

    private WordHash() {}

    /**
     * Folds one more char into a hash.
     *
     * @param hash the hash so far ({@link #SEED} for none)
     * @param c the next char
     * @return the hash with {@code c}
     */
    public static int step(int hash, char c) {
        return (hash ^ c) * PRIME;
    }

    /**
     * Hashes a whole word.
     *
     * @param word the word
     * @return its hash
     */
    public static int of(CharSequence word) {
        return of(word, 0, word.length());
    }

    /**
     * Hashes part of a text.
     *
     * @param text the text
     * @param from the first char
     * @param to the index after the last char
     * @return the hash of {@code text[from, to)}
     */
    public static int of(CharSequence text, int from, int to) {
        int h = SEED;
        for (int i = from; i < to; i++) {
            h = step(h, text.charAt(i));
        }
        return h;
    }

    /**
     * Hashes part of a char array.
     *
     * @param chars the chars
     * @param from the first char
     * @param to the index after the last char
     * @return the hash of {@code chars[from, to)}
     */
    public static int of(char[] chars, int from, int to) {
        int h = SEED;
        for (int i = from; i < to; i++) {
            h = step(h, chars[i]);
        }
        return h;
    }
}
