package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.audit.AuditListParams;
import io.monago.atrium.audit.AuditPage;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.audit.EvaluationReceipt;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /audit/{id}}, async.
 *
 * <pre>{@code
 * client.async().audit().retrieve(auditId).thenAccept(rec -> System.out.println(rec.decision()));
 * }</pre>
 */
public interface AsyncAudit {

    /**
     * Reads an audit record.
     *
     * @param auditId the id from {@code X-Monago-Audit-Id}
     * @return the record
     * @throws IllegalArgumentException when the id is blank
     */
    default CompletableFuture<AuditRecord> retrieve(String auditId) {
        return retrieve(auditId, RequestOptions.none());
    }

    /**
     * Reads an audit record with per-call options.
     *
     * @param auditId the id
     * @param options per-call options
     * @return the record
     * @throws IllegalArgumentException when the id is blank
     */
    CompletableFuture<AuditRecord> retrieve(String auditId, RequestOptions options);

    /**
     * Reads one page of an audit search ({@code GET /audit}); follow {@link AuditPage#nextCursor()}
     * with {@link AuditListParams#withCursor} for the next.
     *
     * @param params the filters
     * @param options per-call options
     * @return the page
     */
    CompletableFuture<AuditPage> listPage(AuditListParams params, RequestOptions options);

    /**
     * Records the caller's own scores of a call's answer ({@code POST /audit/{id}/evaluations}
     * with {@code X-Monago-Eval}): the gateway appends them as a new audit record linked to the
     * call. Allowed to the key that made the call and to admin keys of its workspace.
     *
     * @param auditId the scored call's audit id
     * @param scores evaluator name to score (0 to 1), at most 16
     * @param options per-call options
     * @return the new record's id and the call's
     * @throws IllegalArgumentException when a name or score cannot be sent
     * @throws io.monago.atrium.errors.AtriumException on any failure (404 for a record this key may not read)
     */
    CompletableFuture<EvaluationReceipt> recordEvaluations(
            String auditId, java.util.Map<String, Double> scores, RequestOptions options);

    /**
     * Records scores with default options; see {@link #recordEvaluations(String, java.util.Map, RequestOptions)}.
     *
     * @param auditId the scored call's audit id
     * @param scores evaluator name to score
     * @return the new record's id and the call's
     */
    default CompletableFuture<EvaluationReceipt> recordEvaluations(
            String auditId, java.util.Map<String, Double> scores) {
        return recordEvaluations(auditId, scores, RequestOptions.none());
    }
}
