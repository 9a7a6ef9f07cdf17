package io.monago.atrium.guard.pii.names;

import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;

/**
 * Word shapes in folded text for names and addresses: where a word ends (letters, with an
 * apostrophe or hyphen between letters as in {@code O'Brien}, {@code Al-Fatih}), whether it is
 * capitalised or all capitals, and the space between words.
 */
public final class NameText {
    private NameText() {}

    /**
     * The end of the word starting at {@code s}.
     *
     * @param t folded text
     * @param s where the word starts
     * @return the index after its last letter, {@code s} when no letter starts there
     */
    public static int wordEnd(char[] t, int s) {
        int n = t.length;
        int i = s;
        while (i < n) {
            char c = t[i];
            if (CharClass.of(c) == CharClass.LETTER || (c == FoldedText.IGNORED && i > s)) {
                i++;
            } else if ((c == '\'' || c == '\u2019')
                    && i + 2 <= n
                    && (t[i + 1] | 0x20) == 's'
                    && (i + 2 == n || CharClass.of(t[i + 2]) != CharClass.LETTER)) {
                break; // "Budi's": the name ends before the possessive
            } else if ((c == '\'' || c == '\u2019' || c == '-')
                    && i > s
                    && i + 1 < n
                    && CharClass.of(t[i + 1]) == CharClass.LETTER
                    && CharClass.of(t[i - 1]) == CharClass.LETTER) {
                i++;
            } else {
                break;
            }
        }
        while (i > s && t[i - 1] == FoldedText.IGNORED) {
            i--;
        }
        return i;
    }

    /**
     * Whether a word starts with a capital letter.
     *
     * @param t folded text
     * @param s where the word starts
     * @param e where it ends
     * @return true for {@code Budi}, {@code BUDI}
     */
    public static boolean capitalised(char[] t, int s, int e) {
        return e > s && Character.isUpperCase(t[s]);
    }

    /**
     * Whether every letter of a word is a capital.
     *
     * @param t folded text
     * @param s where the word starts
     * @param e where it ends
     * @return true for {@code RS}, {@code BUDI}
     */
    public static boolean allCaps(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLowerCase(t[i])) {
                return false;
            }
        }
        return e > s;
    }

    /**
     * Skips horizontal spaces: blanks and tabs, not a line break.
     *
     * @param t folded text
     * @param p where to start
     * @return the index of the first other character
     */
    public static int spaces(char[] t, int p) {
        int i = p;
        while (i < t.length && (t[i] == ' ' || t[i] == '\t' || t[i] == FoldedText.IGNORED)) {
            i++;
        }
        return i;
    }

    /**
     * The end of the digits and letters glued together at {@code p} ({@code 12}, {@code 12A},
     * {@code 221B}, {@code 12-14}, {@code 5/7}).
     *
     * @param t folded text
     * @param p where to start
     * @return the end, {@code p} when no letter or digit is there
     */
    public static int numberEnd(char[] t, int p) {
        int i = p;
        int n = t.length;
        while (i < n
                && (CharClass.isAlnum(t[i])
                        || ((t[i] == '-' || t[i] == '/') && i > p && i + 1 < n && CharClass.isDigit(t[i + 1])))) {
            i++;
        }
        return i;
    }
}
