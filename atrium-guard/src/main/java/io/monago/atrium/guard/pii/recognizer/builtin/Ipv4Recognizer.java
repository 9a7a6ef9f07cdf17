package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import java.util.Optional;

/**
 * IPv4 addresses: four dot-separated numbers from 0 to 255, not part of a longer dotted number
 * ({@code 1.2.3.4.5} is an OID or a version, not an address) and not right after a letter
 * ({@code v10.2.3.4}).
 *
 * <ul>
 *   <li>{@code ip.v4}: 0.85, dropped after a reference word such as {@code version},
 *       {@code firmware}, {@code pasal} or {@code versi} in the same sentence, or when a part has a leading zero ({@code 22.235.094.167} is an amount), or when the last part is 0 or 255 (a network, a broadcast or a version: {@code 2.14.1.0});
 *       0.99 with a context word ({@code IP}, {@code alamat IP}).
 * </ul>
 */
public final class Ipv4Recognizer implements DigitRecognizer {
    /** Dotted versions and section numbers outnumber bare addresses: a reference word counts anywhere in the window. */
    private static final int SENTENCE_REACH = 48;

    @Override
    public EntityType type() {
        return EntityType.IP_ADDRESS;
    }

    @Override
    public int minDigits() {
        return 4;
    }

    @Override
    public int maxDigits() {
        return 12;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (w.groups() != 4 || w.plus() || w.parenthesised()) {
            return Optional.empty();
        }
        int offset = 0;
        boolean leadingZero = false;
        long last = 0;
        for (int g = 0; g < 4; g++) {
            int len = w.groupLength(g);
            last = w.value(offset, offset + len);
            if (len > 3 || (g > 0 && w.separator(g) != '.') || last > 255) {
                return Optional.empty();
            }
            leadingZero |= len > 1 && w.digit(offset) == 0;
            offset += len;
        }
        char[] t = w.text();
        int s = w.start();
        int e = w.end();
        if ((s >= 1 && CharClass.isAsciiLetter(t[s - 1])) // "v10.2.3.4" is a version
                || (s >= 2 && t[s - 1] == '.' && CharClass.isDigit(t[s - 2]))
                || (e + 1 < t.length && t[e] == '.' && CharClass.isDigit(t[e + 1]))) {
            return Optional.empty();
        }
        if (context.has(EntityType.IP_ADDRESS)) {
            return Optional.of(Match.of(w, EntityType.IP_ADDRESS, 0.99, "ip.v4"));
        }
        if (leadingZero || context.negativeWithin(SENTENCE_REACH)) {
            return Optional.empty(); // "22.235.094.167" is an amount
        }
        if (last == 0 || last == 255) {
            // A host's address ends in 1 to 254; ".0" and ".255" name a network or its broadcast, or end a
            // version ("fixed in 2.14.1.0"). With an IP word the value is reported all the same.
            return Optional.empty();
        }
        return Optional.of(Match.of(w, EntityType.IP_ADDRESS, 0.85, "ip.v4"));
    }
}
