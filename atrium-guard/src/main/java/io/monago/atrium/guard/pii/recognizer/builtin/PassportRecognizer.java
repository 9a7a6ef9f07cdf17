package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.Optional;

/**
 * Passport numbers, recognised only with a context word ({@code paspor}, {@code passport}): the
 * formats are too plain to stand alone.
 *
 * <ul>
 *   <li>{@code passport.context}: Indonesian {@code A1234567} or {@code A 1234567} (a letter and
 *       seven digits), two letters and seven digits, and the common foreign forms: nine digits (US,
 *       UK), a letter and eight digits (US since 2021), six to ten letters and digits
 *       with at least five digits, either case (Germany, France, India...); 0.95. Dashes, dots and
 *       invisible characters between the characters ({@code C-9-9-0-4-8-8-3}) do not hide it.
 * </ul>
 */
public final class PassportRecognizer implements DigitRecognizer, TokenRecognizer {
    @Override
    public EntityType type() {
        return EntityType.PASSPORT;
    }

    @Override
    public int minDigits() {
        return 7;
    }

    @Override
    public int maxDigits() {
        return 9;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (w.groups() != 1 || w.plus() || !context.has(EntityType.PASSPORT)) {
            return Optional.empty();
        }
        char[] t = w.text();
        int s = w.start();
        // "A 1234567": a lone capital letter, a space, seven digits.
        if (w.length() == 7
                && s >= 2
                && t[s - 1] == ' '
                && t[s - 2] >= 'A'
                && t[s - 2] <= 'Z'
                && (s == 2 || !CharClass.isWordChar(t[s - 3]))) {
            return Optional.of(new Match(EntityType.PASSPORT, s - 2, w.end(), 0.95, "passport.context"));
        }
        return Optional.of(Match.of(w, EntityType.PASSPORT, w.length() == 9 ? 0.95 : 0.9, "passport.context"));
    }

    @Override
    public Optional<Match> recognize(char[] text, int start, int end, Context context) {
        int letters = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                letters++;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != FoldedText.IGNORED && c != '-' && c != '.') {
                return Optional.empty(); // invisible characters and dashes between characters only hide it
            }
        }
        int n = letters + digits;
        if (n < 6 || n > 10 || letters == 0 || digits < 5 || !context.has(EntityType.PASSPORT)) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.PASSPORT, start, end, 0.95, "passport.context"));
    }
}
