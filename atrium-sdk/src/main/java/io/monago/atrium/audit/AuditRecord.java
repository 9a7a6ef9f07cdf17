package io.monago.atrium.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.chat.Usage;
import io.monago.atrium.internal.JsonFields;
import io.monago.atrium.protocol.PolicyDecision;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One call's audit record, from {@code GET /audit/{id}} (docs/protocol.md §6): who called, what policy
 * decided, which PII types and how many, cost, and the hashes chaining it to the record before. It
 * never holds a detected PII value or an API key.
 *
 * <pre>{@code
 * AuditRecord rec = client.audit().retrieve(completion.governance().auditId().orElseThrow());
 * rec.decision();      // Optional[ALLOWED], a PolicyDecision; decisionWord() gives "allowed"
 * rec.piiInput();      // {NIK=1, PHONE=1}
 * rec.costIdr();       // OptionalDouble[31.2]
 * }</pre>
 */
public final class AuditRecord {

    private static final Set<String> KNOWN = Set.of(
            "audit_id",
            "timestamp",
            "workspace",
            "key_id",
            "user",
            "session_id",
            "metadata",
            "model",
            "provider",
            "decision",
            "block_reason",
            "status_code",
            "error_code",
            "pii_input",
            "pii_output",
            "security_incidents",
            "security_evidence",
            "matched_rules",
            "usage",
            "cost_idr",
            "latency_ms",
            "trace_id",
            "idempotency_key",
            "prev_hash",
            "hash");

    private final JsonNode raw;

    private AuditRecord(JsonNode raw) {
        this.raw = raw;
    }

    /**
     * Reads a record.
     *
     * @param body the response body
     * @return the record
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    public static AuditRecord fromJson(JsonNode body) {
        return new AuditRecord(JsonFields.requireObject(body, "an audit record").deepCopy());
    }

    /**
     * The record's id, as in {@code X-Monago-Audit-Id}.
     *
     * @return the id, {@code ""} when absent
     */
    public String auditId() {
        return JsonFields.stringOrEmpty(raw, "audit_id");
    }

    /**
     * When the call was made.
     *
     * @return the instant, or empty when absent or not ISO-8601
     */
    public Optional<Instant> timestamp() {
        return text("timestamp").flatMap(value -> {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The workspace the key belongs to.
     *
     * @return the workspace, or empty
     */
    public Optional<String> workspace() {
        return text("workspace");
    }

    /**
     * The id of the API key that made the call (never the key).
     *
     * @return the key id, or empty
     */
    public Optional<String> keyId() {
        return text("key_id");
    }

    /**
     * The end user's id ({@code user} of the request).
     *
     * @return the user, or empty
     */
    public Optional<String> user() {
        return text("user");
    }

    /**
     * The session id.
     *
     * @return the session, or empty
     */
    public Optional<String> sessionId() {
        return text("session_id");
    }

    /**
     * The request's metadata tags.
     *
     * @return an unmodifiable map, empty when none
     */
    public Map<String, String> metadata() {
        return JsonFields.stringMap(raw, "metadata");
    }

    /**
     * The model requested.
     *
     * @return the model, or empty
     */
    public Optional<String> model() {
        return text("model");
    }

    /**
     * The provider that answered.
     *
     * @return the provider, or empty (e.g. for a call blocked before routing)
     */
    public Optional<String> provider() {
        return text("provider");
    }

    /**
     * What the gateway decided about the call, as an enum: the same name and type as
     * {@link io.monago.atrium.Governance#decision()}.
     *
     * @return the decision, or empty when absent or a word this SDK does not know
     */
    public Optional<PolicyDecision> decision() {
        return decisionWord().flatMap(PolicyDecision::fromWire);
    }

    /**
     * The decision word as recorded.
     *
     * @return {@code allowed}, {@code flagged}, {@code blocked} or {@code rejected} (or a word this
     *     SDK does not know, as recorded), or empty
     */
    public Optional<String> decisionWord() {
        return text("decision");
    }

    /**
     * Why the call was blocked.
     *
     * @return the reason, or empty
     */
    public Optional<String> blockReason() {
        return text("block_reason");
    }

    /**
     * The HTTP status the gateway answered with.
     *
     * @return the status, or empty
     */
    public OptionalInt statusCode() {
        return JsonFields.intValue(raw, "status_code");
    }

    /**
     * The protocol error code of a failed call.
     *
     * @return the code, or empty
     */
    public Optional<String> errorCode() {
        return text("error_code");
    }

    /**
     * PII entity types found in the input, with how many of each.
     *
     * @return an unmodifiable map, e.g. {@code {NIK=1, PHONE=1}}
     */
    public Map<String, Integer> piiInput() {
        return JsonFields.intMap(raw, "pii_input");
    }

    /**
     * PII entity types found in the output, with how many of each.
     *
     * @return an unmodifiable map
     */
    public Map<String, Integer> piiOutput() {
        return JsonFields.intMap(raw, "pii_output");
    }

    /**
     * Security incident categories found.
     *
     * @return an unmodifiable list, e.g. {@code [prompt_injection]}
     */
    public List<String> securityIncidents() {
        return JsonFields.strings(raw, "security_incidents");
    }

    /**
     * Why each security incident was reported, highest score first: score, place and strongest
     * signals. Records written before the gateway listed evidence have none.
     *
     * @return an unmodifiable list
     */
    public List<SecurityEvidence> securityEvidence() {
        return JsonFields.list(raw, "security_evidence", SecurityEvidence::fromJson);
    }

    /**
     * Ids of the policy rules that matched.
     *
     * @return an unmodifiable list
     */
    public List<String> matchedRules() {
        return JsonFields.strings(raw, "matched_rules");
    }

    /**
     * Token usage.
     *
     * @return the usage, or empty (e.g. for a blocked call)
     */
    public Optional<Usage> usage() {
        return JsonFields.object(raw, "usage").map(Usage::fromJson);
    }

    /**
     * Cost of the call in rupiah.
     *
     * @return the cost, or empty
     */
    public OptionalDouble costIdr() {
        return JsonFields.doubleValue(raw, "cost_idr");
    }

    /**
     * Milliseconds the gateway spent on the call.
     *
     * @return the latency, or empty
     */
    public OptionalDouble latencyMs() {
        return JsonFields.doubleValue(raw, "latency_ms");
    }

    /**
     * The W3C trace id the call belonged to.
     *
     * @return the trace id, or empty
     */
    public Optional<String> traceId() {
        return text("trace_id");
    }

    /**
     * The request's {@code Idempotency-Key}.
     *
     * @return the key, or empty
     */
    public Optional<String> idempotencyKey() {
        return text("idempotency_key");
    }

    /**
     * The hash of the record before this one in the chain.
     *
     * @return the hash, or empty for the first record
     */
    public Optional<String> prevHash() {
        return text("prev_hash");
    }

    /**
     * This record's hash.
     *
     * @return the hash, or empty
     */
    public Optional<String> hash() {
        return text("hash");
    }

    /**
     * Fields this SDK does not model.
     *
     * @return an unmodifiable map, in document order
     */
    public Map<String, JsonNode> additionalProperties() {
        return JsonFields.unknown(raw, KNOWN);
    }

    /**
     * The whole record.
     *
     * @return a copy of the JSON tree
     */
    public JsonNode rawJson() {
        return raw.deepCopy();
    }

    private Optional<String> text(String field) {
        return JsonFields.string(raw, field);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditRecord r && raw.equals(r.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "AuditRecord{auditId=" + auditId()
                + decisionWord().map(d -> ", decision=" + d).orElse("") + "}";
    }
}
