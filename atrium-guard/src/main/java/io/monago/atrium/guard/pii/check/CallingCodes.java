package io.monago.atrium.guard.pii.check;

import java.util.BitSet;

/**
 * ITU-T E.164 country calling codes, to tell {@code +44 20 7946 0958} from {@code +0 123}.
 *
 * <pre>{@code
 * CallingCodes.length(Digits.of("6281234567890"));   // 2: Indonesia
 * }</pre>
 */
public final class CallingCodes {
    private static final BitSet CODES = new BitSet(1000);

    static {
        add(
                1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
                57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98);
        add(
                211, 212, 213, 216, 218, 290, 291, 297, 298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370,
                371, 372, 373, 374, 375, 376, 377, 378, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 670, 800,
                808, 850, 852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 992, 993, 994, 995, 996, 998);
        range(220, 269);
        range(500, 509);
        range(590, 599);
        range(672, 692);
        range(960, 968);
        range(970, 977);
        CODES.clear(259);
    }

    private CallingCodes() {}

    private static void add(int... codes) {
        for (int c : codes) {
            CODES.set(c);
        }
    }

    private static void range(int from, int to) {
        CODES.set(from, to + 1);
    }

    /**
     * The length of the country code the digits start with.
     *
     * @param d digits of an international number, without the {@code +}
     * @return 1 to 3, or 0 when no assigned code starts the number
     */
    public static int length(Digits d) {
        int n = d.length();
        if (n == 0 || d.digit(0) == 0) {
            return 0; // no country code starts with 0
        }
        for (int len = 1; len <= 3 && len <= n; len++) {
            if (CODES.get((int) d.value(0, len))) {
                return len;
            }
        }
        return 0;
    }
}
