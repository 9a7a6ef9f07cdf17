package io.monago.atrium.guard.pii.text;

/**
 * What a character of {@linkplain FoldedText folded text} is, as far as the scanner cares. One
 * table lookup per ASCII character; anything beyond ASCII that survived folding is a letter or
 * nothing of interest.
 */
public final class CharClass {
    /** Nothing of interest: punctuation without a special role. */
    public static final byte OTHER = 0;
    /** A space, tab or line break. */
    public static final byte SPACE = 1;
    /** A letter (ASCII or not). */
    public static final byte LETTER = 2;
    /** {@code 0-9}. */
    public static final byte DIGIT = 3;
    /** {@link FoldedText#IGNORED}: invisible, transparent inside words and numbers. */
    public static final byte IGNORABLE = 4;
    /** {@code @}. */
    public static final byte AT = 5;
    /** {@code +}. */
    public static final byte PLUS = 6;
    /** An opening bracket: {@code (}, {@code [}, <code>&#123;</code> or {@code <}. */
    public static final byte OPEN = 7;
    /** {@code -}. */
    public static final byte DASH = 8;
    /** {@code :}. */
    public static final byte COLON = 9;
    /** What may end a sentence: {@code . ! ?} and a line break. */
    public static final byte STOP = 10;

    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LETTER;
            ASCII[c - 32] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = DIGIT;
        }
        ASCII[' '] = SPACE;
        ASCII['\t'] = SPACE;
        ASCII['\n'] = STOP;
        ASCII['\r'] = SPACE;
        ASCII['\f'] = SPACE;
        ASCII[FoldedText.IGNORED] = IGNORABLE;
        ASCII['@'] = AT;
        ASCII['+'] = PLUS;
        ASCII['('] = OPEN;
        ASCII['['] = OPEN;
        ASCII['{'] = OPEN;
        ASCII['<'] = OPEN;
        ASCII['-'] = DASH;
        ASCII[':'] = COLON;
        ASCII['.'] = STOP;
        ASCII['!'] = STOP;
        ASCII['?'] = STOP;
    }

    private CharClass() {}

    /**
     * Classifies a folded character.
     *
     * @param c a character of folded text
     * @return one of the class constants of this class
     */
    public static byte of(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        return Character.isLetter(c) ? LETTER : OTHER;
    }

    /**
     * Whether a folded character is an ASCII letter.
     *
     * @param c a character
     * @return true for {@code a-z} and {@code A-Z}
     */
    public static boolean isAsciiLetter(char c) {
        return c < 128 && ASCII[c] == LETTER;
    }

    /**
     * Whether a folded character is a digit.
     *
     * @param c a character
     * @return true for {@code 0-9}
     */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether a folded character is an ASCII letter or digit.
     *
     * @param c a character
     * @return true for {@code a-z}, {@code A-Z} and {@code 0-9}
     */
    public static boolean isAlnum(char c) {
        return c < 128 && (ASCII[c] == LETTER || ASCII[c] == DIGIT);
    }

    /**
     * Whether a character is any kind of letter or digit, ASCII or not.
     *
     * @param c a character
     * @return true for letters and digits of any script
     */
    public static boolean isWordChar(char c) {
        byte k = of(c);
        return k == LETTER || k == DIGIT;
    }

    /**
     * Whether a folded character is a hexadecimal digit.
     *
     * @param c a character
     * @return true for {@code 0-9}, {@code a-f} and {@code A-F}
     */
    public static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
