package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.CardIssuers;
import io.monago.atrium.guard.pii.check.Luhn;
import io.monago.atrium.guard.pii.check.NikStructure;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * Payment card numbers, 13 to 19 digits, contiguous or grouped with one kind of separator.
 *
 * <ul>
 *   <li>{@code card.luhn}: the Luhn checksum holds and the prefix belongs to a network that issues
 *       that length; 0.9, or 0.99 with a context word ({@code card}, {@code kartu kredit},
 *       {@code visa}...). A bare 16-digit number that is also a well-formed NIK gets 0.8 unless it is
 *       printed in fours, so the NIK reading wins: a KTP prints the NIK unbroken (or people write
 *       {@code 320123.450689.0123}), a card prints its number in fours. The broad Maestro ranges get
 *       0.8 and are dropped right after a reference word ({@code transaction 5021...});
 *   <li>{@code card.context}: a context word and a number that fails the checksum (a typo is still
 *       a card number); 0.8.
 * </ul>
 */
public final class CreditCardRecognizer implements DigitRecognizer {
    @Override
    public EntityType type() {
        return EntityType.CREDIT_CARD;
    }

    @Override
    public int minDigits() {
        return 13;
    }

    @Override
    public int maxDigits() {
        return 19;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (!w.uniformSeparators() || w.amountShaped()) {
            return Optional.empty();
        }
        boolean luhn = Luhn.valid(w);
        if (context.has(EntityType.CREDIT_CARD)) {
            return Optional.of(
                    luhn
                            ? Match.of(w, EntityType.CREDIT_CARD, 0.99, "card.luhn")
                            : Match.of(w, EntityType.CREDIT_CARD, 0.8, "card.context"));
        }
        if (!luhn || !CardIssuers.known(w)) {
            return Optional.empty();
        }
        boolean alsoNik = w.length() == 16 && !printedInFours(w) && NikStructure.valid(w, 0);
        if (CardIssuers.loose(w)) {
            return context.negative()
                    ? Optional.empty()
                    : Optional.of(Match.of(w, EntityType.CREDIT_CARD, 0.8, "card.luhn"));
        }
        return Optional.of(Match.of(w, EntityType.CREDIT_CARD, alsoNik ? 0.8 : 0.9, "card.luhn"));
    }

    private static boolean printedInFours(DigitWindow w) {
        if (w.groups() != 4) {
            return false;
        }
        for (int g = 0; g < 4; g++) {
            if (w.groupLength(g) != 4) {
                return false;
            }
        }
        return true;
    }
}
