package io.monago.atrium.guard.security.text;

import java.util.List;

/**
 * A text after {@link TextNormalizer}: its folded form (for substring markers), its words (runs of
 * letters and digits, lower case, disguises undone; what lexicon rules and the model see) and what
 * had to be undone.
 */
public final class NormalizedText {
    private final String folded;
    private final String[] words;
    private final Obfuscation obfuscation;

    NormalizedText(String folded, String[] words, Obfuscation obfuscation) {
        this.folded = folded;
        this.words = words;
        this.obfuscation = obfuscation;
    }

    /**
     * The folded text: NFKC, lower case, invisible characters removed, disguises undone, runs of
     * whitespace reduced to one space or one newline.
     *
     * @return the folded text
     */
    public String folded() {
        return folded;
    }

    /**
     * The number of words.
     *
     * @return the word count
     */
    public int wordCount() {
        return words.length;
    }

    /**
     * One word.
     *
     * @param index from 0 to {@link #wordCount()} - 1
     * @return the word at that index
     */
    public String word(int index) {
        return words[index];
    }

    /**
     * All words, as an unmodifiable list.
     *
     * @return the words
     */
    public List<String> words() {
        return List.of(words);
    }

    /**
     * All words, as a fresh array the caller may keep or change.
     *
     * @return a copy of the words
     */
    public String[] copyOfWords() {
        return words.clone();
    }

    /**
     * What normalisation undid.
     *
     * @return the obfuscation counts
     */
    public Obfuscation obfuscation() {
        return obfuscation;
    }
}
