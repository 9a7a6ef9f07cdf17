package io.monago.atrium.gateway.audit;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where audit records are kept. Appends are durable when their future completes: the gateway
 * answers a call only after that. Implementations do their blocking I/O on their own threads and
 * never on the caller's.
 */
public interface AuditStore extends AutoCloseable {

    /**
     * Appends a record, chaining it to the one before.
     *
     * @param record the record
     * @return completes once the record is durable; fails if it could not be stored
     */
    CompletableFuture<Void> append(AuditEntry record);

    /**
     * Reads a record.
     *
     * @param auditId its id
     * @return the stored record, or empty
     */
    CompletableFuture<Optional<StoredAudit>> find(String auditId);

    /**
     * Reads the redacted prompt and answer kept beside a record, for workspaces that opt in.
     *
     * @param auditId the record's id
     * @return the content, or empty when none was kept (or the record is gone)
     */
    CompletableFuture<Optional<AuditContent>> findContent(String auditId);

    /**
     * Searches one workspace's records, newest first.
     *
     * @param query the filters, page size and cursor
     * @return one page
     */
    CompletableFuture<AuditPage> search(AuditQuery query);

    /**
     * Removes the records that arrived before a time, oldest first, keeping the chain verifiable from
     * the cut ({@code audit.retention_days}).
     *
     * @param olderThan records that arrived before this are removed
     * @return the number of records removed
     */
    CompletableFuture<Long> prune(java.time.Instant olderThan);

    /**
     * Counts the transactions that committed appended records since the store was opened; records
     * appended divided by this is the mean group-commit batch ({@code atrium_audit_batches_total}).
     *
     * @return the count; 0 for a store that does not batch
     */
    default long batchesWritten() {
        return 0;
    }

    /** {@return whether the store can take writes} */
    boolean isHealthy();

    /** Finishes pending writes, then releases the store. */
    @Override
    void close();
}
