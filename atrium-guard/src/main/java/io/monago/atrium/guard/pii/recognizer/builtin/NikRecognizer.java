package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.NikStructure;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * NIK, the 16-digit Indonesian national identity number ({@code PP RR SS DDMMYY NNNN}).
 *
 * <ul>
 *   <li>{@code nik.structure}: region codes, birth date (day + 40 for women) and serial hold, any
 *       grouping with one kind of separator; 0.85 bare, 0.99 with a context word;
 *   <li>{@code nik.context}: a context word ({@code NIK}, {@code KTP}, {@code kependudukan},
 *       {@code national ID}...) makes any 16 digits a NIK even when the structure is off
 *       ({@code NIK 3201234567890123}, month 67); 0.9.
 * </ul>
 * A bare match is dropped when a reference word ({@code order}, {@code invoice}...) is nearer.
 */
public final class NikRecognizer implements DigitRecognizer {
    @Override
    public EntityType type() {
        return EntityType.NIK;
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
        boolean structure = NikStructure.valid(w, 0);
        if (context.has(EntityType.NIK)) {
            return Optional.of(
                    structure
                            ? Match.of(w, EntityType.NIK, 0.99, "nik.structure")
                            : Match.of(w, EntityType.NIK, 0.9, "nik.context"));
        }
        if (structure && w.uniformSeparators() && !context.negative()) {
            return Optional.of(Match.of(w, EntityType.NIK, 0.85, "nik.structure"));
        }
        return Optional.empty();
    }
}
