package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.audit.AuditRecord;

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
}
