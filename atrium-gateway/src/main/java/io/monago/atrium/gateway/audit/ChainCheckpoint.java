package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An anchor for the chain: how many records it held and the hash of the newest one at a moment. The
 * gateway writes one every {@code audit.checkpoint_every} records and at shutdown; exported and kept
 * elsewhere, it lets {@code atrium audit verify --checkpoint} catch a tail that was cut off or
 * rewritten, which the chain alone cannot show. With a chain key it is signed (HMAC-SHA-256), so it
 * cannot be forged without the key either.
 *
 * @param records records in the chain since its start, up to and including the head
 * @param headAuditId the audit id of the newest record
 * @param headHash that record's hash
 * @param createdAt when the checkpoint was taken, ISO-8601 UTC
 * @param signature the HMAC of the other fields under the chain key, when the chain is keyed
 */
public record ChainCheckpoint(
        long records, String headAuditId, String headHash, String createdAt, Optional<String> signature) {

    /**
     * Takes a checkpoint, signed when a key is given.
     *
     * @param records records in the chain, up to and including the head
     * @param headAuditId the newest record's audit id
     * @param headHash its hash
     * @param createdAt the time, ISO-8601 UTC
     * @param key the chain key, if the chain is keyed
     * @return the checkpoint
     */
    public static ChainCheckpoint take(
            long records, String headAuditId, String headHash, String createdAt, Optional<ChainKey> key) {
        Optional<String> signature = key.map(k -> k.mac(signedText(records, headAuditId, headHash, createdAt)));
        return new ChainCheckpoint(records, headAuditId, headHash, createdAt, signature);
    }

    private static String signedText(long records, String headAuditId, String headHash, String createdAt) {
        return "atrium audit checkpoint\n" + records + "\n" + headAuditId + "\n" + headHash + "\n" + createdAt;
    }

    /**
     * Whether the signature is the one this key makes.
     *
     * @param key the chain key
     * @return true when signed by this key; false when unsigned or signed otherwise
     */
    public boolean signedBy(ChainKey key) {
        return signature
                .map(s -> java.security.MessageDigest.isEqual(
                        s.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        key.mac(signedText(records, headAuditId, headHash, createdAt))
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    /**
     * Renders the checkpoint as one line of JSON, the form it is exported in.
     *
     * @param json a mapper
     * @return the JSON text
     */
    public String toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("records", records);
        o.put("head_audit_id", headAuditId);
        o.put("head_hash", headHash);
        o.put("created_at", createdAt);
        if (signature.isPresent()) {
            o.put("signature", signature.get());
        } else {
            o.putNull("signature");
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint cannot be rendered", e);
        }
    }

    /**
     * Reads an exported checkpoint.
     *
     * @param json a mapper
     * @param text the JSON text
     * @return the checkpoint
     * @throws IllegalArgumentException when the text is not a checkpoint
     */
    public static ChainCheckpoint fromJson(ObjectMapper json, String text) {
        JsonNode o;
        try {
            o = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a checkpoint: not JSON", e);
        }
        if (o == null
                || !o.path("records").canConvertToLong()
                || !o.path("head_audit_id").isTextual()
                || !o.path("head_hash").isTextual()
                || !o.path("created_at").isTextual()) {
            throw new IllegalArgumentException(
                    "not a checkpoint: it needs records, head_audit_id, head_hash and created_at");
        }
        Optional<String> signature =
                o.path("signature").isTextual() ? Optional.of(o.get("signature").asText()) : Optional.empty();
        return new ChainCheckpoint(
                o.get("records").asLong(),
                o.get("head_audit_id").asText(),
                o.get("head_hash").asText(),
                o.get("created_at").asText(),
                signature);
    }
}
