package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Verdict;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * One call's audit record before it is chained and stored. Rendered from the {@link Verdict} only,
 * which holds entity types and counts but never a detected value or a key, so nothing sensitive can
 * reach the store.
 *
 * @param auditId the id
 * @param workspaceId the workspace
 * @param keyId the key id, if the key was known
 * @param decision the decision word
 * @param status the HTTP status
 * @param timestamp ISO-8601 arrival time
 * @param body the record's fields as JSON, without the chain hashes
 */
public record AuditEntry(
        String auditId,
        String workspaceId,
        Optional<String> keyId,
        String decision,
        int status,
        String timestamp,
        ObjectNode body) {

    /**
     * Renders a verdict.
     *
     * @param v the verdict
     * @return the entry
     */
    public static AuditEntry of(Verdict v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        String ts = DateTimeFormatter.ISO_INSTANT.format(v.timestamp());
        o.put("audit_id", v.auditId());
        o.put("timestamp", ts);
        o.put("workspace", v.workspaceId());
        putOpt(o, "key_id", v.keyId());
        putOpt(o, "user", v.tags().user());
        putOpt(o, "session_id", v.tags().sessionId());
        ObjectNode meta = o.putObject("metadata");
        v.tags().metadata().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> meta.put(e.getKey(), e.getValue()));
        putOpt(o, "model", v.model());
        putOpt(o, "provider", v.provider());
        o.put("decision", v.decision().wire());
        putOpt(o, "block_reason", v.blockReason());
        o.put("status_code", v.status());
        putOpt(o, "error_code", v.errorCode());
        o.put("pii_detected", v.piiDetected());
        strings(o.putArray("pii_redacted"), v.piiRedacted());
        counts(o.putObject("pii_input"), v.piiInput());
        counts(o.putObject("pii_output"), v.piiOutput());
        strings(o.putArray("security_incidents"), v.securityIncidents());
        strings(o.putArray("matched_rules"), v.matchedRules());
        ObjectNode usage = o.putObject("usage");
        usage.put("prompt_tokens", v.usage().promptTokens());
        usage.put("completion_tokens", v.usage().completionTokens());
        usage.put("total_tokens", v.usage().totalTokens());
        o.put("cost_idr", v.costIdr());
        o.put("latency_ms", v.latencyMs());
        putOpt(o, "trace_id", v.tags().traceId());
        putOpt(o, "idempotency_key", v.tags().idempotencyKey());
        if (v.stream().isPresent()) {
            ObjectNode stream = o.putObject("stream");
            stream.put("completed", v.stream().get().completed());
            stream.put("ended_by", v.stream().get().endedBy());
            stream.put("chunks_delivered", v.stream().get().chunksDelivered());
        } else {
            o.putNull("stream");
        }
        return new AuditEntry(
                v.auditId(), v.workspaceId(), v.keyId(), v.decision().wire(), v.status(), ts, o);
    }

    private static void strings(com.fasterxml.jackson.databind.node.ArrayNode target, java.util.List<String> values) {
        values.forEach(target::add);
    }

    private static void counts(ObjectNode target, Map<String, Integer> counts) {
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> target.put(e.getKey(), e.getValue()));
    }

    private static void putOpt(ObjectNode o, String field, Optional<String> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }
}
