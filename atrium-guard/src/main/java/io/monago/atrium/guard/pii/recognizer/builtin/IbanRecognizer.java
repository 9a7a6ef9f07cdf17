package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.Iban;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.Optional;

/**
 * IBANs, compact ({@code DE89370400440532013000}) or printed in groups of four
 * ({@code DE89 3704 0044 0532 0130 00}): capital letters, a country that uses IBANs, exactly that
 * country's length, not running on into a longer token, and the mod 97 check.
 *
 * <ul>
 *   <li>{@code iban.mod97}: 0.95, or 0.99 with a context word ({@code IBAN});
 *   <li>{@code iban.context}: the context word {@code IBAN} and the right shape and length, but the
 *       check fails (a typo is still an account number); 0.8.
 * </ul>
 */
public final class IbanRecognizer implements TokenRecognizer {
    private static final int MAX_LENGTH = 34;

    /** Whether the text goes on with more of a token: {@code ...a382-67903339e66e} is a UUID. */
    private static boolean continues(char[] t, int p) {
        if (p >= t.length) {
            return false;
        }
        return CharClass.isAlnum(t[p])
                || ((t[p] == '-' || t[p] == '.' || t[p] == '_') && p + 1 < t.length && CharClass.isAlnum(t[p + 1]));
    }

    /** IBANs are written in capitals; a lower-case hex string that passes mod 97 is a hash or an id. */
    private static boolean upperCase(char[] compact, int count) {
        for (int i = 0; i < count; i++) {
            if (compact[i] >= 'a' && compact[i] <= 'z') {
                return false;
            }
        }
        return true;
    }

    @Override
    public EntityType type() {
        return EntityType.IBAN;
    }

    @Override
    public Optional<Match> recognize(char[] t, int start, int end, Context context) {
        if (end - start < 4 || !CharClass.isAsciiLetter(t[start])) {
            return Optional.empty();
        }
        char[] compact = new char[MAX_LENGTH];
        int count = 0;
        int p = start;
        int last = start;
        int length = MAX_LENGTH;
        while (count < length && p < t.length) {
            if (count == 4) {
                boolean head = CharClass.isAsciiLetter(compact[0])
                        && CharClass.isAsciiLetter(compact[1])
                        && CharClass.isDigit(compact[2])
                        && CharClass.isDigit(compact[3]);
                length = head ? Iban.length(compact[0], compact[1]) : 0;
                if (length == 0) {
                    return Optional.empty();
                }
            }
            char c = t[p];
            if (CharClass.isAlnum(c)) {
                compact[count++] = c;
                last = p;
                p++;
            } else if (c == FoldedText.IGNORED) {
                p++;
            } else if ((c == ' ' || c == '-') && count % 4 == 0 && p + 1 < t.length && CharClass.isAlnum(t[p + 1])) {
                p++;
            } else {
                break;
            }
        }
        if (count != length || continues(t, last + 1) || !upperCase(compact, count)) {
            return Optional.empty();
        }
        boolean valid = Iban.valid(new String(compact, 0, count));
        boolean hasContext = context.has(EntityType.IBAN);
        if (!valid && !hasContext) {
            return Optional.empty();
        }
        double confidence = valid ? (hasContext ? 0.99 : 0.95) : 0.8;
        return Optional.of(
                new Match(EntityType.IBAN, start, last + 1, confidence, valid ? "iban.mod97" : "iban.context"));
    }
}
