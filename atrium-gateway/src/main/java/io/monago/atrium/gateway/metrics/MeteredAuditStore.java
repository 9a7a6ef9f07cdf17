package io.monago.atrium.gateway.metrics;

import io.monago.atrium.gateway.audit.AuditContent;
import io.monago.atrium.gateway.audit.AuditEntry;
import io.monago.atrium.gateway.audit.AuditPage;
import io.monago.atrium.gateway.audit.AuditQuery;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.StoredAudit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * An audit store that times each append from the caller's side (queueing, the group commit, the
 * sync) and reports it to {@link GatewayMetrics}; everything else passes straight through.
 */
public final class MeteredAuditStore implements AuditStore {

    private final AuditStore store;
    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    /**
     * Wraps a store.
     *
     * @param store the store
     * @param metrics where append times go
     * @param nanoTime the monotonic clock
     */
    public MeteredAuditStore(AuditStore store, GatewayMetrics metrics, LongSupplier nanoTime) {
        this.store = store;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        metrics.auditBatches(store::batchesWritten);
    }

    @Override
    public CompletableFuture<Void> append(AuditEntry record) {
        long start = nanoTime.getAsLong();
        return store.append(record)
                .whenComplete((ok, failure) ->
                        metrics.auditWrite(Duration.ofNanos(nanoTime.getAsLong() - start), failure == null));
    }

    @Override
    public CompletableFuture<Optional<StoredAudit>> find(String auditId) {
        return store.find(auditId);
    }

    @Override
    public CompletableFuture<Optional<AuditContent>> findContent(String auditId) {
        return store.findContent(auditId);
    }

    @Override
    public CompletableFuture<AuditPage> search(AuditQuery query) {
        return store.search(query);
    }

    @Override
    public CompletableFuture<Long> prune(Instant olderThan) {
        return store.prune(olderThan);
    }

    @Override
    public long batchesWritten() {
        return store.batchesWritten();
    }

    @Override
    public boolean isHealthy() {
        return store.isHealthy();
    }

    @Override
    public void close() {
        store.close();
    }
}
