package io.monago.atrium.guard.pii.recognizer;

import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.Optional;

/**
 * Recognises one entity type among candidate numbers. The scanner offers every window whose digit
 * count lies in {@code [minDigits(), maxDigits()]}; the recogniser checks structure and context.
 *
 * <p>Implementations are stateless and thread-safe. They must be cheap on rejection: test the
 * structure that fails most often first, and ask the {@link Context} only when needed.
 *
 * <pre>{@code
 * // A hospital whose record numbers are always "RS" + 8 digits written as 8 bare digits:
 * final class HospitalMrnRecognizer implements DigitRecognizer {
 *     public EntityType type() { return EntityType.MRN; }
 *     public int minDigits() { return 8; }
 *     public int maxDigits() { return 8; }
 *     public Optional<Match> recognize(DigitWindow w, Context c) {
 *         return c.has(type()) ? Optional.of(Match.of(w, type(), 0.9, "mrn.hospital")) : Optional.empty();
 *     }
 * }
 * }</pre>
 */
public interface DigitRecognizer {
    /** The most digits any number recogniser is offered (a 19-digit card). */
    int MAX_DIGITS = 19;

    /**
     * The type this recogniser finds.
     *
     * @return the entity type
     */
    EntityType type();

    /**
     * Fewest digits a candidate may have.
     *
     * @return at least 1
     */
    int minDigits();

    /**
     * Most digits a candidate may have.
     *
     * @return at most {@value #MAX_DIGITS}
     */
    int maxDigits();

    /**
     * Checks one candidate.
     *
     * @param window the candidate; valid only during this call
     * @param context the context words around it
     * @return a match, or empty
     */
    Optional<Match> recognize(DigitWindow window, Context context);
}
