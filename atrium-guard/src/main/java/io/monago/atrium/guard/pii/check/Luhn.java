package io.monago.atrium.guard.pii.check;

/**
 * The Luhn (mod 10) checksum used by payment cards, IMEIs and the NPWP check digit.
 *
 * <pre>{@code
 * Luhn.valid(Digits.of("4111111111111111"), 0, 16);   // true
 * }</pre>
 */
public final class Luhn {
    private Luhn() {}

    /**
     * Whether digits {@code [from, to)}, the last one being the check digit, pass the checksum.
     *
     * @param d the digits
     * @param from first index
     * @param to index after the check digit
     * @return true when the weighted sum is a multiple of 10
     */
    public static boolean valid(Digits d, int from, int to) {
        int sum = 0;
        boolean twice = false;
        for (int i = to - 1; i >= from; i--) {
            int v = d.digit(i);
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether all the digits pass the checksum.
     *
     * @param d the digits, check digit last
     * @return true when valid
     */
    public static boolean valid(Digits d) {
        return valid(d, 0, d.length());
    }
}
