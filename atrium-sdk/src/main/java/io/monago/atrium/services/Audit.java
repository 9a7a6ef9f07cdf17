package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.audit.AuditListParams;
import io.monago.atrium.audit.AuditPage;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.audit.AuditRecords;
import io.monago.atrium.audit.EvaluationReceipt;

/**
 * {@code GET /audit/{id}}, blocking: one call's audit record (admin keys, or the key that made the
 * call).
 *
 * <pre>{@code
 * AuditRecord rec = client.audit().retrieve("audit-0193c1a2-...");
 * }</pre>
 */
public interface Audit {

    /**
     * Reads an audit record.
     *
     * @param auditId the id from {@code X-Monago-Audit-Id}
     * @return the record
     * @throws io.monago.atrium.errors.AtriumException on any failure (a 404 for an unknown id)
     * @throws IllegalArgumentException when the id is blank
     */
    default AuditRecord retrieve(String auditId) {
        return retrieve(auditId, RequestOptions.none());
    }

    /**
     * Reads an audit record with per-call options.
     *
     * @param auditId the id
     * @param options per-call options
     * @return the record
     * @throws io.monago.atrium.errors.AtriumException on any failure
     * @throws IllegalArgumentException when the id is blank
     */
    AuditRecord retrieve(String auditId, RequestOptions options);

    /**
     * Reads one page of an audit search ({@code GET /audit}).
     *
     * @param params the filters, with the cursor of the page before for later pages
     * @param options per-call options
     * @return the page
     * @throws io.monago.atrium.errors.AtriumException on any failure (400 for a bad filter)
     */
    AuditPage listPage(AuditListParams params, RequestOptions options);

    /**
     * Every record a search matches, newest first, fetching further pages as iteration needs them.
     *
     * @param params the filters
     * @return the records
     */
    default AuditRecords list(AuditListParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * Every record a search matches, with per-call options for each page's call.
     *
     * @param params the filters
     * @param options per-call options
     * @return the records
     */
    default AuditRecords list(AuditListParams params, RequestOptions options) {
        return new AuditRecords(params, p -> listPage(p, options));
    }

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
    EvaluationReceipt recordEvaluations(String auditId, java.util.Map<String, Double> scores, RequestOptions options);

    /**
     * Records scores with default options; see {@link #recordEvaluations(String, java.util.Map, RequestOptions)}.
     *
     * @param auditId the scored call's audit id
     * @param scores evaluator name to score
     * @return the new record's id and the call's
     */
    default EvaluationReceipt recordEvaluations(String auditId, java.util.Map<String, Double> scores) {
        return recordEvaluations(auditId, scores, RequestOptions.none());
    }
}
