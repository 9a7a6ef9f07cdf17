package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.audit.AuditRecord;
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
}
