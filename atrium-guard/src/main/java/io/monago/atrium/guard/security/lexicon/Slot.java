package io.monago.atrium.guard.security.lexicon;

import java.util.List;

/**
 * One position of a rule: any of its phrases, possibly optional, after at most {@code maxGap}
 * other words.
 */
record Slot(List<Phrase> phrases, boolean optional, int maxGap) {
    Slot {
        phrases = List.copyOf(phrases);
    }
}
