package io.monago.atrium.gateway.validate;

/**
 * Strict UTF-8 (RFC 3629): no overlong forms ({@code C0 A2} for {@code "}), no code points above
 * U+10FFFF, no encoded surrogates, no stray continuation bytes. Overlong forms are an old way past
 * filters that read text one way while the next program reads it another, so a request that holds
 * one is refused rather than repaired.
 */
final class Utf8 {

    private Utf8() {}

    /**
     * Finds the first byte that breaks strict UTF-8.
     *
     * @param b the bytes
     * @return its offset, or -1 when the bytes are valid UTF-8
     */
    static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c == 0xE0) {
                need = 2;
                min2 = 0xA0; // below: overlong
            } else if (c == 0xED) {
                need = 2;
                max2 = 0x9F; // above: surrogates
            } else if (c >= 0xE1 && c <= 0xEF) {
                need = 2;
            } else if (c == 0xF0) {
                need = 3;
                min2 = 0x90; // below: overlong
            } else if (c >= 0xF1 && c <= 0xF3) {
                need = 3;
            } else if (c == 0xF4) {
                need = 3;
                max2 = 0x8F; // above: beyond U+10FFFF
            } else {
                return i; // C0, C1 (overlong), F5..FF, or a continuation byte with no lead
            }
            if (i + need >= n) {
                return i; // cut short
            }
            int second = b[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
