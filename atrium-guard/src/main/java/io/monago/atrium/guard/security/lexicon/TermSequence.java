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
    /** Stem keys and ending keys a lexicon may have (they share an int per word). */
    static final int MAX_KEYS = 0xFFFF;

    private static final int CLITIC_BITS = 5;

    private final NormalizedText text;
    private final int[] terms;
    /** Per word, 0 for most: the term it is without its clitic + 1, the clitic, whether it is long enough. */
    private final int[] cliticForms;
    /** Per word, 0 for most: its stem key + 1 in the low half, its ending key + 1 in the high half. */
    private final int[] keys;

    private final int[][] classes;

    /** The indexes of the words a rule starts with or is anchored by, in order; most words are not. */
    private final int[] active;

    private final int activeCount;

    TermSequence(
            NormalizedText text,
            int[] terms,
            int[] cliticForms,
            int[] keys,
            int[][] classes,
            int[] active,
            int activeCount) {
        this.active = active;
        this.activeCount = activeCount;
        this.text = text;
        this.terms = terms;
        this.cliticForms = cliticForms;
        this.keys = keys;
        this.classes = classes;
    }

    static int keys(int startKey, int endKey) {
        return (startKey + 1) | (endKey + 1) << 16;
    }

    static int cliticForm(int withoutClitic, int clitic, boolean longEnough) {
        return (withoutClitic + 1) << (CLITIC_BITS + 1) | clitic << 1 | (longEnough ? 1 : 0);
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

    /** The words that matter to rule matching (see {@link #activeCount}); not to be changed. */
    int[] active() {
        return active;
    }

    int activeCount() {
        return activeCount;
    }

    /** The exact term a word is, or -1. */
    int term(int index) {
        return terms[index];
    }

    /** The exact term a word is without the clitic it ends in, or -1. */
    int withoutClitic(int index) {
        return (cliticForms[index] >>> (CLITIC_BITS + 1)) - 1;
    }

    /** The index of the clitic a word ends in (valid where {@link #withoutClitic} is a term). */
    int clitic(int index) {
        return cliticForms[index] >>> 1 & ((1 << CLITIC_BITS) - 1);
    }

    /** The stem key a word starts with (its first three letters, when some stem has them), or -1. */
    int startKey(int index) {
        return (keys[index] & 0xFFFF) - 1;
    }

    /** The ending key a word ends with, or -1. */
    int endKey(int index) {
        return (keys[index] >>> 16) - 1;
    }

    /**
     * {@link #withoutClitic}, only for words at least three letters longer than their clitic:
     * what rules are indexed and classes found by.
     */
    int base(int index) {
        return (cliticForms[index] & 1) != 0 ? withoutClitic(index) : -1;
    }
}
