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

    /** {@return whether the store can take writes} */
    boolean isHealthy();

    /** Finishes pending writes, then releases the store. */
    @Override
    void close();
}
