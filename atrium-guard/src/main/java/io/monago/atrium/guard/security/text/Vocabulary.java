package io.monago.atrium.guard.security.text;

import java.util.List;
import java.util.Set;

/**
 * The words attackers disguise: every word of the lexicon, plus stems ({@code instruct} matches
 * {@code instructions}). {@link TextNormalizer} undoes a disguise only when it yields one of them.
 *
 * <pre>{@code
 * Vocabulary v = new Vocabulary(Set.of("ignore", "semua"), List.of("instruct"));
 * v.contains("instructions"); // true
 * }</pre>
 */
public final class Vocabulary {
    private final Set<String> words;
    private final List<String> stems;

    /**
     * Creates a vocabulary.
     *
     * @param words whole words, folded
     * @param stems word starts, folded, at least four characters each
     */
    public Vocabulary(Set<String> words, List<String> stems) {
        this.words = Set.copyOf(words);
        this.stems = List.copyOf(stems);
    }

    /**
     * Whether a folded word belongs.
     *
     * @param word a folded word
     * @return true for a listed word or a word starting with a listed stem
     */
    public boolean contains(String word) {
        if (words.contains(word)) {
            return true;
        }
        for (String stem : stems) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
