package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * United States social security numbers, {@code AAA-GG-SSSS}. Numbers that can never be issued are
 * excluded whatever the context: area 000, 666 or 900-999, group 00, serial 0000, and the two
 * numbers famous from advertising (078-05-1120, 219-09-9999).
 *
 * <ul>
 *   <li>{@code ssn.format}: written 3-2-4 with dashes or spaces; 0.85, dropped near a reference
 *       word;
 *   <li>{@code ssn.context}: a context word ({@code SSN}, {@code social security}) and nine digits
 *       in any grouping; 0.99.
 * </ul>
 */
public final class SsnRecognizer implements DigitRecognizer {
    @Override
    public EntityType type() {
        return EntityType.SSN;
    }

    @Override
    public int minDigits() {
        return 9;
    }

    @Override
    public int maxDigits() {
        return 9;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (!w.uniformSeparators() || !issuable(w)) {
            return Optional.empty();
        }
        if (context.has(EntityType.SSN)) {
            return Optional.of(Match.of(w, EntityType.SSN, 0.99, "ssn.context"));
        }
        boolean format = w.groups() == 3
                && w.groupLength(0) == 3
                && w.groupLength(1) == 2
                && (w.separator(1) == '-' || w.separator(1) == ' ');
        if (format && !context.negative()) {
            return Optional.of(Match.of(w, EntityType.SSN, 0.85, "ssn.format"));
        }
        return Optional.empty();
    }

    private static boolean issuable(DigitWindow w) {
        long area = w.value(0, 3);
        long group = w.value(3, 5);
        long serial = w.value(5, 9);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999);
    }
}
