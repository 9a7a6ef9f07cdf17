package io.monago.atrium.guard.security.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One position of a rule: any of its phrases, possibly optional, after at most {@code maxGap}
 * other words. The first words of its phrases are indexed so that a position that cannot start
 * any phrase is rejected with one hash lookup (rules are tried at every occurrence of common words
 * such as "you" or "kamu", so this is the matcher's hot path).
 */
final class Slot {
    private final List<Phrase> phrases;
    private final boolean optional;
    private final int maxGap;
    private static final int KEY = 3;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final Map<String, List<Phrase>> byStart = new HashMap<>();
    private final Map<String, List<Phrase>> byEnd = new HashMap<>();
    private boolean hasClitics;
    private final List<Phrase> others = new ArrayList<>();

    Slot(List<Phrase> phrases, boolean optional, int maxGap) {
        this.phrases = List.copyOf(phrases);
        this.optional = optional;
        this.maxGap = maxGap;
        for (Phrase phrase : this.phrases) {
            Term first = phrase.first();
            if (first.kind() == Term.Kind.EXACT) {
                byFirstWord.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(phrase);
                hasClitics |= !first.clitics().isEmpty();
            } else if (first.kind() == Term.Kind.PREFIX && first.text().length() >= KEY) {
                byStart.computeIfAbsent(first.text().substring(0, KEY), k -> new ArrayList<>()).add(phrase);
            } else if (first.kind() == Term.Kind.SUFFIX && first.text().length() >= KEY) {
                byEnd.computeIfAbsent(first.text().substring(first.text().length() - KEY), k -> new ArrayList<>()).add(phrase);
            } else {
                others.add(phrase);
            }
        }
    }

    List<Phrase> phrases() {
        return phrases;
    }

    /**
     * The words one of which must be in a text for this slot to match there, or null when the slot
     * has stems or endings (any word might do).
     */
    java.util.Set<String> anchorWords() {
        if (!byStart.isEmpty() || !byEnd.isEmpty() || !others.isEmpty()) {
            return null;
        }
        return byFirstWord.keySet();
    }

    boolean optional() {
        return optional;
    }

    int maxGap() {
        return maxGap;
    }

    /**
     * Calls {@code visitor} with every list of phrases that could start at this word (found by
     * hash lookups: the word, {@code base} (the word without its clitic, or null), its first and
     * last three letters) until it returns a match.
     *
     * @return the visitor's first non-negative result, or -1
     */
    int firstMatch(String word, String base, java.util.function.ToIntFunction<List<Phrase>> visitor) {
        int end = visit(byFirstWord.get(word), visitor);
        if (end < 0 && base != null && hasClitics) {
            end = visit(byFirstWord.get(base), visitor);
        }
        if (end < 0 && word.length() >= KEY) {
            if (!byStart.isEmpty()) {
                end = visit(byStart.get(word.substring(0, KEY)), visitor);
            }
            if (end < 0 && !byEnd.isEmpty()) {
                end = visit(byEnd.get(word.substring(word.length() - KEY)), visitor);
            }
        }
        return end < 0 ? visit(others, visitor) : end;
    }

    private static int visit(List<Phrase> phrases, java.util.function.ToIntFunction<List<Phrase>> visitor) {
        return phrases == null || phrases.isEmpty() ? -1 : visitor.applyAsInt(phrases);
    }
}
