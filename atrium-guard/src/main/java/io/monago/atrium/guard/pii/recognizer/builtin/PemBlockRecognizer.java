package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.Optional;

/**
 * PEM private keys: {@code -----BEGIN ... PRIVATE KEY-----} (RSA, EC, DSA, OpenSSH, PKCS#8,
 * encrypted) and {@code -----BEGIN PGP PRIVATE KEY BLOCK-----}, through the matching
 * {@code -----END ...-----} line, or through the end of the base64 body when the footer is missing
 * (a truncated paste is still a leaked key). Certificates and public keys are not secrets and are
 * left alone.
 *
 * <ul>
 *   <li>{@code secret.private-key}: 0.99.
 * </ul>
 */
public final class PemBlockRecognizer {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END";
    private static final int MAX_LABEL = 48;
    private static final int MAX_BODY = 64 * 1024;

    /**
     * Whether a PEM header starts here; cheap enough to ask at every dash.
     *
     * @param t folded text
     * @param i index of a {@code -}
     * @return true when {@code -----BEGIN } starts at {@code i}
     */
    public static boolean startsAt(char[] t, int i) {
        return regionMatches(t, i, BEGIN);
    }

    /**
     * Parses a private key block.
     *
     * @param t folded text
     * @param start index of the header's first dash
     * @return the block, or empty when it is not a private key
     */
    public Optional<Match> parse(char[] t, int start) {
        int p = start + BEGIN.length();
        int labelEnd = p;
        while (labelEnd < t.length && labelEnd - p < MAX_LABEL && t[labelEnd] != '-' && t[labelEnd] != '\n') {
            labelEnd++;
        }
        if (!regionMatches(t, labelEnd, "-----") || !new String(t, p, labelEnd - p).contains("PRIVATE KEY")) {
            return Optional.empty();
        }
        int bodyStart = labelEnd + 5;
        int limit = Math.min(t.length, bodyStart + MAX_BODY);
        for (int i = bodyStart; i < limit; i++) {
            if (t[i] == '-' && regionMatches(t, i, END)) {
                int close = i + END.length();
                while (close < limit && close - i < MAX_LABEL + 16 && t[close] != '\n') {
                    if (regionMatches(t, close, "-----")) {
                        return Optional.of(match(start, close + 5));
                    }
                    close++;
                }
                return Optional.of(match(start, i + END.length()));
            }
        }
        int end = bodyStart;
        for (int i = bodyStart; i < limit; i++) {
            char c = t[i];
            boolean base64 = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || c == '=';
            if (base64) {
                end = i + 1;
            } else if (c != '\n' && c != '\r' && c != ' ' && c != ':' && c != ',' && c != '-') {
                break; // "Proc-Type: 4,ENCRYPTED" headers are part of the block
            }
        }
        return Optional.of(match(start, end));
    }

    private static Match match(int start, int end) {
        return new Match(EntityType.SECRET, start, end, 0.99, "secret.private-key");
    }

    private static boolean regionMatches(char[] t, int i, String s) {
        if (i < 0 || i + s.length() > t.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (t[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
