package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import java.util.Optional;

/**
 * JSON Web Tokens: three base64url segments separated by dots, the first (the JSON header) starting
 * {@code eyJ}. The signature may be empty ({@code alg: none}).
 *
 * <ul>
 *   <li>{@code secret.jwt}: header of at least 10 characters, payload of at least 4; 0.95.
 * </ul>
 */
public final class JwtRecognizer implements TokenRecognizer {
    @Override
    public EntityType type() {
        return EntityType.SECRET;
    }

    @Override
    public Optional<Match> recognize(char[] t, int start, int end, Context context) {
        if (end - start < 16 || t[start] != 'e' || t[start + 1] != 'y' || t[start + 2] != 'J') {
            return Optional.empty();
        }
        // Segments are read past the token: base64url may put '-' next to a dot, where tokens stop.
        int n = t.length;
        int p = segment(t, start, n);
        if (p - start < 10 || p >= n || t[p] != '.') {
            return Optional.empty();
        }
        int q = segment(t, p + 1, n);
        if (q - (p + 1) < 4 || q >= n || t[q] != '.') {
            return Optional.empty();
        }
        int r = segment(t, q + 1, n);
        return Optional.of(new Match(EntityType.SECRET, start, r, 0.95, "secret.jwt"));
    }

    private static int segment(char[] t, int p, int end) {
        while (p < end) {
            char c = t[p];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                p++;
            } else {
                break;
            }
        }
        return p;
    }
}
