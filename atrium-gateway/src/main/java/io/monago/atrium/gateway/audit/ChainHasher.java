package io.monago.atrium.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Computes the hash a record must carry: {@code SHA-256(prev_hash + "\n" + record JSON)}, or with a
 * {@link ChainKey} the HMAC-SHA-256 of the same bytes. Not thread-safe: each writer or verifier has
 * its own.
 */
public final class ChainHasher {

    private final Optional<MessageDigest> sha;
    private final Optional<Mac> mac;

    /**
     * Creates a hasher.
     *
     * @param key the chain key, or empty for a plain SHA-256 chain
     */
    public ChainHasher(Optional<ChainKey> key) {
        this.mac = key.map(ChainKey::newMac);
        this.sha = mac.isPresent() ? Optional.empty() : Optional.of(newSha());
    }

    private static MessageDigest newSha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@return whether this chain is keyed} */
    public boolean keyed() {
        return mac.isPresent();
    }

    /**
     * Computes a record's hash.
     *
     * @param prevHash the previous record's hash
     * @param unsignedJson the record's JSON with {@code prev_hash} and without {@code hash}
     * @return the lowercase hex hash
     */
    public String hash(String prevHash, String unsignedJson) {
        byte[] prev = prevHash.getBytes(StandardCharsets.UTF_8);
        byte[] body = unsignedJson.getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        if (mac.isPresent()) {
            Mac m = mac.get();
            m.update(prev);
            m.update((byte) '\n');
            digest = m.doFinal(body);
        } else {
            MessageDigest d = sha.orElseThrow();
            d.reset();
            d.update(prev);
            d.update((byte) '\n');
            digest = d.digest(body);
        }
        return HexFormat.of().formatHex(digest);
    }
}
