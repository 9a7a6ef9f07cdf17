package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * BPJS numbers: the 13-digit JKN-KIS card number of BPJS Kesehatan and the 11-digit KPJ number of
 * BPJS Ketenagakerjaan.
 *
 * <ul>
 *   <li>{@code bpjs.context}: a context word ({@code BPJS}, {@code JKN}, {@code KIS}, {@code KPJ})
 *       and 11 to 13 digits; 0.95;
 *   <li>{@code bpjs.structure}: a bare 13-digit number starting {@code 000}, the block JKN card
 *       numbers are issued from; 0.7, dropped near a reference word.
 * </ul>
 */
public final class BpjsRecognizer implements DigitRecognizer {
    @Override
    public EntityType type() {
        return EntityType.BPJS;
    }

    @Override
    public int minDigits() {
        return 11;
    }

    @Override
    public int maxDigits() {
        return 13;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (!w.uniformSeparators() || w.amountShaped()) {
            return Optional.empty();
        }
        if (context.has(EntityType.BPJS)) {
            return Optional.of(Match.of(w, EntityType.BPJS, 0.95, "bpjs.context"));
        }
        if (w.length() == 13 && w.value(0, 3) == 0 && w.digit(3) != 0 && !context.negative()) {
            return Optional.of(Match.of(w, EntityType.BPJS, 0.7, "bpjs.structure"));
        }
        return Optional.empty();
    }
}
