package io.monago.atrium.guard.pii.recognizer;

import io.monago.atrium.guard.pii.check.Digits;

/**
 * A candidate number: consecutive digit groups of one run, such as {@code 0812-3456-7890} (three
 * groups, separator {@code -}) or {@code 3201234567890123} (one group). Digits are already folded
 * ({@code ３} and {@code ٣} are 3) and invisible characters inside a group are skipped.
 *
 * <p>The scanner reuses one window object for every candidate of a scan: a recogniser must not keep
 * it beyond its {@code recognize} call.
 */
public interface DigitWindow extends Digits {
    /**
     * The folded text being scanned, for recognisers that look around the window. Read only.
     *
     * @return the whole folded text
     */
    char[] text();

    /**
     * Where the window starts in the text: its first digit, or the {@code +} or {@code (} before it.
     *
     * @return an offset into the original text
     */
    int start();

    /**
     * Where the window ends in the text.
     *
     * @return the offset after its last digit (after the {@code )} when the number ends in one)
     */
    int end();

    /**
     * How many digit groups the window has.
     *
     * @return at least 1
     */
    int groups();

    /**
     * How many digits a group has.
     *
     * @param g group index
     * @return the count
     */
    int groupLength(int g);

    /**
     * The separator before a group: {@code ' '}, {@code '-'}, {@code '.'}, {@code '/'}, or
     * {@code ')'} after a parenthesised area code.
     *
     * @param g group index, {@code 1 <= g < groups()}
     * @return the separator character
     */
    char separator(int g);

    /**
     * Whether there is no separator, or every separator is the same character.
     *
     * @return true for {@code 3201234567890123} and {@code 4111 1111 1111 1111}
     */
    boolean uniformSeparators();

    /**
     * Whether a {@code +} stands right before the first digit.
     *
     * @return true for {@code +62 812...}
     */
    boolean plus();

    /**
     * Whether the first group is in parentheses, as in {@code (021) 555-1234}.
     *
     * @return true when it is
     */
    boolean parenthesised();

    /**
     * Whether the window's digits look like an amount with thousands separators, e.g.
     * {@code 15.000.000}: a first group of 1 to 3 digits, then groups of exactly 3, separated by
     * dots or commas.
     *
     * @return true for amount-shaped windows
     */
    default boolean amountShaped() {
        if (groups() < 2 || groupLength(0) > 3) {
            return false;
        }
        for (int g = 1; g < groups(); g++) {
            char s = separator(g);
            if (groupLength(g) != 3 || (s != '.' && s != ',')) {
                return false;
            }
        }
        return true;
    }
}
