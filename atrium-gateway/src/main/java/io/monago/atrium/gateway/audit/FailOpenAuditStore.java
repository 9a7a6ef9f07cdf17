package io.monago.atrium.gateway.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code audit.on_error: fail_open}: a store that never refuses a call. A record its store cannot
 * write is logged as an error, held in memory and reported written; once a second it tries the held
 * records again, oldest first, each marked {@code "written_late": true}, so that an inspector sees
 * which records were not durable when their call was answered. A gateway that stops while the store
 * still fails loses the records it holds, and says how many.
 *
 * <pre>{@code
 * AuditStore store = new FailOpenAuditStore(new SqliteAuditStore(file, json), 100_000);
 * }</pre>
 */
public final class FailOpenAuditStore implements AuditStore {

    private static final Logger LOG = LoggerFactory.getLogger(FailOpenAuditStore.class);

    private final AuditStore store;
    private final int maxHeld;
    private final Deque<AuditEntry> held = new ArrayDeque<>();
    private final ScheduledExecutorService retry;
    private long dropped;

    /**
     * Wraps a store.
     *
     * @param store the store records go to
     * @param maxHeld records held at most while the store fails; beyond, new failures are dropped
     *     (and counted in the log)
     */
    public FailOpenAuditStore(AuditStore store, int maxHeld) {
        this.store = store;
        this.maxHeld = maxHeld;
        this.retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atrium-audit-fail-open");
            t.setDaemon(true);
            return t;
        });
        var unusedSchedule = retry.scheduleWithFixedDelay(this::writeHeld, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<Void> append(AuditEntry record) {
        return store.append(record).exceptionally(e -> {
            hold(record);
            return null;
        });
    }

    private synchronized void hold(AuditEntry record) {
        record.body().put("written_late", true);
        if (held.size() >= maxHeld) {
            dropped++;
            LOG.error(
                    "AUDIT RECORD LOST: the audit store cannot write and {} records are already held"
                            + " (audit.on_error: fail_open); record {} was not kept ({} lost so far)",
                    held.size(),
                    record.auditId(),
                    dropped);
            return;
        }
        held.addLast(record);
        LOG.error(
                "AUDIT STORE FAILING, CALLS ANSWERED WITHOUT A DURABLE RECORD (audit.on_error: fail_open):"
                        + " record {} held in memory to write later, {} held",
                record.auditId(),
                held.size());
    }

    /** {@return how many records are held, not yet written} */
    public synchronized int held() {
        return held.size();
    }

    /** Writes the held records, oldest first, stopping at the first that still fails. */
    private void writeHeld() {
        while (true) {
            AuditEntry next;
            synchronized (this) {
                next = held.peekFirst();
            }
            if (next == null) {
                return;
            }
            try {
                store.append(next).join();
            } catch (RuntimeException e) {
                return;
            }
            int left;
            synchronized (this) {
                held.removeFirst();
                left = held.size();
            }
            LOG.warn("audit record {} written late, {} still held", next.auditId(), left);
        }
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

    /** {@return always true: calls go on while the store fails, which the log says loudly} */
    @Override
    public long batchesWritten() {
        return store.batchesWritten();
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {
        retry.shutdown();
        try {
            retry.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeHeld();
        int left = held();
        if (left > 0) {
            LOG.error("AUDIT RECORDS LOST: the gateway stops with {} records its store could not write", left);
        }
        store.close();
    }
}
