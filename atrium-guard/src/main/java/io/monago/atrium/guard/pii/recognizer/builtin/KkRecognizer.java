package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.CalendarDate;
import io.monago.atrium.guard.pii.check.NikStructure;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * KK, the 16-digit Indonesian family card number. It has the NIK's layout with the date of issue in
 * place of a birth date, so without context it cannot be told from a NIK and is reported as one.
 *
 * <ul>
 *   <li>{@code kk.context}: a context word ({@code KK}, {@code kartu keluarga}, {@code family card})
 *       and 16 digits; 0.99 when region and date hold, else 0.9.
 * </ul>
 */
public final class KkRecognizer implements DigitRecognizer {
    @Override
    public EntityType type() {
        return EntityType.KK;
    }

    @Override
    public int minDigits() {
        return 16;
    }

    @Override
    public int maxDigits() {
        return 16;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (!context.has(EntityType.KK)) {
            return Optional.empty();
        }
        boolean structure = NikStructure.validRegion((int) w.value(0, 2), (int) w.value(2, 4))
                && CalendarDate.validTwoDigitYear((int) w.value(6, 8), (int) w.value(8, 10), (int) w.value(10, 12));
        return Optional.of(Match.of(w, EntityType.KK, structure ? 0.99 : 0.9, "kk.context"));
    }
}
