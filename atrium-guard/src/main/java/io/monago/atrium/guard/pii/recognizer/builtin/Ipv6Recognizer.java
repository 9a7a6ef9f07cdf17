package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import java.util.Optional;

/**
 * IPv6 addresses: eight groups of one to four hex digits, or fewer with one {@code ::}, optionally
 * ending in a dotted IPv4 address. Parsing is bounded to the 45 characters an address can have.
 *
 * <ul>
 *   <li>{@code ip.v6}: at least three groups, or two with one of three or more hex digits
 *       ({@code fe80::1}), so that {@code a::b} and {@code 10:15:30} are not addresses; 0.9.
 * </ul>
 */
public final class Ipv6Recognizer {
    private static final int MAX_LENGTH = 45;

    /**
     * Parses an address starting at {@code start}.
     *
     * @param t folded text
     * @param start where the first group (or the leading {@code ::}) starts
     * @return the address, or empty
     */
    public Optional<Match> parse(char[] t, int start) {
        int n = Math.min(t.length, start + MAX_LENGTH + 1);
        if (start > 0 && (CharClass.isWordChar(t[start - 1]) || t[start - 1] == ':' || t[start - 1] == '.')) {
            return Optional.empty();
        }
        int p = start;
        int groups = 0;
        int longest = 0;
        boolean compressed = false;
        if (p + 1 < n && t[p] == ':' && t[p + 1] == ':') {
            compressed = true;
            p += 2;
        }
        int end = p;
        while (p < n && groups < 8) {
            int q = p;
            while (q < n && q - p < 5 && CharClass.isHex(t[q])) {
                q++;
            }
            int len = q - p;
            if (len == 0 || len > 4) {
                if (len > 4) {
                    return Optional.empty();
                }
                break;
            }
            if (q + 1 < n && t[q] == '.' && CharClass.isDigit(t[q + 1]) && decimal(t, p, q)) {
                int v4 = dottedQuad(t, p, n);
                if (v4 >= 0) {
                    groups += 2;
                    end = v4;
                    break;
                }
            }
            groups++;
            longest = Math.max(longest, len);
            end = q;
            if (q + 1 < n && t[q] == ':' && t[q + 1] == ':') {
                if (compressed) {
                    return Optional.empty();
                }
                compressed = true;
                p = q + 2;
                end = p;
            } else if (q + 1 < n && t[q] == ':' && CharClass.isHex(t[q + 1])) {
                p = q + 1;
            } else {
                break;
            }
        }
        boolean complete = compressed ? groups <= 7 : groups == 8;
        boolean addressLike = groups >= 3 || (compressed && longest >= 3);
        if (!complete || !addressLike || (end < t.length && (CharClass.isWordChar(t[end]) || t[end] == ':'))) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.IP_ADDRESS, start, end, 0.9, "ip.v6"));
    }

    private static boolean decimal(char[] t, int p, int q) {
        for (int i = p; i < q; i++) {
            if (!CharClass.isDigit(t[i])) {
                return false;
            }
        }
        return true;
    }

    private static int dottedQuad(char[] t, int p, int n) {
        for (int part = 0; part < 4; part++) {
            int q = p;
            int v = 0;
            while (q < n && q - p < 3 && CharClass.isDigit(t[q])) {
                v = v * 10 + (t[q] - '0');
                q++;
            }
            if (q == p || v > 255) {
                return -1;
            }
            if (part < 3) {
                if (q >= n || t[q] != '.') {
                    return -1;
                }
                q++;
            }
            p = q;
        }
        return p;
    }
}
