package io.monago.atrium.guard.pii.text;

/**
 * Copies text into a {@code char[]}, folding look-alike characters onto their ASCII forms one
 * character for one, so that an offset into the copy is the same offset into the original.
 *
 * <p>Folding defeats the cheap evasions: full-width forms ({@code ３２０１}, {@code ＠}) become
 * ASCII, every decimal digit script (Arabic-Indic {@code ٣٢٠١}, Devanagari, mathematical bold
 * digits...) and every digit look-alike (superscript, subscript, circled, parenthesised, keycap
 * {@code 3️⃣}) becomes {@code 0-9}, the many dashes become {@code -}, the many spaces become a space,
 * and invisible characters (zero-width space and joiners, word joiner, byte-order mark, soft hyphen,
 * bidi controls, variation selectors, tag characters) become {@link #IGNORED}, which detectors skip
 * wherever they are. Nothing is removed, so no offset map is needed.
 *
 * <pre>{@code
 * char[] folded = FoldedText.fold("NIK ３２０１\u200B2345...");   // "NIK 3201\0" + "2345..."
 * }</pre>
 */
public final class FoldedText {
    /** What an invisible character folds to; real NUL characters fold to a space instead. */
    public static final char IGNORED = '\0';

    /** Runs of digit look-alikes: first code point, the digit it stands for, how many. */
    private static final int[][] DIGIT_RANGES = {
        {0x2074, 4, 6}, // superscript 4-9
        {0x2080, 0, 10}, // subscript 0-9
        {0x2460, 1, 9}, // circled 1-9
        {0x2474, 1, 9}, // parenthesised 1-9
        {0x2488, 1, 9}, // 1-9 with a full stop
        {0x24F5, 1, 9}, // double circled 1-9
        {0x2776, 1, 9}, // negative circled 1-9
        {0x2780, 1, 9}, // circled sans-serif 1-9
        {0x278A, 1, 9}, // negative circled sans-serif 1-9
    };

    private FoldedText() {}

    /**
     * Folds a text.
     *
     * @param text the original text
     * @return a new array of the same length as {@code text}
     */
    public static char[] fold(CharSequence text) {
        int n = text.length();
        char[] out = new char[n];
        if (text instanceof String s) {
            s.getChars(0, n, out, 0);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = text.charAt(i);
            }
        }
        for (int i = 0; i < n; i++) {
            char c = out[i];
            // One unsigned compare covers both NUL and everything outside ASCII.
            if ((char) (c - 1) >= 0x7F) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(out[i + 1])) {
                    foldSupplementary(out, i);
                    i++;
                } else {
                    out[i] = foldBmp(c);
                }
            }
        }
        return out;
    }

    /**
     * Folds one character of the Basic Multilingual Plane.
     *
     * @param c a character
     * @return its ASCII look-alike, {@link #IGNORED} for an invisible character, else {@code c}
     */
    public static char foldBmp(char c) {
        if (c == 0) {
            return ' ';
        }
        if (c < 0x80) {
            return c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return (char) (c - 0xFEE0); // full-width ASCII block
        }
        switch (c) {
            case 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000 -> {
                return ' ';
            }
            case 0x00AD, 0x180E, 0x061C, 0xFEFF -> {
                return IGNORED;
            }
            case 0x2212, 0xFE58, 0xFE63 -> {
                return '-';
            }
            case 0xFE6B -> {
                return '@';
            }
            case 0x2024, 0x3002, 0xFE52 -> {
                return '.';
            }
            default -> {}
        }
        if (c >= 0x2000 && c <= 0x200A) {
            return ' ';
        }
        if ((c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || (c >= 0xFE00 && c <= 0xFE0F)) {
            return IGNORED;
        }
        if (c >= 0x2010 && c <= 0x2015) {
            return '-';
        }
        if (c == 0x20E3) {
            return IGNORED; // the keycap of "3️⃣"
        }
        if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
            return (char) ('0' + Character.digit(c, 10));
        }
        return c >= 0x00B2 && c <= 0x2793 ? digitLookAlike(c) : c;
    }

    /** Superscript, subscript, circled and parenthesised digits, which a reader (and a model) reads as digits. */
    private static char digitLookAlike(char c) {
        switch (c) {
            case 0x00B2 -> {
                return '2';
            }
            case 0x00B3 -> {
                return '3';
            }
            case 0x00B9 -> {
                return '1';
            }
            case 0x2070, 0x24EA, 0x24FF -> {
                return '0';
            }
            default -> {}
        }
        int[][] ranges = DIGIT_RANGES;
        for (int[] r : ranges) {
            if (c >= r[0] && c < r[0] + r[2]) {
                return (char) ('0' + r[1] + (c - r[0]));
            }
        }
        return c;
    }

    private static void foldSupplementary(char[] out, int i) {
        int cp = Character.toCodePoint(out[i], out[i + 1]);
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            out[i] = IGNORED;
            out[i + 1] = (char) ('0' + Character.digit(cp, 10));
        } else if (cp >= 0xE0000 && cp <= 0xE007F) {
            out[i] = IGNORED; // tag characters smuggle invisible text
            out[i + 1] = IGNORED;
        }
    }
}
