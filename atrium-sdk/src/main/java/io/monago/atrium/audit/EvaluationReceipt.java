package io.monago.atrium.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What the gateway answered to {@code POST /audit/{id}/evaluations}: the id of the new audit record
 * that holds the scores, and the id of the call they score.
 *
 * <pre>{@code
 * EvaluationReceipt r = client.audit().recordEvaluations(auditId, Map.of("helpfulness", 0.8));
 * r.auditId();        // the evaluation record
 * r.linkedAuditId();  // the call it scores
 * }</pre>
 *
 * @param auditId the new record's id
 * @param linkedAuditId the scored call's id
 */
public record EvaluationReceipt(String auditId, String linkedAuditId) {
    /**
     * Checks the fields.
     *
     * @param auditId see the record description
     * @param linkedAuditId see the record description
     */
    public EvaluationReceipt {
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(linkedAuditId, "linkedAuditId");
    }

    /**
     * Reads the gateway's answer.
     *
     * @param body the JSON body
     * @return the receipt
     * @throws IllegalArgumentException when the body lacks the ids
     */
    public static EvaluationReceipt fromJson(JsonNode body) {
        JsonNode id = body.get("audit_id");
        JsonNode linked = body.get("linked_audit_id");
        if (id == null || !id.isTextual() || linked == null || !linked.isTextual()) {
            throw new IllegalArgumentException("an evaluation receipt needs audit_id and linked_audit_id");
        }
        return new EvaluationReceipt(id.asText(), linked.asText());
    }
}
