package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.recognizer.builtin.ContextWords;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.KeywordTable;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Arrays;
import java.util.List;

/**
 * The context a table's header gives the values under it. In a CSV, TSV, semicolon or markdown
 * table the word that names a value is its column's header, often lines above it: {@code telepon}
 * over {@code 0274563210}, {@code tgl_lahir} over {@code 12/03/1985}, {@code version} over
 * {@code 4.12.0.1}. The header's keys are read as context words ({@code no_hp}, {@code tglLahir},
 * {@code No. HP}: split at underscores, spaces, dots and lower-to-upper case changes; two-word
 * phrases too), and every cell under a column whose key holds one carries that word's flags, for
 * an entity or as a reference, in both directions: it raises a value to an entity and marks a
 * look-alike as a reference. A row ends the table when its number of fields differs from the
 * header's.
 *
 * <p>Built once per text, one look at each line (only lines of up to {@link TableCells#MAX_HEADER}
 * characters are tried as a header), so the scan stays linear; a text without a table allocates
 * nothing.
 */
final class ColumnContext {
    /** The flags a column's key may give its cells. */
    private static final int KEPT = ContextWords.ENTITY_MASK | ContextWords.NEGATIVE;
    /** The most words read of one key. */
    private static final int MAX_KEY_WORDS = 6;

    private int[] starts;
    private int[] ends;
    private int[] flags;
    private int count;

    private ColumnContext() {}

    /**
     * Reads a folded text's tables.
     *
     * @param t the folded text
     * @param words the context words
     * @return the cells of the text's tables whose column has a context word, in text order
     */
    static ColumnContext of(char[] t, KeywordTable words) {
        ColumnContext cells = new ColumnContext();
        int n = t.length;
        int ls = 0;
        char separator = 0;
        int[] columns = null;
        while (ls < n) {
            int le = ls;
            while (le < n && t[le] != '\n') {
                le++;
            }
            if (columns != null && !cells.row(t, ls, le, separator, columns)) {
                columns = null;
            }
            if (columns == null && le - ls <= TableCells.MAX_HEADER && TableCells.keyLike(t, ls, le)) {
                separator = TableCells.separator(t, ls, le);
                columns = separator == 0 ? null : header(t, ls, le, separator, words);
            }
            ls = le + 1;
        }
        return cells;
    }

    /** A header's per-column flags, or null when the line is not a header or no key is a context word. */
    private static int[] header(char[] t, int ls, int le, char separator, KeywordTable words) {
        List<int[]> fields = TableCells.split(t, ls, le, separator);
        if (fields.size() < 2) {
            return null;
        }
        int[] columns = new int[fields.size()];
        boolean any = false;
        for (int i = 0; i < columns.length; i++) {
            int[] f = fields.get(i);
            if (!TableCells.key(t, f[0], f[1])) {
                return null;
            }
            columns[i] = keyFlags(t, f[0], f[1], words);
            any |= columns[i] != 0;
        }
        return any ? columns : null;
    }

    /**
     * The context flags of one key: its words' flags, a two-word phrase's in place of its words'
     * ({@code kartu keluarga}). A key that names an entity is not also a reference
     * ({@code no_hp_order}: the value is a phone number).
     */
    static int keyFlags(char[] t, int s, int e, KeywordTable words) {
        int total = 0;
        long previousKey = 0;
        int previousFlags = 0;
        int read = 0;
        int p = s;
        while (p < e && read < MAX_KEY_WORDS) {
            if (!CharClass.isAsciiLetter(t[p])) {
                p++;
                continue;
            }
            int ws = p;
            p++;
            while (p < e
                    && CharClass.isAsciiLetter(t[p])
                    && !(Character.isUpperCase(t[p]) && Character.isLowerCase(t[p - 1]))) {
                p++;
            }
            long key = WordKey.of(t, ws, p);
            int f = key == 0 ? 0 : words.lookup(key);
            if ((f & ContextWords.PHRASE_TAIL) != 0 && (previousFlags & ContextWords.PHRASE_HEAD) != 0) {
                int phrase = words.phrase(previousKey, key);
                if (phrase != 0) {
                    total &= ~(previousFlags & ContextWords.ENTITY_MASK); // "kartu keluarga" is a KK, not a card
                    f = (f & ~(ContextWords.ENTITY_MASK | ContextWords.NEGATIVE)) | phrase;
                }
            }
            total |= f & KEPT;
            previousKey = key;
            previousFlags = f;
            read++;
        }
        return (total & ContextWords.ENTITY_MASK) != 0 ? total & ~ContextWords.NEGATIVE : total;
    }

    /**
     * Reads a row of a table: records its cells under columns with context.
     *
     * @return false when the line is not a row of the table (a different number of fields)
     */
    private boolean row(char[] t, int ls, int le, char separator, int[] columns) {
        List<int[]> fields = TableCells.split(t, ls, le, separator);
        if (fields.size() != columns.length) {
            return false;
        }
        for (int i = 0; i < columns.length; i++) {
            int[] f = fields.get(i);
            if (columns[i] != 0 && f[1] > f[0]) {
                add(f[0], f[1], columns[i]);
            }
        }
        return true;
    }

    private void add(int start, int end, int cellFlags) {
        if (starts == null) {
            starts = new int[16];
            ends = new int[16];
            flags = new int[16];
        } else if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            flags = Arrays.copyOf(flags, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        flags[count] = cellFlags;
        count++;
    }

    /**
     * The cell holding an offset.
     *
     * @param offset an index into the text
     * @return the cell's index, or -1 when the offset is in no cell under a column with context
     */
    int cellAt(int offset) {
        if (count == 0) {
            return -1;
        }
        int k = Arrays.binarySearch(starts, 0, count, offset);
        int cell = k >= 0 ? k : -k - 2;
        return cell >= 0 && offset < ends[cell] ? cell : -1;
    }

    int start(int cell) {
        return starts[cell];
    }

    int end(int cell) {
        return ends[cell];
    }

    int flags(int cell) {
        return flags[cell];
    }
}
