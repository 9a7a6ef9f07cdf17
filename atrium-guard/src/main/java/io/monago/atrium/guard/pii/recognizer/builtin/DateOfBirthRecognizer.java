package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.CalendarDate;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import io.monago.atrium.guard.pii.text.KeywordTable;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Optional;

/**
 * Dates of birth. Any date could be one, so a date is reported only with a context word:
 * {@code lahir}, {@code tanggal lahir}, {@code TTL}, {@code born}, {@code date of birth},
 * {@code DOB}, {@code birthday}.
 *
 * <ul>
 *   <li>{@code dob.context}: a real date between 1900 and 2099 written {@code 12-03-1990},
 *       {@code 12/3/90}, {@code 1990-03-12}, {@code 12.03.1990}, {@code 19900312},
 *       {@code 12 Maret 1990}, {@code 12 Mar 1990}, {@code March 12, 1990} (English and Indonesian
 *       month names and abbreviations); 0.9.
 * </ul>
 */
public final class DateOfBirthRecognizer implements DigitRecognizer {
    private final KeywordTable words = ContextWords.table();

    @Override
    public EntityType type() {
        return EntityType.DATE_OF_BIRTH;
    }

    @Override
    public int minDigits() {
        return 1;
    }

    @Override
    public int maxDigits() {
        return 8;
    }

    @Override
    public Optional<Match> recognize(DigitWindow w, Context context) {
        if (w.plus()) {
            return Optional.empty();
        }
        int n = w.length();
        int[] span = null;
        if (w.groups() == 1 && n <= 2) {
            span = withMonthName(w);
        } else if (w.groups() == 3 && w.uniformSeparators() && isDateSeparator(w.separator(1))) {
            span = numeric(w) ? new int[] {w.start(), w.end()} : null;
        } else if (w.groups() == 1 && n == 8) {
            span = compact(w) ? new int[] {w.start(), w.end()} : null;
        }
        if (span == null || !context.has(EntityType.DATE_OF_BIRTH)) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.DATE_OF_BIRTH, span[0], span[1], 0.9, "dob.context"));
    }

    private static boolean isDateSeparator(char c) {
        return c == '-' || c == '/' || c == '.' || c == ' ';
    }

    private static boolean plausibleYear(int y) {
        return y >= 1900 && y <= 2099;
    }

    private static boolean numeric(DigitWindow w) {
        int a = w.groupLength(0);
        int b = w.groupLength(1);
        int c = w.groupLength(2);
        int x = (int) w.value(0, a);
        int y = (int) w.value(a, a + b);
        int z = (int) w.value(a + b, a + b + c);
        if (a == 4 && b <= 2 && c <= 2) {
            return plausibleYear(x) && CalendarDate.valid(z, y, x);
        }
        if (a > 2 || b > 2) {
            return false;
        }
        if (c == 4) {
            return plausibleYear(z) && (CalendarDate.valid(x, y, z) || CalendarDate.valid(y, x, z));
        }
        return c == 2 && (CalendarDate.validTwoDigitYear(x, y, z) || CalendarDate.validTwoDigitYear(y, x, z));
    }

    private static boolean compact(DigitWindow w) {
        int y = (int) w.value(0, 4);
        if (plausibleYear(y) && CalendarDate.valid((int) w.value(6, 8), (int) w.value(4, 6), y)) {
            return true;
        }
        int y2 = (int) w.value(4, 8);
        return plausibleYear(y2) && CalendarDate.valid((int) w.value(0, 2), (int) w.value(2, 4), y2);
    }

    /** {@code 12 Maret 1990} or {@code March 12, 1990}; returns the span or null. */
    private int[] withMonthName(DigitWindow w) {
        char[] t = w.text();
        int day = (int) w.value(0, w.length());
        if (day < 1 || day > 31) {
            return null;
        }
        int p = w.end();
        if (p + 1 < t.length && (t[p] == ' ' || t[p] == '-') && CharClass.isAsciiLetter(t[p + 1])) {
            int q = wordEnd(t, p + 1);
            int month = month(t, p + 1, q);
            if (month > 0) {
                int yearEnd = year(t, q, day, month);
                return yearEnd > 0 ? new int[] {w.start(), yearEnd} : null;
            }
        }
        int s = w.start();
        if (s >= 2 && t[s - 1] == ' ' && CharClass.isAsciiLetter(t[s - 2])) {
            int q = s - 1;
            int from = q;
            while (from > 0 && CharClass.isAsciiLetter(t[from - 1])) {
                from--;
            }
            int month = month(t, from, q);
            if (month > 0) {
                int yearEnd = year(t, w.end(), day, month);
                return yearEnd > 0 ? new int[] {from, yearEnd} : null;
            }
        }
        return null;
    }

    private static int wordEnd(char[] t, int p) {
        while (p < t.length && (CharClass.isAsciiLetter(t[p]) || t[p] == FoldedText.IGNORED)) {
            p++;
        }
        return p;
    }

    private int month(char[] t, int from, int to) {
        return ContextWords.month(words.lookup(WordKey.of(t, from, to)));
    }

    /** After a month name or a day: optional dot, comma, then spaces or a dash, then a four-digit year. */
    private static int year(char[] t, int p, int day, int month) {
        int n = t.length;
        if (p < n && t[p] == '.') {
            p++;
        }
        if (p < n && t[p] == ',') {
            p++;
        }
        int gap = 0;
        while (p < n && (t[p] == ' ' || t[p] == '-') && gap < 2) {
            p++;
            gap++;
        }
        if (gap == 0 || p + 4 > n) {
            return -1;
        }
        int y = 0;
        for (int i = p; i < p + 4; i++) {
            if (!CharClass.isDigit(t[i])) {
                return -1;
            }
            y = y * 10 + (t[i] - '0');
        }
        if (p + 4 < n && CharClass.isWordChar(t[p + 4])) {
            return -1;
        }
        return plausibleYear(y) && CalendarDate.valid(day, month, y) ? p + 4 : -1;
    }
}
