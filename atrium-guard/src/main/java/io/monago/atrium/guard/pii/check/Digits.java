package io.monago.atrium.guard.pii.check;

/**
 * A read-only sequence of decimal digits, what every check in this package works on. The scanner's
 * digit windows implement it without copying; {@link #of(String)} wraps a string for tests and
 * callers.
 */
public interface Digits {
    /**
     * How many digits there are.
     *
     * @return the count
     */
    int length();

    /**
     * One digit.
     *
     * @param i index, {@code 0 <= i < length()}
     * @return its value, 0 to 9
     */
    int digit(int i);

    /**
     * The number formed by digits {@code [from, to)}.
     *
     * @param from first index
     * @param to index after the last, at most 18 digits after {@code from}
     * @return the value
     */
    default long value(int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + digit(i);
        }
        return v;
    }

    /**
     * Wraps a string of ASCII digits.
     *
     * @param digits only {@code 0-9}
     * @return a view of it
     * @throws IllegalArgumentException when a character is not a digit
     */
    static Digits of(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at index " + i);
            }
        }
        return new Digits() {
            @Override
            public int length() {
                return digits.length();
            }

            @Override
            public int digit(int i) {
                return digits.charAt(i) - '0';
            }
        };
    }
}
