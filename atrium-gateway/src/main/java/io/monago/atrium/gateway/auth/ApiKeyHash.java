package io.monago.atrium.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way an API key is turned into what the gateway stores: {@code sha256:<hex>}. Keys are
 * long random strings, so a fast unsalted hash is enough to make a leaked configuration useless.
 *
 * <pre>{@code
 * String stored = ApiKeyHash.of("sk-mng-...");   // "sha256:9f86d0..."
 * }</pre>
 */
public final class ApiKeyHash {

    private static final String PREFIX = "sha256:";

    private ApiKeyHash() {}

    /**
     * Hashes a key.
     *
     * @param apiKey the key as the client sends it
     * @return {@code sha256:} followed by 64 lower-case hex digits
     */
    public static String of(String apiKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return PREFIX + HexFormat.of().formatHex(sha.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
