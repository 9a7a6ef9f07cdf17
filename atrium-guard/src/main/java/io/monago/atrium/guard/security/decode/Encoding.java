package io.monago.atrium.guard.security.decode;

import java.util.Locale;

/** How a payload was hidden. Its name appears in incident rule ids, e.g. {@code decoded.base64}. */
public enum Encoding {
    /** Standard or URL-safe base64. */
    BASE64,
    /** Hexadecimal bytes, contiguous, spaced or {@code \x}-escaped. */
    HEX,
    /** Percent-encoding. */
    URL,
    /** The rot13 letter rotation. */
    ROT13,
    /** ASCII spelled with invisible Unicode tag characters. */
    UNICODE_TAGS;

    /**
     * The short name used in rule ids.
     *
     * @return e.g. {@code base64}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
