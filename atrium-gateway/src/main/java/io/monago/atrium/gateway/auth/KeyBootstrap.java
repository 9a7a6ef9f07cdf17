package io.monago.atrium.gateway.auth;

import io.monago.atrium.gateway.config.KeyConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure a fresh gateway can be called: registers {@code ATRIUM_BOOTSTRAP_KEY} as an admin key
 * of the first workspace, or, when no key is configured at all, generates one, hands it back once
 * to be printed, and keeps only its hash in the data folder.
 */
public final class KeyBootstrap {

    /** Id of a key registered from {@code ATRIUM_BOOTSTRAP_KEY}. */
    public static final String BOOTSTRAP_KEY_ID = "bootstrap-admin";
    /** Id of a key the gateway generated itself. */
    public static final String GENERATED_KEY_ID = "generated-admin";

    static final String HASH_FILE = "admin-key.sha256";
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    /**
     * Creates the bootstrapper.
     *
     * @param random source of key material
     */
    public KeyBootstrap(SecureRandom random) {
        this.random = random;
    }

    /**
     * Decides which extra keys to register.
     *
     * @param configured the keys in the configuration
     * @param bootstrapKey the value of {@code ATRIUM_BOOTSTRAP_KEY}, if set
     * @param dataDir the gateway's data folder
     * @param workspaceId the workspace a bootstrap or generated admin key belongs to
     * @return the keys to add, and a generated key to show once (if one was generated now)
     */
    public Result resolve(List<KeyConfig> configured, Optional<String> bootstrapKey, Path dataDir, String workspaceId) {
        if (bootstrapKey.isPresent()) {
            return new Result(
                    List.of(admin(BOOTSTRAP_KEY_ID, ApiKeyHash.of(bootstrapKey.get()), workspaceId)), Optional.empty());
        }
        if (!configured.isEmpty()) {
            return new Result(List.of(), Optional.empty());
        }
        Path hashFile = dataDir.resolve(HASH_FILE);
        try {
            if (Files.exists(hashFile)) {
                String hash = Files.readString(hashFile, StandardCharsets.UTF_8).trim();
                return new Result(List.of(admin(GENERATED_KEY_ID, hash, workspaceId)), Optional.empty());
            }
            String key = generate();
            Files.createDirectories(dataDir);
            Files.writeString(hashFile, ApiKeyHash.of(key) + "\n", StandardCharsets.UTF_8);
            return new Result(List.of(admin(GENERATED_KEY_ID, ApiKeyHash.of(key), workspaceId)), Optional.of(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated key's hash in " + hashFile, e);
        }
    }

    /**
     * Undoes a generation whose key could not be shown because the gateway failed to start, so the
     * next start generates (and shows) a new one instead of keeping the hash of a key nobody saw.
     *
     * @param result what {@link #resolve} returned
     * @param dataDir the gateway's data folder
     */
    public static void discardUnshown(Result result, Path dataDir) {
        if (result.generatedKey().isPresent()) {
            try {
                Files.deleteIfExists(dataDir.resolve(HASH_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dataDir.resolve(HASH_FILE), e);
            }
        }
    }

    /**
     * Generates a new API key.
     *
     * @return a key of the form {@code sk-mng-} followed by 40 random characters
     */
    public String generate() {
        StringBuilder sb = new StringBuilder("sk-mng-");
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static KeyConfig admin(String id, String hash, String workspaceId) {
        return new KeyConfig(id, hash, workspaceId, true, null, false);
    }

    /**
     * What bootstrapping decided.
     *
     * @param extraKeys keys to register in addition to the configured ones
     * @param generatedKey a key generated now, to be shown to the operator once and never again
     */
    public record Result(List<KeyConfig> extraKeys, Optional<String> generatedKey) {
        @Override
        public String toString() {
            return "Result[extraKeys=" + extraKeys + ", generatedKey=" + (generatedKey.isPresent() ? "***" : "none")
                    + "]";
        }
    }
}
