package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * E-mail addresses, found from their {@code @} (or a spelled-out {@code [at]}, {@code (at)},
 * {@code {at}}, {@code <at>}, or the word {@code at} when the domain's dots are spelled out too)
 * by expanding left over the local part and right over the domain. Each expansion is bounded (64
 * and 253 characters) and stops at the next anchor, so a megabyte of {@code @} costs one look per
 * character.
 *
 * <ul>
 *   <li>{@code email.address}: {@code budi.santoso@rs-harapan.co.id}; 0.95;
 *   <li>{@code email.spelled}: {@code budi [at] gmail [dot] com}, {@code budi(at)gmail(dot)com},
 *       {@code budi at gmail dot com}, {@code budi [at] gmail . com}; 0.9.
 * </ul>
 * The domain needs at least two labels and a top-level domain of 2 to 24 letters.
 */
public final class EmailRecognizer {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    /** Labels a spaced dot may come before: common top-level and Indonesian second-level domains. */
    private static final Set<String> COMMON_LABELS = Set.of(
            "com", "net", "org", "edu", "gov", "mil", "info", "biz", "io", "me", "id", "co", "ac", "go", "or", "sch",
            "web", "my", "sg", "uk", "us", "au", "nl", "de", "jp");

    /**
     * An address around an {@code @}.
     *
     * @param t folded text
     * @param at index of the {@code @}
     * @return the address, or empty
     */
    public Optional<Match> atSign(char[] t, int at) {
        int left = at;
        if (left > 0 && t[left - 1] == ' ') {
            left--; // "budi @ gmail.com"
        }
        int right = at + 1;
        if (right < t.length && t[right] == ' ') {
            right++;
        }
        return address(t, left, right, false, "email.address", 0.95);
    }

    /**
     * Whether a bracketed word starts here, such as {@code [at]}, {@code ( dot )}, {@code {at}} or
     * {@code <at>}, in any case.
     *
     * @param t folded text
     * @param open index of the opening bracket
     * @param word the word in lower case
     * @return the index after the closing bracket, or -1
     */
    public static int bracketedWord(char[] t, int open, String word) {
        char close;
        switch (t[open]) {
            case '[' -> close = ']';
            case '(' -> close = ')';
            case '{' -> close = '}';
            case '<' -> close = '>';
            default -> {
                return -1;
            }
        }
        int p = open + 1;
        if (p < t.length && t[p] == ' ') {
            p++;
        }
        p = wordAt(t, p, word);
        if (p < 0) {
            return -1;
        }
        if (p < t.length && t[p] == ' ') {
            p++;
        }
        return p < t.length && t[p] == close ? p + 1 : -1;
    }

    /**
     * Matches a lower-case word at {@code p}, in any case, skipping invisible characters
     * ({@code a\u2060t}).
     *
     * @return the index after the word, or -1
     */
    private static int wordAt(char[] t, int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            while (p < t.length && t[p] == FoldedText.IGNORED) {
                p++;
            }
            if (p >= t.length || (t[p] | 0x20) != word.charAt(i)) {
                return -1;
            }
            p++;
        }
        while (p < t.length && t[p] == FoldedText.IGNORED) {
            p++;
        }
        return p;
    }

    /**
     * An address around a bracketed {@code at}.
     *
     * @param t folded text
     * @param open index of the opening bracket of {@code [at]}
     * @return the address, or empty
     */
    public Optional<Match> bracketedAt(char[] t, int open) {
        int after = bracketedWord(t, open, "at");
        if (after < 0) {
            return Optional.empty();
        }
        int left = open > 0 && t[open - 1] == ' ' ? open - 1 : open;
        int right = after < t.length && t[after] == ' ' ? after + 1 : after;
        return address(t, left, right, false, "email.spelled", 0.9);
    }

    /**
     * An address around the word {@code at}, which counts only when the domain's dots are spelled
     * out as well ({@code budi at gmail dot com}), since "at" is a common English word.
     *
     * @param t folded text
     * @param wordStart index of the {@code a}
     * @param wordEnd index after the {@code t}
     * @return the address, or empty
     */
    public Optional<Match> spelledAt(char[] t, int wordStart, int wordEnd) {
        if (wordStart < 2 || wordEnd + 1 >= t.length || t[wordStart - 1] != ' ' || t[wordEnd] != ' ') {
            return Optional.empty();
        }
        return address(t, wordStart - 1, wordEnd + 1, true, "email.spelled", 0.9);
    }

    private Optional<Match> address(
            char[] t, int anchorStart, int anchorEnd, boolean wordDotsRequired, String rule, double confidence) {
        int start = localStart(t, anchorStart);
        if (start < 0) {
            return Optional.empty();
        }
        int end = domainEnd(t, anchorEnd, wordDotsRequired);
        if (end < 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.EMAIL, start, end, confidence, rule));
    }

    private static boolean localChar(char c) {
        return CharClass.isAlnum(c)
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-'
                || c == FoldedText.IGNORED;
    }

    /** Walks left from the anchor over the local part; returns its first index or -1. */
    private static int localStart(char[] t, int anchor) {
        int p = anchor - 1;
        int count = 0;
        while (p >= 0 && count <= MAX_LOCAL) {
            char c = t[p];
            if (localChar(c)) {
                p--;
                count++;
            } else if ((c == ']' || c == ')' || c == '}' || c == '>') && p >= 4 && spelledDotEndingAt(t, p)) {
                p = spelledDotStart(t, p) - 1;
                count++;
            } else if (c == ' ' && p >= 5 && wordDotEndingAt(t, p - 1) && CharClass.isAlnum(t[p - 5])) {
                p -= 5; // "budi dot santoso at gmail dot com"
                count++;
            } else {
                break;
            }
        }
        if (count > MAX_LOCAL) {
            return -1;
        }
        int start = p + 1;
        while (start < anchor && !CharClass.isAlnum(t[start])) {
            start++; // a local part starts with a letter or digit
        }
        return start < anchor ? start : -1;
    }

    /** Whether " dot" ends at {@code last}. */
    private static boolean wordDotEndingAt(char[] t, int last) {
        return t[last - 3] == ' '
                && (t[last - 2] | 0x20) == 'd'
                && (t[last - 1] | 0x20) == 'o'
                && (t[last] | 0x20) == 't';
    }

    private static boolean spelledDotEndingAt(char[] t, int close) {
        int open = spelledDotStart(t, close);
        return open >= 0 && bracketedWord(t, open, "dot") == close + 1;
    }

    private static int spelledDotStart(char[] t, int close) {
        for (int p = close - 3; p >= Math.max(0, close - 12); p--) {
            char c = t[p];
            if (c == '[' || c == '(' || c == '{' || c == '<') {
                return p;
            }
        }
        return -1;
    }

    /** Walks right over domain labels; returns the index after the top-level domain or -1. */
    private static int domainEnd(char[] t, int p, boolean wordDotsRequired) {
        int n = t.length;
        int limit = Math.min(n, p + MAX_DOMAIN);
        int labels = 0;
        int lastStart = -1;
        int lastEnd = -1;
        boolean wordDots = false;
        while (p < limit) {
            int q = p;
            while (q < limit && (CharClass.isAlnum(t[q]) || t[q] == '-' || t[q] == FoldedText.IGNORED)) {
                q++;
            }
            if (q == p) {
                break;
            }
            labels++;
            lastStart = p;
            lastEnd = q;
            int next = dotAt(t, q);
            if (next < 0) {
                break;
            }
            wordDots |= t[q] != '.';
            p = next;
        }
        if (labels < 2 || (wordDotsRequired && !wordDots) || !topLevel(t, lastStart, lastEnd)) {
            return -1;
        }
        return lastEnd;
    }

    /**
     * A dot between labels: '.', " . ", "[dot]", " dot ", " [dot] "; returns the next label's start
     * or -1.
     */
    private static int dotAt(char[] t, int q) {
        int n = t.length;
        if (q + 1 < n && t[q] == '.' && CharClass.isAlnum(t[q + 1])) {
            return q + 1;
        }
        int p = q;
        if (p < n && t[p] == ' ') {
            p++;
        }
        int after = -1;
        if (p < n && t[p] == '.' && (p > q || (p + 1 < n && t[p + 1] == ' '))) {
            // "gmail . com", "co . id": a spaced dot, only before a common domain label, since a
            // sentence may end right after an address ("budi@gmail.com. saya tunggu").
            int next = p + 1 < n && t[p + 1] == ' ' ? p + 2 : p + 1;
            return next < n && commonLabel(t, next) ? next : -1;
        } else if (p < n && (t[p] == '[' || t[p] == '(' || t[p] == '{' || t[p] == '<')) {
            after = bracketedWord(t, p, "dot");
        } else if (p > q) {
            int end = wordAt(t, p, "dot");
            after = end > 0 && end < n && t[end] == ' ' ? end : -1;
        }
        if (after < 0) {
            return -1;
        }
        if (after < n && t[after] == ' ') {
            after++;
        }
        return after < n && CharClass.isAlnum(t[after]) ? after : -1;
    }

    private static boolean commonLabel(char[] t, int p) {
        int q = p;
        while (q < t.length && CharClass.isAsciiLetter(t[q])) {
            q++;
        }
        if (q == p || (q < t.length && CharClass.isAlnum(t[q]))) {
            return false;
        }
        String label = new String(t, p, q - p).toLowerCase(Locale.ROOT);
        return COMMON_LABELS.contains(label);
    }

    private static boolean topLevel(char[] t, int start, int end) {
        int letters = 0;
        for (int i = start; i < end; i++) {
            if (CharClass.isAsciiLetter(t[i])) {
                letters++;
            } else if (t[i] != FoldedText.IGNORED) {
                return false;
            }
        }
        return letters >= 2 && letters <= 24;
    }
}
