package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.IncidentCategory;
import java.util.List;

/**
 * A lexicon rule: slots matched in order over the words of a normalised text, with bounded gaps
 * between them. Its id is what incidents report; its weight is its precision as the lexicon's
 * author judged it, and the model learns how far to trust it.
 *
 * @param id a short, stable id such as {@code en.override.ignore_prior}
 * @param category the category it is evidence for
 * @param weight the author's confidence in [0, 1]
 * @param slots what must match, in order
 */
public record Rule(String id, IncidentCategory category, double weight, List<Slot> slots) {
    /**
     * Copies the slots.
     *
     * @param id see the record description
     * @param category see the record description
     * @param weight see the record description
     * @param slots see the record description
     */
    public Rule {
        slots = List.copyOf(slots);
    }

    /**
     * Matches the rule with its first slot starting at a word.
     *
     * @param words the words of a normalised text
     * @param start where the first slot must start
     * @return the index after the last matched word, or -1 when the rule does not match there
     */
    int matchAt(String[] words, int start) {
        return matchAt(new Words(words, new String[words.length]), start);
    }

    /**
     * Matches the rule with its first slot starting at a word.
     *
     * @param words the words, with their clitic-free forms
     * @param start where the first slot must start
     * @return the index after the last matched word, or -1
     */
    int matchAt(Words words, int start) {
        return match(words, 0, start, 0);
    }

    /** Words of a text and, where a word ends in a clitic, the word without it (else null). */
    record Words(String[] words, String[] bases) {
    }

    private int tryPhrases(Words words, List<Phrase> phrases, int slotIndex, int at) {
        for (Phrase phrase : phrases) {
            int length = phrase.matchAt(words.words(), at);
            if (length > 0) {
                int end = match(words, slotIndex + 1, at + length, 0);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private int match(Words words, int slotIndex, int position, int carriedGap) {
        if (slotIndex == slots.size()) {
            return position;
        }
        Slot slot = slots.get(slotIndex);
        int gap = slotIndex == 0 ? 0 : slot.maxGap() + carriedGap;
        for (int skip = 0; skip <= gap && position + skip < words.words().length; skip++) {
            int at = position + skip;
            int end = slot.firstMatch(words.words()[at], words.bases()[at], phrases -> tryPhrases(words, phrases, slotIndex, at));
            if (end >= 0) {
                return end;
            }
        }
        if (slot.optional()) {
            return match(words, slotIndex + 1, position, gap);
        }
        return -1;
    }
}
