package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * Bank account numbers. They have no structure to check (Indonesian banks use 10 to 16 digits,
 * others up to 18), so they are recognised only with a context word: {@code rekening},
 * {@code no. rek}, {@code account number}, {@code a/c}, or a bank's name ({@code BCA},
 * {@code Mandiri}, {@code BRI}...).
 *
 * <ul>
 *   <li>{@code bank.context}: a context word and 8 to 18 digits, contiguous or grouped with any
 *       separators ({@code 7-0-0.1-9-5.2-3.1} is written to evade, not to mean something else),
 *       not shaped like an amount ({@code 15.000.000}); 0.9.
 * </ul>
 */
public final class BankAccountRecognizer implements DigitRecognizer {
    @Override
    public EntityType type() {
        return EntityType.BANK_ACCOUNT;
    }

    @Override
    public int minDigits() {
        return 8;
    }

    @Override
    public int maxDigits() {
        return 18;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (w.amountShaped() || w.plus() || !context.has(EntityType.BANK_ACCOUNT)) {
            return Optional.empty();
        }
        return Optional.of(Match.of(w, EntityType.BANK_ACCOUNT, 0.9, "bank.context"));
    }
}
