package io.monago.atrium.guard.pii.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a CSV, TSV, semicolon or pipe (markdown) table line: whether a line looks like a
 * header of keys, which separator it uses, and its fields. Shared by the readers of a table's
 * structure ({@link LineNames} for name columns, {@link ColumnContext} for the context of other
 * columns), so both agree on what a table is.
 */
final class TableCells {
    /** The longest line read as a table's header. */
    static final int MAX_HEADER = 512;
    /** The longest key of a header's field. */
    static final int MAX_KEY = 48;

    private TableCells() {}

    /**
     * One cheap look at a line: only characters of keys and separators, no field of more than
     * four words. Prose fails it within its first few words.
     */
    static boolean keyLike(char[] t, int ls, int le) {
        int spaces = 0;
        boolean separated = false;
        for (int i = ls; i < le; i++) {
            char c = t[i];
            if (c == ',' || c == ';' || c == '\t' || c == '|') {
                spaces = 0;
                separated = true;
            } else if (c == ' ') {
                if (++spaces > 3) {
                    return false;
                }
            } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '"' || c == '\r')) {
                return false;
            }
        }
        return separated;
    }

    /** The separator a header uses most, or 0 when it has none. */
    static char separator(char[] t, int ls, int le) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        int pipes = 0;
        for (int i = ls; i < le; i++) {
            switch (t[i]) {
                case ',' -> commas++;
                case ';' -> semicolons++;
                case '\t' -> tabs++;
                case '|' -> pipes++;
                default -> {}
            }
        }
        int max = Math.max(Math.max(commas, semicolons), Math.max(tabs, pipes));
        if (max == 0) {
            return 0;
        }
        return max == tabs ? '\t' : max == pipes ? '|' : max == semicolons ? ';' : ',';
    }

    /**
     * Whether a header's field {@code [s, e)} is a key: starts with a letter, short, and made of
     * letters, digits, spaces and {@code _ - .} only. An empty field (outside a markdown table's
     * pipes) is allowed.
     */
    static boolean key(char[] t, int s, int e) {
        if (e == s) {
            return true;
        }
        if (e - s > MAX_KEY || !Character.isLetter(t[s])) {
            return false;
        }
        for (int j = s; j < e; j++) {
            char c = t[j];
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The fields of a line, trimmed of spaces and quotes; a quoted field may hold the separator. */
    static List<int[]> split(char[] t, int ls, int le, char separator) {
        List<int[]> fields = new ArrayList<>();
        int i = ls;
        while (true) {
            int s = i;
            boolean quoted = false;
            while (i < le && (quoted || t[i] != separator)) {
                if (t[i] == '"') {
                    quoted = !quoted;
                }
                i++;
            }
            int a = s;
            int b = i;
            while (a < b && (t[a] == ' ' || t[a] == '"' || t[a] == '\r')) {
                a++;
            }
            while (b > a && (t[b - 1] == ' ' || t[b - 1] == '"' || t[b - 1] == '\r')) {
                b--;
            }
            fields.add(new int[] {a, b});
            if (i >= le) {
                return fields;
            }
            i++;
        }
    }
}
