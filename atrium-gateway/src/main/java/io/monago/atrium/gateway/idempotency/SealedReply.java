package io.monago.atrium.gateway.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An answer kept outside the process for an idempotent replay, sealed (AES-256-GCM) with a key
 * derived from the caller's key id and its {@code Idempotency-Key}. The store holds neither: it
 * names the entry by another digest of the two, so what it keeps (the answer, already redacted as
 * it was sent, and its governance headers) can be read only by a retry that brings the same
 * Idempotency-Key, and a changed entry fails to open instead of being replayed.
 *
 * <pre>{@code
 * SealedReply seal = SealedReply.of("clinic-app", "retry-7f3a");
 * String stored = seal.seal(reply);
 * Optional<HttpReply> again = seal.open(stored);
 * }</pre>
 */
final class SealedReply {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String name;
    private final byte[] key;

    private SealedReply(String name, byte[] key) {
        this.name = name;
        this.key = key;
    }

    /**
     * Derives the entry's name and sealing key.
     *
     * @param keyId the caller's key id
     * @param idempotencyKey the header's value
     * @return the seal
     */
    static SealedReply of(String keyId, String idempotencyKey) {
        String both = keyId + '\n' + idempotencyKey;
        return new SealedReply(
                HexFormat.of().formatHex(sha256("atrium idempotency name\n" + both)),
                sha256("atrium idempotency seal\n" + both));
    }

    /** {@return the entry's name: a digest that reveals neither the key id nor the Idempotency-Key} */
    String name() {
        return name;
    }

    /**
     * Fingerprints a request body for this key only, so equal bodies under different keys cannot be
     * matched by whoever reads the store.
     *
     * @param bodyHash the body's SHA-256, as text
     * @return the fingerprint
     */
    String fingerprint(String bodyHash) {
        return HexFormat.of().formatHex(sha256(HexFormat.of().formatHex(key) + '\n' + bodyHash));
    }

    /**
     * Seals an answer.
     *
     * @param reply the answer as sent
     * @return text to store
     */
    String seal(HttpReply reply) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", reply.status());
        ArrayNode headers = o.putArray("headers");
        for (Map.Entry<String, String> h : reply.headers()) {
            headers.addArray().add(h.getKey()).add(h.getValue());
        }
        o.put("body", reply.body().getBytes());
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(JSON.writeValueAsBytes(o));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an answer: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a sealed answer.
     *
     * @param stored what {@link #seal} returned
     * @return the answer, or empty when it does not open (altered, or sealed under another key)
     */
    Optional<HttpReply> open(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce).doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            JsonNode o = JSON.readTree(plain);
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            for (JsonNode h : o.path("headers")) {
                headers.add(h.path(0).asText(), h.path(1).asText());
            }
            return Optional.of(new HttpReply(
                    o.path("status").asInt(),
                    headers,
                    Buffer.buffer(o.path("body").binaryValue())));
        } catch (IllegalArgumentException
                | java.security.ProviderException
                | IOException
                | GeneralSecurityException e) {
            // Not base 64, too short, or the tag does not match: altered, or sealed under another key.
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return c;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
