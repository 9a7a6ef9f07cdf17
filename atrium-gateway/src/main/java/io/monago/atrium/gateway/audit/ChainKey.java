package io.monago.atrium.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain ({@code audit.chain_key}). With it, each record's hash is an
 * HMAC-SHA-256 instead of a plain SHA-256, so whoever can write the store but does not hold the key
 * cannot rewrite a record and recompute the hashes after it. The key itself is never stored or
 * logged; the store keeps only a short check value that tells a wrong key from altered records.
 */
public final class ChainKey {

    /** Fewest bytes a chain key may have. */
    public static final int MIN_BYTES = 16;

    private static final String CHECK_INPUT = "atrium audit chain key check";

    private final SecretKeySpec secret;

    private ChainKey(byte[] key) {
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * Makes a key from its configured text.
     *
     * @param text the key, at least {@link #MIN_BYTES} bytes of UTF-8
     * @return the key
     * @throws IllegalArgumentException when the text is too short
     */
    public static ChainKey of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("an audit chain key needs at least " + MIN_BYTES + " bytes");
        }
        return new ChainKey(bytes);
    }

    /**
     * Computes the HMAC-SHA-256 of a text under this key.
     *
     * @param parts the text, in parts that are joined without separators
     * @return the lowercase hex MAC
     */
    public String mac(String... parts) {
        Mac mac = newMac();
        for (String p : parts) {
            mac.update(p.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** {@return a new MAC instance under this key; a MAC is not thread-safe, so each user has its own} */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * {@return a short value that identifies this key without revealing it: the first 16 hex digits of
     * the key's MAC over a fixed text}
     */
    public String checkValue() {
        return mac(CHECK_INPUT).substring(0, 16);
    }

    /**
     * Whether a stored check value belongs to this key.
     *
     * @param stored the check value the store holds
     * @return true when it matches
     */
    public boolean matches(String stored) {
        return MessageDigest.isEqual(
                checkValue().getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ChainKey[hidden]";
    }
}
