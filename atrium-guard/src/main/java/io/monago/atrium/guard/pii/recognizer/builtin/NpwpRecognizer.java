package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.Luhn;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * NPWP, the Indonesian taxpayer number: the old 15-digit form {@code ST.sss.sss.C-OOO.BBB} (the
 * ninth digit is a Luhn check over the first nine) and the 16-digit form of 2024 (a NIK for
 * individuals, or a 0 followed by the old number).
 *
 * <ul>
 *   <li>{@code npwp.format}: 15 digits written {@code 01.234.567.8-901.234} whose check digit
 *       holds; 0.95 (the shape alone is not enough: order and reference numbers borrow it);
 *   <li>{@code npwp.context}: a context word ({@code NPWP}, {@code pajak}, {@code tax ID}) and 15 or
 *       16 digits; 0.99 when the check digit holds (or, for 16 digits not starting with 0, always),
 *       else 0.9.
 * </ul>
 * Unformatted numbers without context are not reported: a Luhn check over nine digits passes one
 * random number in ten.
 */
public final class NpwpRecognizer implements DigitRecognizer {
    private static final int[] CANONICAL_GROUPS = {2, 3, 3, 1, 3, 3};
    private static final char[] CANONICAL_SEPARATORS = {0, '.', '.', '.', '-', '.'};

    @Override
    public EntityType type() {
        return EntityType.NPWP;
    }

    @Override
    public int minDigits() {
        return 15;
    }

    @Override
    public int maxDigits() {
        return 16;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        int n = w.length();
        int offset = n == 16 ? 1 : 0;
        boolean oldForm = n == 15 || w.digit(0) == 0;
        boolean check = oldForm && Luhn.valid(w, offset, offset + 9);
        if (context.has(EntityType.NPWP)) {
            return Optional.of(Match.of(w, EntityType.NPWP, check || !oldForm ? 0.99 : 0.9, "npwp.context"));
        }
        if (n == 15 && check && canonical(w)) {
            return Optional.of(Match.of(w, EntityType.NPWP, 0.95, "npwp.format"));
        }
        return Optional.empty();
    }

    private static boolean canonical(DigitWindow w) {
        if (w.groups() != CANONICAL_GROUPS.length) {
            return false;
        }
        for (int g = 0; g < CANONICAL_GROUPS.length; g++) {
            if (w.groupLength(g) != CANONICAL_GROUPS[g] || (g > 0 && w.separator(g) != CANONICAL_SEPARATORS[g])) {
                return false;
            }
        }
        return true;
    }
}
