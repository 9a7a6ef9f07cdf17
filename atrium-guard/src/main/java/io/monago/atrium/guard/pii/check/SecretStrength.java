package io.monago.atrium.guard.pii.check;

/**
 * How random a candidate secret looks: which character classes it mixes and its Shannon entropy.
 * Used for values that follow words like {@code password} or {@code token}, where no prefix says
 * what the value is.
 */
public final class SecretStrength {
    /** Bit for a lower-case letter. */
    public static final int LOWER = 1;
    /** Bit for an upper-case letter. */
    public static final int UPPER = 2;
    /** Bit for a digit. */
    public static final int DIGIT = 4;
    /** Bit for any other printable character. */
    public static final int SYMBOL = 8;

    private SecretStrength() {}

    /**
     * Which character classes occur.
     *
     * @param text folded text
     * @param start first index
     * @param end index after the last
     * @return an or of {@link #LOWER}, {@link #UPPER}, {@link #DIGIT}, {@link #SYMBOL}
     */
    public static int classes(char[] text, int start, int end) {
        int bits = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c >= 'a' && c <= 'z') {
                bits |= LOWER;
            } else if (c >= 'A' && c <= 'Z') {
                bits |= UPPER;
            } else if (c >= '0' && c <= '9') {
                bits |= DIGIT;
            } else if (c > ' ') {
                bits |= SYMBOL;
            }
        }
        return bits;
    }

    /**
     * The number of classes in a class set.
     *
     * @param classes an or of the class bits
     * @return 0 to 4
     */
    public static int count(int classes) {
        return Integer.bitCount(classes);
    }

    /**
     * Shannon entropy of the characters, in bits per character.
     *
     * @param text folded text
     * @param start first index
     * @param end index after the last, at most 256 characters after {@code start}
     * @return the entropy, 0 for an empty span
     */
    public static double entropy(char[] text, int start, int end) {
        int n = end - start;
        if (n <= 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }
}
