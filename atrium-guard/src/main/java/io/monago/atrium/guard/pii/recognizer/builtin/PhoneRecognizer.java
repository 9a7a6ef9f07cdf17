package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.CalendarDate;
import io.monago.atrium.guard.pii.check.CallingCodes;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * Telephone numbers.
 *
 * <ul>
 *   <li>{@code phone.id-mobile}: Indonesian mobile, {@code 08xx} with a known operator prefix (10
 *       to 13 digits), {@code 628xx} or {@code +62 8xx}, grouped any way; 0.9 (0.75 for an unknown
 *       {@code 08} prefix, 0.8 for {@code 62} without the plus);
 *   <li>{@code phone.id-landline}: {@code 0} + area code, written with the area code apart
 *       ({@code (021) 555-1234}, {@code 021-5551234}) or after {@code +62}; 0.75 (0.9 with plus);
 *   <li>{@code phone.e164}: {@code +} and an assigned country code, 8 to 15 digits; 0.85;
 *   <li>{@code phone.nanp}: North American {@code 415-555-2671}, {@code (415) 555 2671},
 *       {@code 1-800-555-0199}; 0.75;
 *   <li>{@code phone.context}: a context word ({@code HP}, {@code telepon}, {@code WA},
 *       {@code phone}...) and 7 to 15 digits; 0.9, or 0.99 when a structure above also holds.
 *       Written with more than one kind of dash, dot or slash ({@code 0812 - 3456 . 7890}), at
 *       most 13 digits and only with a context word.
 * </ul>
 * Bare matches are dropped right after a reference word ({@code order}, {@code resi}...): an order
 * number that happens to look like a phone number is still an order number.
 */
public final class PhoneRecognizer implements DigitRecognizer {
    // Second and third digit of Indonesian mobile prefixes 08xx: Telkomsel, Indosat, XL, Axis, Tri, Smartfren.
    private static final boolean[] MOBILE = new boolean[100];

    static {
        int[] prefixes = {
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 27, 28, 31, 32, 33, 38, 51, 52, 53, 55, 56, 57, 58, 59, 77,
            78, 81, 82, 83, 84, 85, 86, 87, 88, 89, 95, 96, 97, 98, 99
        };
        for (int p : prefixes) {
            MOBILE[p] = true;
        }
    }

    /** The most digits of a phone number written with mixed separators: Indonesian mobiles have 13. */
    private static final int LONGEST_MIXED = 13;

    @Override
    public EntityType type() {
        return EntityType.PHONE;
    }

    @Override
    public int minDigits() {
        return 7;
    }

    @Override
    public int maxDigits() {
        return 15;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (w.amountShaped()) {
            return Optional.empty();
        }
        boolean announced = context.has(EntityType.PHONE);
        if (!phoneShaped(w)) {
            // "HP: 0812 - 3456 . 7890" mixes separators to evade; a tax number's 15 digits do not
            // become a phone number by a word nearby, nor opening hours ("Mobile JKN 08.00 - 14.00").
            return announced && w.length() <= LONGEST_MIXED && !timeRange(w) && !calendarDate(w)
                    ? Optional.of(Match.of(w, EntityType.PHONE, 0.9, "phone.context"))
                    : Optional.empty();
        }
        Match structural = structural(w);
        if (announced && (structural != null || !calendarDate(w))) {
            return Optional.of(
                    structural != null
                            ? new Match(EntityType.PHONE, w.start(), w.end(), 0.99, structural.rule())
                            : Match.of(w, EntityType.PHONE, 0.9, "phone.context"));
        }
        if (structural == null || context.negative()) {
            return Optional.empty();
        }
        return Optional.of(structural);
    }

    /** Whether the window reads as a range of clock times, {@code 08.00 - 14.00} or {@code 8:30-16:00}. */
    /**
     * A calendar date written with one kind of separator ({@code 12/03/2026}, {@code 2026-03-12},
     * {@code 12.03.2026}): a date after a word of contact ({@code reached on 12/03/2026}) is not a
     * phone number.
     */
    private static boolean calendarDate(DigitWindow w) {
        if (w.groups() != 3 || w.separator(1) != w.separator(2) || "/-.".indexOf(w.separator(1)) < 0) {
            return false;
        }
        int[] values = new int[3];
        int at = 0;
        for (int g = 0; g < 3; g++) {
            int n = w.groupLength(g);
            if (n > 4) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                values[g] = values[g] * 10 + w.digit(at + i);
            }
            at += n;
        }
        if (w.groupLength(0) == 4) {
            return w.groupLength(1) <= 2
                    && w.groupLength(2) <= 2
                    && CalendarDate.valid(values[2], values[1], values[0]);
        }
        return w.groupLength(0) <= 2
                && w.groupLength(1) <= 2
                && w.groupLength(2) == 4
                && (CalendarDate.valid(values[0], values[1], values[2])
                        || CalendarDate.valid(values[1], values[0], values[2]));
    }

    private static boolean timeRange(DigitWindow w) {
        if (w.groups() != 4 || w.separator(2) != '-') {
            return false;
        }
        int at = 0;
        int[] values = new int[4];
        for (int g = 0; g < 4; g++) {
            int n = w.groupLength(g);
            if (n < 1 || n > 2) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                values[g] = values[g] * 10 + w.digit(at + i);
            }
            at += n;
        }
        boolean clockSeparators =
                (w.separator(1) == '.' || w.separator(1) == ':') && (w.separator(3) == '.' || w.separator(3) == ':');
        return clockSeparators
                && w.groupLength(1) == 2
                && w.groupLength(3) == 2
                && values[0] <= 24
                && values[2] <= 24
                && values[1] <= 59
                && values[3] <= 59;
    }

    /**
     * At most one kind of dash, dot or slash besides spaces and a closing parenthesis
     * ({@code +62 812-3456-7890}, {@code +60 3-2161 2626}, {@code (021) 555-1234}):
     * {@code 04.410.059.2-173.004} is not a phone number without a context word.
     */
    private static boolean phoneShaped(DigitWindow w) {
        char kind = 0;
        for (int g = 1; g < w.groups(); g++) {
            char s = w.separator(g);
            if (s == ' ' || s == ')') {
                continue;
            }
            if (kind != 0 && s != kind) {
                return false;
            }
            kind = s;
        }
        return true;
    }

    private static Match structural(DigitWindow w) {
        int n = w.length();
        if (w.plus()) {
            return international(w, n);
        }
        if (!w.uniformSeparators() && !w.parenthesised()) {
            return null;
        }
        int d0 = w.digit(0);
        int d1 = w.digit(1);
        if (d0 == 0 && d1 == 8) {
            if (n < 10 || n > 13 || w.digit(2) == 0) {
                return null;
            }
            boolean known = MOBILE[(int) w.value(2, 4)];
            return Match.of(w, EntityType.PHONE, known ? 0.9 : 0.75, "phone.id-mobile");
        }
        if (d0 == 6 && d1 == 2 && w.digit(2) == 8 && n >= 11 && n <= 14) {
            return Match.of(w, EntityType.PHONE, 0.8, "phone.id-mobile");
        }
        if (d0 == 0
                && d1 >= 2
                && d1 != 8
                && n >= 9
                && n <= 12
                && (w.groups() > 1 || w.parenthesised())
                && w.groupLength(0) >= 2
                && w.groupLength(0) <= 4) {
            return Match.of(w, EntityType.PHONE, 0.75, "phone.id-landline");
        }
        if (nanp(w, n)) {
            return Match.of(w, EntityType.PHONE, 0.75, "phone.nanp");
        }
        return null;
    }

    private static Match international(DigitWindow w, int n) {
        int cc = CallingCodes.length(w);
        if (cc == 0 || n < 8) {
            return null;
        }
        if (cc == 2 && w.digit(0) == 6 && w.digit(1) == 2) {
            int national = n - 2;
            if (w.digit(2) == 8) {
                return national >= 9 && national <= 12 ? Match.of(w, EntityType.PHONE, 0.9, "phone.id-mobile") : null;
            }
            return national >= 7 && national <= 11 && w.digit(2) != 0
                    ? Match.of(w, EntityType.PHONE, 0.9, "phone.id-landline")
                    : null;
        }
        return Match.of(w, EntityType.PHONE, 0.85, "phone.e164");
    }

    private static boolean nanp(DigitWindow w, int n) {
        int g = w.groups();
        int first = 0;
        if (n == 11 && g == 4 && w.digit(0) == 1 && w.groupLength(0) == 1) {
            first = 1;
        } else if (n != 10 || g != 3) {
            return false;
        }
        int base = first;
        if (w.groupLength(first) != 3 || w.groupLength(first + 1) != 3 || w.groupLength(first + 2) != 4) {
            return false;
        }
        if (w.separator(first + 1) == ' ' && !w.parenthesised()) {
            return false; // "415 555 2671" is as likely a list of numbers
        }
        return w.digit(base) >= 2 && w.digit(base + 3) >= 2;
    }
}
