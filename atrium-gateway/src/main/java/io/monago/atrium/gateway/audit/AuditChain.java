package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Links each record to the one before: {@code hash = SHA-256(prev_hash + "\n" + record JSON)} (or
 * the HMAC-SHA-256 under the {@link ChainKey}), where the record JSON is the record with
 * {@code prev_hash} set and without {@code hash}. Changing or removing any stored record breaks
 * every hash after it. Not thread-safe: one writer owns it.
 */
public final class AuditChain {

    /** The {@code prev_hash} of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private final ObjectMapper json;
    private final ChainHasher hasher;
    private String last;

    /**
     * Continues a plain (unkeyed) chain.
     *
     * @param json the mapper that renders records
     * @param lastHash the hash of the newest stored record, or {@link #GENESIS}
     */
    public AuditChain(ObjectMapper json, String lastHash) {
        this(json, lastHash, Optional.empty());
    }

    /**
     * Continues a chain.
     *
     * @param json the mapper that renders records
     * @param lastHash the hash of the newest stored record, or {@link #GENESIS}
     * @param key the chain key, or empty for a plain SHA-256 chain
     */
    public AuditChain(ObjectMapper json, String lastHash, Optional<ChainKey> key) {
        this.json = json;
        this.last = lastHash;
        this.hasher = new ChainHasher(key);
    }

    /**
     * Chains a record: sets its {@code prev_hash} and {@code hash}.
     *
     * @param body the record, modified in place
     * @return the record's JSON text as stored
     */
    public String link(ObjectNode body) {
        body.put("prev_hash", last);
        body.remove("hash");
        String unsigned = write(body);
        String hash = hash(last, unsigned);
        body.put("hash", hash);
        last = hash;
        return write(body);
    }

    /**
     * Computes the hash a record must carry.
     *
     * @param prevHash the previous record's hash
     * @param unsignedJson the record's JSON with {@code prev_hash} and without {@code hash}
     * @return the hex hash
     */
    public String hash(String prevHash, String unsignedJson) {
        return hasher.hash(prevHash, unsignedJson);
    }

    /** {@return the newest hash} */
    public String lastHash() {
        return last;
    }

    /**
     * Rolls the chain back after a failed write.
     *
     * @param hash the hash to continue from
     */
    public void resetTo(String hash) {
        this.last = hash;
    }

    private String write(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record cannot be rendered", e);
        }
    }
}
