package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.text.NormalizedText;

/**
 * The words of one normalised text as a {@link Lexicon} knows them: for each word, the lexicon
 * term it is, the term it is without its clitic ({@code instruksimu} is {@code instruksi} + mu),
 * and its word classes. Made once per text by {@link Lexicon#terms}, then shared by rule matching
 * and the learned model. Confined to the analysis that made it.
 *
 * <pre>{@code
 * TermSequence terms = lexicon.terms(normalizer.normalize(text));
 * List<RuleHit> hits = lexicon.match(terms);
 * int[][] classes = terms.classes();
 * }</pre>
 */
public final class TermSequence {
    private final NormalizedText text;
    private final int[] terms;
    private final int[] withoutClitic;
    private final int[] clitics;
    private final int[] bases;
    private final int[][] classes;
    private final int[] startKeys;
    private final int[] endKeys;

    TermSequence(NormalizedText text, int[] terms, int[] withoutClitic, int[] clitics, int[] bases, int[][] classes,
                 int[] startKeys, int[] endKeys) {
        this.startKeys = startKeys;
        this.endKeys = endKeys;
        this.text = text;
        this.terms = terms;
        this.withoutClitic = withoutClitic;
        this.clitics = clitics;
        this.bases = bases;
        this.classes = classes;
    }

    /**
     * The text.
     *
     * @return the normalised text these words belong to
     */
    public NormalizedText text() {
        return text;
    }

    /**
     * The number of words.
     *
     * @return the text's word count
     */
    public int size() {
        return terms.length;
    }

    /**
     * The word classes of each word, as stable ids (see {@link Lexicon#classesOf}).
     *
     * @return per word, its class ids (an empty array for most words); not to be changed
     */
    public int[][] classes() {
        return classes;
    }

    /** The exact term a word is, or -1. */
    int term(int index) {
        return terms[index];
    }

    /** The exact term a word is without the clitic it ends in, or -1. */
    int withoutClitic(int index) {
        return withoutClitic[index];
    }

    /** The index of the clitic a word ends in (valid where {@link #withoutClitic} is a term). */
    int clitic(int index) {
        return clitics[index];
    }

    /** The stem key a word starts with (its first three letters, when some stem has them), or -1. */
    int startKey(int index) {
        return startKeys[index];
    }

    /** The ending key a word ends with, or -1. */
    int endKey(int index) {
        return endKeys[index];
    }

    /**
     * {@link #withoutClitic}, only for words at least three letters longer than their clitic:
     * what rules are indexed and classes found by.
     */
    int base(int index) {
        return bases[index];
    }
}
