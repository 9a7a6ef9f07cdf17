package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Attempt;
import io.monago.atrium.gateway.exchange.Evaluation;
import io.monago.atrium.gateway.exchange.SecurityEvidence;
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
 * @param content the redacted prompt and answer, kept beside the record (not in it, and not chained)
 *     when the workspace opts in
 */
public record AuditEntry(
        String auditId,
        String workspaceId,
        Optional<String> keyId,
        String decision,
        int status,
        String timestamp,
        ObjectNode body,
        Optional<AuditContent> content) {

    /**
     * An entry without content.
     *
     * @param auditId see the record description
     * @param workspaceId see the record description
     * @param keyId see the record description
     * @param decision see the record description
     * @param status see the record description
     * @param timestamp see the record description
     * @param body see the record description
     */
    public AuditEntry(
            String auditId,
            String workspaceId,
            Optional<String> keyId,
            String decision,
            int status,
            String timestamp,
            ObjectNode body) {
        this(auditId, workspaceId, keyId, decision, status, timestamp, body, Optional.empty());
    }

    /**
     * This entry with content to keep beside it.
     *
     * @param kept the content, or empty for none
     * @return the entry
     */
    public AuditEntry withContent(Optional<AuditContent> kept) {
        return new AuditEntry(auditId, workspaceId, keyId, decision, status, timestamp, body, kept);
    }

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
        com.fasterxml.jackson.databind.node.ArrayNode evidence = o.putArray("security_evidence");
        for (SecurityEvidence e : v.securityEvidence()) {
            ObjectNode item = evidence.addObject();
            item.put("category", e.category());
            // Three decimals: enough to compare with a threshold, and stable in the hashed record.
            item.put("score", Math.round(e.score() * 1000) / 1000.0);
            item.put("path", e.path());
            item.put("role", e.role());
            strings(item.putArray("signals"), e.signals());
        }
        strings(o.putArray("matched_rules"), v.matchedRules());
        putOpt(o, "policy_version", v.policyVersion());
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
        com.fasterxml.jackson.databind.node.ArrayNode attempts = o.putArray("attempts");
        for (Attempt a : v.attempts()) {
            ObjectNode at = attempts.addObject();
            at.put("provider", a.provider());
            a.fallbackModel().ifPresent(m -> at.put("fallback_model", m));
            at.put("outcome", a.outcome());
            if (a.status().isPresent()) {
                at.put("status", a.status().getAsInt());
            }
            at.put("latency_ms", a.latencyMs());
        }
        com.fasterxml.jackson.databind.node.ArrayNode evaluations = o.putArray("evaluations");
        for (Evaluation e : v.evaluations()) {
            ObjectNode ev = evaluations.addObject();
            ev.put("evaluator", e.evaluator());
            ev.put("stage", e.stage());
            if (Double.isNaN(e.score())) {
                ev.putNull("score");
            } else {
                ev.put("score", e.score());
            }
            ev.put("result", e.result());
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
