package io.monago.atrium.guard.security.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

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
    private final WordTable wordTable;
    /** Stems by their first four letters. */
    private final WordTable stemKeys;

    private final String[][] stemsByKey;

    /**
     * Creates a vocabulary.
     *
     * @param words whole words, folded
     * @param stems word starts, folded, at least four characters each
     */
    public Vocabulary(Set<String> words, List<String> stems) {
        this.words = Set.copyOf(words);
        this.wordTable = WordTable.of(this.words.stream().sorted().toList());
        TreeMap<String, List<String>> byKey = new TreeMap<>();
        for (String stem : stems) {
            byKey.computeIfAbsent(stem.substring(0, STEM_KEY), k -> new ArrayList<>())
                    .add(stem);
        }
        this.stemKeys = WordTable.of(List.copyOf(byKey.keySet()));
        this.stemsByKey =
                byKey.values().stream().map(list -> list.toArray(new String[0])).toArray(String[][]::new);
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
        return contains(word.toCharArray(), 0, word.length());
    }

    /**
     * Whether a folded word, given as chars, belongs (no {@code String} is made).
     *
     * @param chars the chars
     * @param from the word's first char
     * @param to the index after its last char
     * @return true for a listed word or a word starting with a listed stem
     */
    public boolean contains(char[] chars, int from, int to) {
        if (wordTable.find(chars, from, to, WordHash.of(chars, from, to)) >= 0) {
            return true;
        }
        if (to - from < STEM_KEY) {
            return false;
        }
        int key = stemKeys.find(chars, from, from + STEM_KEY, WordHash.of(chars, from, from + STEM_KEY));
        if (key >= 0) {
            for (String stem : stemsByKey[key]) {
                if (startsWith(chars, from, to, stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(char[] chars, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (chars[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
