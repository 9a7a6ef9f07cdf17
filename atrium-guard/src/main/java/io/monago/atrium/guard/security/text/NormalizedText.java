package io.monago.atrium.guard.security.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text after {@link TextNormalizer}: its folded form (for substring markers), its words (runs of
 * letters and digits, lower case, disguises undone; what lexicon rules and the model see) and what
 * had to be undone.
 *
 * <p>The folded text is held as chars, and each word as a span of it with its {@link WordHash}, so
 * the stages that follow read words without a {@code String} per word. As a
 * {@link CharSequence} it is the folded text. Immutable once built.
 */
public final class NormalizedText implements CharSequence {
    private final char[] chars;
    private final int length;
    private final int[] wordStarts;
    private final int[] wordEnds;
    private final int[] wordHashes;
    private final int wordCount;
    private final int[] rawTokenStarts;
    private final int[] rawTokenEnds;
    private final int rawTokenCount;
    private final long symbolsLow;
    private final long symbolsHigh;
    private final boolean otherSymbols;
    private final Obfuscation obfuscation;

    private NormalizedText(Builder b, Obfuscation obfuscation) {
        this.chars = b.chars;
        this.length = b.length;
        // The builder's arrays, not trimmed (a copy costs as much as writing them): accessors check
        // indexes against the counts.
        this.wordStarts = b.starts;
        this.wordEnds = b.ends;
        this.wordHashes = b.hashes;
        this.wordCount = b.words;
        this.rawTokenStarts = b.rawStarts;
        this.rawTokenEnds = b.rawEnds;
        this.rawTokenCount = b.rawTokens;
        this.symbolsLow = b.symbolsLow;
        this.symbolsHigh = b.symbolsHigh;
        this.otherSymbols = b.otherSymbols;
        this.obfuscation = obfuscation;
    }

    /**
     * A text made of words that are already normalised (the training program and tests hold words
     * as strings), separated by spaces, with nothing undone.
     *
     * @param words runs of letters and digits, e.g. from {@link #words()}
     * @return the text
     * @throws IllegalArgumentException when a word is empty or has other chars
     */
    public static NormalizedText ofWords(String... words) {
        Builder builder = new Builder(words.length * 8);
        for (String word : words) {
            int before = builder.words;
            builder.token(word.toCharArray(), word.length(), false);
            if (builder.words != before + 1 || builder.ends[before] - builder.starts[before] != word.length()) {
                throw new IllegalArgumentException("not a normalised word: \"" + word + "\"");
            }
        }
        return builder.build(new Obfuscation(0, 0, 0, 0, 0, "", 0, 0, 0, 0, 0));
    }

    /**
     * The folded text: NFKC, lower case, invisible characters removed, disguises undone, runs of
     * whitespace reduced to one space or one newline.
     *
     * @return the folded text
     */
    public String folded() {
        return new String(chars, 0, length);
    }

    /**
     * The number of words.
     *
     * @return the word count
     */
    public int wordCount() {
        return wordCount;
    }

    /**
     * One word.
     *
     * @param index from 0 to {@link #wordCount()} - 1
     * @return the word at that index
     */
    public String word(int index) {
        return new String(chars, wordStart(index), wordLength(index));
    }

    /**
     * Where a word starts in the folded text.
     *
     * @param index the word
     * @return the index of its first char
     */
    public int wordStart(int index) {
        return wordStarts[Objects.checkIndex(index, wordCount)];
    }

    /**
     * Where a word ends in the folded text.
     *
     * @param index the word
     * @return the index after its last char
     */
    public int wordEnd(int index) {
        return wordEnds[Objects.checkIndex(index, wordCount)];
    }

    /**
     * The length of a word.
     *
     * @param index the word
     * @return its number of chars
     */
    public int wordLength(int index) {
        return wordEnds[Objects.checkIndex(index, wordCount)] - wordStarts[index];
    }

    /**
     * The {@link WordHash} of a word.
     *
     * @param index the word
     * @return its hash
     */
    public int wordHash(int index) {
        return wordHashes[Objects.checkIndex(index, wordCount)];
    }

    /**
     * Whether two words are the same.
     *
     * @param a a word
     * @param b another word
     * @return true when their chars are equal
     */
    public boolean sameWord(int a, int b) {
        Objects.checkIndex(a, wordCount);
        Objects.checkIndex(b, wordCount);
        int start = wordStarts[a];
        int other = wordStarts[b];
        int length = wordEnds[a] - start;
        if (wordEnds[b] - other != length || wordHashes[a] != wordHashes[b]) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (chars[start + k] != chars[other + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Looks a word up in a table, without making a {@code String} of it.
     *
     * @param table the table
     * @param index the word
     * @return the word's index in the table, or -1
     */
    public int lookUp(WordTable table, int index) {
        Objects.checkIndex(index, wordCount);
        return table.find(chars, wordStarts[index], wordEnds[index], wordHashes[index]);
    }

    /**
     * Looks the first chars of a word up in a table.
     *
     * @param table the table
     * @param index the word
     * @param length how many chars
     * @return the index in the table of the word's first {@code length} chars; -1 when they are not
     *     in it or the word is shorter
     */
    public int lookUpStart(WordTable table, int index, int length) {
        Objects.checkIndex(index, wordCount);
        int start = wordStarts[index];
        if (wordEnds[index] - start < length) {
            return -1;
        }
        return table.find(chars, start, start + length, WordHash.of(chars, start, start + length));
    }

    /**
     * Looks the last chars of a word up in a table.
     *
     * @param table the table
     * @param index the word
     * @param length how many chars
     * @return the index in the table of the word's last {@code length} chars; -1 when they are not
     *     in it or the word is shorter
     */
    public int lookUpEnd(WordTable table, int index, int length) {
        Objects.checkIndex(index, wordCount);
        int end = wordEnds[index];
        if (end - wordStarts[index] < length) {
            return -1;
        }
        return table.find(chars, end - length, end, WordHash.of(chars, end - length, end));
    }

    /**
     * Looks a word up without its last chars (a word without its clitic).
     *
     * @param table the table
     * @param index the word
     * @param dropped how many chars to leave off the end
     * @return the index in the table of the shortened word, or -1
     */
    public int lookUpWithout(WordTable table, int index, int dropped) {
        Objects.checkIndex(index, wordCount);
        int start = wordStarts[index];
        int end = wordEnds[index] - dropped;
        if (end <= start) {
            return -1;
        }
        return table.find(chars, start, end, WordHash.of(chars, start, end));
    }

    /**
     * Whether a word starts with a prefix.
     *
     * @param index the word
     * @param prefix folded chars
     * @return true when the word starts with them (or equals them)
     */
    public boolean wordStartsWith(int index, String prefix) {
        Objects.checkIndex(index, wordCount);
        int start = wordStarts[index];
        return wordEnds[index] - start >= prefix.length() && regionEquals(start, prefix);
    }

    /**
     * Whether a word ends with a suffix.
     *
     * @param index the word
     * @param suffix folded chars
     * @return true when the word ends with them (or equals them)
     */
    public boolean wordEndsWith(int index, String suffix) {
        Objects.checkIndex(index, wordCount);
        int end = wordEnds[index];
        return end - wordStarts[index] >= suffix.length() && regionEquals(end - suffix.length(), suffix);
    }

    /**
     * The first occurrence of a literal in the folded text. Texts without the literal's first char
     * are answered without a search (the normaliser noted which punctuation occurs).
     *
     * @param literal folded chars, not empty
     * @return its index, or -1
     */
    public int indexOf(String literal) {
        char first = literal.charAt(0);
        if (!mayContain(first)) {
            return -1;
        }
        int last = length - literal.length();
        for (int i = 0; i <= last; i++) {
            if (chars[i] == first && regionEquals(i, literal)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the word a folded-text offset falls in, or of the next word when it falls
     * between words.
     *
     * @param offset an index into the folded text
     * @return the word index (0 for a text without words)
     */
    public int wordAt(int offset) {
        int before = Arrays.binarySearch(wordStarts, 0, wordCount, offset);
        if (before >= 0) {
            return before;
        }
        int startsBefore = -before - 1;
        return startsBefore > 0 && wordEnds[startsBefore - 1] >= offset ? startsBefore - 1 : startsBefore;
    }

    /**
     * The number of whitespace-separated tokens of the raw text (before spaced-out letters were
     * joined). What the decoder looks for encoded runs in.
     *
     * @return the raw token count
     */
    public int rawTokenCount() {
        return rawTokenCount;
    }

    /**
     * Where a raw token starts in the text as received: its first visible char.
     *
     * @param index from 0 to {@link #rawTokenCount()} - 1
     * @return an index into the raw text
     */
    public int rawTokenStart(int index) {
        return rawTokenStarts[Objects.checkIndex(index, rawTokenCount)];
    }

    /**
     * Where a raw token ends in the text as received: the whitespace after it, or the text's end.
     *
     * @param index from 0 to {@link #rawTokenCount()} - 1
     * @return an index into the raw text
     */
    public int rawTokenEnd(int index) {
        return rawTokenEnds[Objects.checkIndex(index, rawTokenCount)];
    }

    /**
     * All words, as an unmodifiable list.
     *
     * @return the words
     */
    public List<String> words() {
        return List.of(copyOfWords());
    }

    /**
     * All words, as a fresh array the caller may keep or change.
     *
     * @return a copy of the words
     */
    public String[] copyOfWords() {
        String[] words = new String[wordCount];
        for (int i = 0; i < wordCount; i++) {
            words[i] = word(i);
        }
        return words;
    }

    /**
     * What normalisation undid.
     *
     * @return the obfuscation counts
     */
    public Obfuscation obfuscation() {
        return obfuscation;
    }

    /**
     * The length of the folded text.
     *
     * @return its number of chars
     */
    @Override
    public int length() {
        return length;
    }

    /**
     * A char of the folded text.
     *
     * @param index from 0 to {@link #length()} - 1
     * @return the char
     */
    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " out of a folded text of " + length);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return folded().subSequence(start, end);
    }

    /**
     * The folded text.
     *
     * @return {@link #folded()}
     */
    @Override
    public String toString() {
        return folded();
    }

    private boolean regionEquals(int from, String literal) {
        if (from < 0 || from + literal.length() > length) {
            return false;
        }
        for (int k = 0; k < literal.length(); k++) {
            if (chars[from + k] != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** False when the folded text certainly lacks {@code c}; letters and digits are always possible. */
    private boolean mayContain(char c) {
        if (c < 64) {
            return (symbolsLow >>> c & 1) != 0;
        }
        if (c < 128) {
            return Character.isLetterOrDigit(c) || (symbolsHigh >>> (c - 64) & 1) != 0;
        }
        return otherSymbols || Character.isLetterOrDigit(c);
    }

    /**
     * Writes the folded text token by token, delimiting and hashing words as it copies them.
     * Confined to one {@link TextNormalizer} call.
     */
    static final class Builder {
        /** ASCII letters and digits. */
        private static final boolean[] ASCII_WORD = new boolean[0x80];

        static {
            for (char c = 0; c < 0x80; c++) {
                ASCII_WORD[c] = Character.isLetterOrDigit(c);
            }
        }

        private char[] chars;
        private int length;
        private int[] starts;
        private int[] ends;
        private int[] hashes;
        private int words;
        private long symbolsLow;
        private long symbolsHigh;
        private boolean otherSymbols;
        private int[] rawStarts;
        private int[] rawEnds;
        private int rawTokens;

        Builder(int expectedChars) {
            chars = new char[Math.max(16, expectedChars + expectedChars / 8)];
            int expectedWords = expectedChars / 5 + 4;
            starts = new int[expectedWords];
            ends = new int[expectedWords];
            hashes = new int[expectedWords];
            rawStarts = new int[expectedWords];
            rawEnds = new int[expectedWords];
        }

        /** Records where a token of the raw text was. */
        void rawToken(int start, int end) {
            if (rawTokens == rawStarts.length) {
                rawStarts = Arrays.copyOf(rawStarts, rawTokens * 2);
                rawEnds = Arrays.copyOf(rawEnds, rawTokens * 2);
            }
            rawStarts[rawTokens] = start;
            rawEnds[rawTokens] = end;
            rawTokens++;
        }

        /**
         * Appends a token that is one word of lower-case ASCII letters, optionally followed by one
         * punctuation mark, whose hash the caller computed while folding it.
         */
        void plainToken(char[] token, int length, int wordLength, int hash, boolean newline) {
            int needed = this.length + length + 1;
            if (needed > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
            }
            if (this.length > 0) {
                chars[this.length++] = newline ? '\n' : ' ';
            }
            int start = this.length;
            System.arraycopy(token, 0, chars, start, length);
            this.length += length;
            addWord(start, start + wordLength, hash);
            if (wordLength < length) {
                noteSymbol(token[length - 1]);
            }
        }

        void token(char[] token, int tokenLength, boolean newline) {
            token(token, 0, tokenLength, newline);
        }

        /** Appends a token after a space (or a newline), as the folded text separates them. */
        void token(char[] token, int from, int to, boolean newline) {
            int needed = length + (to - from) + 1;
            if (needed > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
            }
            if (length > 0) {
                chars[length++] = newline ? '\n' : ' ';
            }
            int wordStart = -1;
            int hash = WordHash.SEED;
            for (int i = from; i < to; i++) {
                char c = token[i];
                chars[length] = c;
                if (c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
                    if (wordStart < 0) {
                        wordStart = length;
                        hash = WordHash.SEED;
                        if (i > from && token[i - 1] == '\\' && isEscapeLetter(c)) {
                            // The normaliser read real escapes as breaks already; a backslash it did
                            // not (made by folding, or with an invisible char dropped between) must
                            // not become one when the folded text is normalised again.
                            chars[length - 1] = '/';
                        }
                    }
                    hash = WordHash.step(hash, c);
                } else {
                    if (wordStart >= 0) {
                        addWord(wordStart, length, hash);
                        wordStart = -1;
                    }
                    noteSymbol(c);
                }
                length++;
            }
            if (wordStart >= 0) {
                addWord(wordStart, length, hash);
            }
        }

        private static boolean isEscapeLetter(char c) {
            return c == 'n' || c == 'r' || c == 't' || c == 'N' || c == 'R' || c == 'T';
        }

        private void noteSymbol(char c) {
            if (c < 64) {
                symbolsLow |= 1L << c;
            } else if (c < 128) {
                symbolsHigh |= 1L << (c - 64);
            } else {
                otherSymbols = true;
            }
        }

        private void addWord(int start, int end, int hash) {
            if (words == starts.length) {
                int capacity = words * 2;
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                hashes = Arrays.copyOf(hashes, capacity);
            }
            starts[words] = start;
            ends[words] = end;
            hashes[words] = hash;
            words++;
        }

        NormalizedText build(Obfuscation obfuscation) {
            return new NormalizedText(this, obfuscation);
        }
    }
}
