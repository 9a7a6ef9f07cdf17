package io.monago.atrium.guard.security.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final int STEM_KEY = 4;
    private final Set<String> words;
    private final Map<String, List<String>> stemsByStart = new HashMap<>();

    /**
     * Creates a vocabulary.
     *
     * @param words whole words, folded
     * @param stems word starts, folded, at least four characters each
     */
    public Vocabulary(Set<String> words, List<String> stems) {
        this.words = Set.copyOf(words);
        for (String stem : stems) {
            stemsByStart.computeIfAbsent(stem.substring(0, STEM_KEY), k -> new ArrayList<>()).add(stem);
        }
    }

    /**
     * The listed words (stems excluded).
     *
     * @return an unmodifiable set
     */
    public Set<String> words() {
        return words;
    }

    /**
     * Whether a folded word is one of the listed words (stems not consulted: a cheaper test).
     *
     * @param word a folded word
     * @return true for a listed word
     */
    public boolean containsWord(String word) {
        return words.contains(word);
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
        if (word.length() < STEM_KEY) {
            return false;
        }
        List<String> candidates = stemsByStart.get(word.substring(0, STEM_KEY));
        if (candidates != null) {
            for (String stem : candidates) {
                if (word.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }
}
