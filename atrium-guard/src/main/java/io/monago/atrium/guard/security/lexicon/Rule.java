package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.category.IncidentCategory;
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
     * @param words the words of a text, as the lexicon knows them
     * @param start where the first slot must start
     * @return the index after the last matched word, or -1 when the rule does not match there
     */
    int matchAt(TermSequence words, int start) {
        return match(words, 0, start, 0);
    }

    /**
     * How far after the rule's start slot {@code k} can begin at most: every slot before it at its
     * longest phrase, every gap up to it at its widest (an optional slot that does not match hands
     * its gap on).
     */
    int reach(int k) {
        int reach = 0;
        for (int j = 0; j < k; j++) {
            reach += slots.get(j).maxPhraseLength() + (j == 0 ? 0 : slots.get(j).maxGap());
        }
        return reach + slots.get(k).maxGap();
    }

    /** Tries phrases of slot {@code slotIndex} at {@code at}, then the rest of the rule after each. */
    int tryPhrases(TermSequence words, Phrase[] phrases, int slotIndex, int at) {
        for (Phrase phrase : phrases) {
            int length = phrase.matchAt(words, at);
            if (length > 0) {
                int end = match(words, slotIndex + 1, at + length, 0);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private int match(TermSequence words, int slotIndex, int position, int carriedGap) {
        if (slotIndex == slots.size()) {
            return position;
        }
        Slot slot = slots.get(slotIndex);
        int gap = slotIndex == 0 ? 0 : slot.maxGap() + carriedGap;
        for (int skip = 0; skip <= gap && position + skip < words.size(); skip++) {
            int end = slot.tryAt(this, words, slotIndex, position + skip);
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
