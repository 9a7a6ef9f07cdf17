package io.monago.atrium.guard.pii.recognizer;

import io.monago.atrium.guard.pii.entity.EntityType;

/**
 * The context words around a candidate: for each entity type, how close the nearest word that
 * announces it is ({@code NIK}, {@code rekening}, {@code passport}...), looking a bounded window
 * before the candidate and a shorter one after it. Computed lazily, at most once per candidate.
 */
public interface Context {
    /** {@link #distance} when no context word for the type is in the window. */
    int NONE = -1;

    /**
     * How close the nearest context word for a type is.
     *
     * @param type an entity type
     * @return characters between the word and the candidate (words after the candidate count a
     *     small penalty extra), or {@link #NONE}
     */
    int distance(EntityType type);

    /**
     * Whether a context word for a type is in the window.
     *
     * @param type an entity type
     * @return true when {@link #distance} is not {@link #NONE}
     */
    default boolean has(EntityType type) {
        return distance(type) != NONE;
    }

    /**
     * Whether a word that marks a number as something other than personal data ({@code order},
     * {@code invoice}, {@code versi}, {@code resi}...) comes before the candidate, nearer than any
     * context word for an entity type.
     *
     * @return true when the candidate is probably a reference number
     */
    boolean negative();

    /**
     * {@link #negative()} with a reach of one's own, for shapes that are more often a reference
     * than personal data when nothing announces them ({@code 2.4.10.3} after {@code firmware}).
     *
     * @param reach the farthest a reference word may be, in characters, up to the context window
     * @return true when a reference word that near comes before the candidate in its sentence,
     *     nearer than any context word for an entity type
     */
    boolean negativeWithin(int reach);
}
