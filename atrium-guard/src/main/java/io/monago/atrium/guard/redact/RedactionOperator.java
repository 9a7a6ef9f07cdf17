package io.monago.atrium.guard.redact;

import java.util.Arrays;

/**
 * How a finding's value is replaced.
 *
 * <table>
 *   <caption>Operators on {@code NIK 3201234567890123}</caption>
 *   <tr><th>operator</th><th>result</th><th>reversible</th></tr>
 *   <tr><td>{@link #placeholder()}</td><td>{@code NIK [NIK_1]}</td><td>yes, in a reversible session</td></tr>
 *   <tr><td>{@link #mask(int, int) mask(0, 4)}</td><td>{@code NIK ************0123}</td><td>no</td></tr>
 *   <tr><td>{@link #saltedHash(byte[])}</td><td>{@code NIK [NIK:5f1c0e7d93a2b846]}</td><td>no; stable for a salt</td></tr>
 *   <tr><td>{@link #remove()}</td><td>{@code NIK }</td><td>no</td></tr>
 * </table>
 */
public sealed interface RedactionOperator {
    /**
     * {@code [TYPE_n]}: the same value gets the same number within a session, different values
     * different numbers.
     *
     * @return the placeholder operator
     */
    static RedactionOperator placeholder() {
        return Placeholder.INSTANCE;
    }

    /**
     * Replaces letters and digits with {@code *}, keeping separators and some characters at the
     * edges. At least half of a value's letters and digits are masked whatever the counts, so a
     * short value is never kept whole: {@code mask(0, 4)} gives {@code **80::} for {@code fe80::}
     * and {@code ***.*.113.7} for {@code 203.0.113.7}.
     *
     * @param keepStart letters and digits kept at the start, fewer in a short value
     * @param keepEnd letters and digits kept at the end, fewer in a short value
     * @return the mask operator
     */
    static RedactionOperator mask(int keepStart, int keepEnd) {
        return new Mask(keepStart, keepEnd, '*');
    }

    /**
     * {@code [TYPE:hex]}: the first 64 bits of SHA-256 over the salt, the type and the normalised
     * value; the same value gives the same hash across requests with the same salt, so analytics can
     * count distinct people without seeing them.
     *
     * @param salt a secret of at least 16 bytes, kept by the caller
     * @return the hash operator
     */
    static RedactionOperator saltedHash(byte[] salt) {
        return new SaltedHash(salt);
    }

    /**
     * Removes the value.
     *
     * @return the remove operator
     */
    static RedactionOperator remove() {
        return Remove.INSTANCE;
    }

    /** See {@link RedactionOperator#placeholder()}. */
    enum Placeholder implements RedactionOperator {
        /** The only instance. */
        INSTANCE
    }

    /** See {@link RedactionOperator#remove()}. */
    enum Remove implements RedactionOperator {
        /** The only instance. */
        INSTANCE
    }

    /**
     * See {@link RedactionOperator#mask(int, int)}.
     *
     * @param keepStart letters and digits kept at the start
     * @param keepEnd letters and digits kept at the end
     * @param maskChar the replacement character
     */
    record Mask(int keepStart, int keepEnd, char maskChar) implements RedactionOperator {
        /**
         * Validates the counts.
         *
         * @param keepStart letters and digits kept at the start
         * @param keepEnd letters and digits kept at the end
         * @param maskChar the replacement character
         */
        public Mask {
            if (keepStart < 0 || keepEnd < 0) {
                throw new IllegalArgumentException("characters to keep must not be negative");
            }
        }
    }

    /** See {@link RedactionOperator#saltedHash(byte[])}. */
    final class SaltedHash implements RedactionOperator {
        private static final int MIN_SALT = 16;
        private final byte[] salt;

        SaltedHash(byte[] salt) {
            if (salt == null || salt.length < MIN_SALT) {
                throw new IllegalArgumentException("salt must have at least " + MIN_SALT + " bytes");
            }
            this.salt = salt.clone();
        }

        byte[] salt() {
            return salt.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SaltedHash other && Arrays.equals(salt, other.salt);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(salt);
        }

        /** Never shows the salt. */
        @Override
        public String toString() {
            return "SaltedHash[salt=<hidden>]";
        }
    }
}
