package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Evaluation;
import io.monago.atrium.gateway.exchange.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The audit record of a caller's own scores of an earlier call ({@code POST
 * /v1/audit/{id}/evaluations}): a record of its own, appended to the chain like any other and
 * linked to the call it scores, so the chain stays append-only and the scored record is never
 * rewritten. Its decision word is {@value #DECISION}; it holds names and scores only.
 */
public final class ClientEvaluations {
    /** The decision word of an evaluation record. */
    public static final String DECISION = "evaluation";
    /** The stage word of a caller's score. */
    public static final String STAGE = "client";
    /** The status recorded for it: created. */
    public static final int STATUS = 201;

    private ClientEvaluations() {}

    /**
     * Builds the record.
     *
     * @param auditId the new record's id
     * @param at when the scores arrived
     * @param scored the record of the call being scored
     * @param caller who sent the scores
     * @param scores name to score
     * @return the entry to append
     */
    public static AuditEntry entry(
            String auditId, Instant at, StoredAudit scored, Principal caller, Map<String, Double> scores) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String ts = DateTimeFormatter.ISO_INSTANT.format(at);
        o.put("audit_id", auditId);
        o.put("timestamp", ts);
        o.put("workspace", scored.workspaceId());
        o.put("key_id", caller.keyId());
        o.put("kind", DECISION);
        o.put("linked_audit_id", scored.auditId());
        o.put("decision", DECISION);
        o.put("status_code", STATUS);
        o.set("evaluations", evaluations(scores));
        return new AuditEntry(
                auditId, scored.workspaceId(), java.util.Optional.of(caller.keyId()), DECISION, STATUS, ts, o);
    }

    /**
     * The scores as the audit record lists evaluations.
     *
     * @param scores name to score
     * @return {@code [{evaluator, stage: client, score, result: recorded}]}
     */
    public static ArrayNode evaluations(Map<String, Double> scores) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        scores.forEach((name, score) -> {
            ObjectNode e = list.addObject();
            e.put("evaluator", name);
            e.put("stage", STAGE);
            e.put("score", score);
            e.put("result", Evaluation.RECORDED);
        });
        return list;
    }
}
