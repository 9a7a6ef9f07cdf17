package io.monago.atrium.guard.pii.check;

/**
 * Payment card issuer ranges (IIN prefixes) with the lengths each network issues. A number that
 * passes {@link Luhn} but belongs to no network is not called a card without context.
 *
 * <pre>{@code
 * CardIssuers.known(Digits.of("4111111111111111"));   // true: Visa, 16 digits
 * }</pre>
 */
public final class CardIssuers {
    private CardIssuers() {}

    /**
     * Whether the digits start with an issuer prefix that issues numbers of this length.
     *
     * @param d all the card's digits
     * @return true for Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay,
     *     Maestro, Mir, RuPay and Indonesia's GPN ranges
     */
    public static boolean known(Digits d) {
        int n = d.length();
        if (n < 12 || n > 19) {
            return false;
        }
        int p1 = d.digit(0);
        int p2 = (int) d.value(0, 2);
        int p3 = (int) d.value(0, 3);
        int p4 = (int) d.value(0, 4);
        int p6 = (int) d.value(0, 6);
        if (p1 == 4) {
            return n == 13 || n == 16 || n == 19; // Visa
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16; // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15; // American Express
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
            return n >= 16; // Discover
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16; // JCB
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14; // Diners Club
        }
        if (p2 == 62 || p2 == 81) {
            return n >= 16; // UnionPay
        }
        if (p4 >= 2200 && p4 <= 2204) {
            return n >= 16; // Mir
        }
        if (p2 == 60 || p3 == 508) {
            return n >= 16; // RuPay
        }
        if (p4 == 9360) {
            return n >= 16; // GPN (Indonesia)
        }
        return loose(d);
    }

    /**
     * Whether the digits fall in a range whose network issues many lengths from a broad prefix
     * (Maestro: 50, 56-58, 63, 67, 12 to 19 digits), so that a reference number lands in it more
     * often than in the tight ranges of the other networks.
     *
     * @param d all the card's digits
     * @return true for the Maestro ranges
     */
    public static boolean loose(Digits d) {
        int n = d.length();
        if (n < 12 || n > 19) {
            return false;
        }
        int p2 = (int) d.value(0, 2);
        return p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67;
    }
}
