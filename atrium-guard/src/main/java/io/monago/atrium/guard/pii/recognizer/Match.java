package io.monago.atrium.guard.pii.recognizer;

import io.monago.atrium.guard.pii.entity.EntityType;

/**
 * What a recogniser found. The scanner ranks competing matches and turns the winners into
 * {@link io.monago.atrium.guard.pii.entity.PiiFinding}s.
 *
 * @param type the entity type
 * @param start offset of the first character
 * @param end offset after the last character
 * @param confidence in (0, 1]
 * @param rule the rule's stable name, e.g. {@code nik.structure}
 */
public record Match(EntityType type, int start, int end, double confidence, String rule) {
    /**
     * A match covering a whole window.
     *
     * @param w the window
     * @param type the entity type
     * @param confidence in (0, 1]
     * @param rule the rule's name
     * @return the match
     */
    public static Match of(DigitWindow w, EntityType type, double confidence, String rule) {
        return new Match(type, w.start(), w.end(), confidence, rule);
    }
}
