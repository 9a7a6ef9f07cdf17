package io.monago.atrium.guard.security.text;

/**
 * The part of a whitespace token between its first and last letter or digit: {@code "ignore!"}
 * has the core {@code ignore}, {@code (semua)} the core {@code semua}.
 *
 * <pre>{@code
 * TokenCore core = TokenCore.of("\"Abaikan,");
 * core.text();    // Abaikan
 * core.start();   // 1
 * }</pre>
 *
 * @param token the whole token
 * @param start index of the first letter or digit
 * @param end index after the last letter or digit ({@code start} when there is none)
 */
public record TokenCore(String token, int start, int end) {

    /**
     * Finds the core of a token.
     *
     * @param token a whitespace-separated token
     * @return its core
     */
    public static TokenCore of(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        return new TokenCore(token, start, end);
    }

    /**
     * The core itself.
     *
     * @return the text between {@code start} and {@code end}
     */
    public String text() {
        return start == 0 && end == token.length() ? token : token.substring(start, end);
    }

    /**
     * Whether the token has letters or digits at all.
     *
     * @return true when the core is not empty
     */
    public boolean isEmpty() {
        return end == start;
    }
}
