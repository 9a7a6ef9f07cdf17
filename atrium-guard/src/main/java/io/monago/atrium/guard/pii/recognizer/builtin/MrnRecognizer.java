package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import java.util.Optional;

/**
 * Medical record numbers ("nomor rekam medis"). Every hospital has its own format, so they are
 * recognised only with a context word: {@code no. RM}, {@code rekam medis}, {@code MRN},
 * {@code medical record}.
 *
 * <ul>
 *   <li>{@code mrn.context}: a context word and either 5 to 12 digits ({@code 00-12-34},
 *       {@code 01234567}, {@code 537.894}) or a compound token with at least four digits
 *       ({@code RM-2023-001234}); 0.9.
 * </ul>
 */
public final class MrnRecognizer implements DigitRecognizer, TokenRecognizer {
    private static final int MAX_TOKEN = 24;

    @Override
    public EntityType type() {
        return EntityType.MRN;
    }

    @Override
    public int minDigits() {
        return 5;
    }

    @Override
    public int maxDigits() {
        return 12;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (!w.uniformSeparators() || w.plus() || !context.has(EntityType.MRN)) {
            return Optional.empty();
        }
        return Optional.of(Match.of(w, EntityType.MRN, 0.9, "mrn.context"));
    }

    @Override
    public Optional<Match> recognize(char[] text, int start, int end, Context context) {
        if (end - start > MAX_TOKEN || end - start < 5) {
            return Optional.empty();
        }
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '_' || c == '+' || c == '=') {
                return Optional.empty();
            }
        }
        if (digits < 4 || !context.has(EntityType.MRN)) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.MRN, start, end, 0.9, "mrn.context"));
    }
}
