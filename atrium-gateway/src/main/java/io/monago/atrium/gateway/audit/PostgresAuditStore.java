package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit store for several gateways at once: tables in a PostgreSQL schema, one hash chain for
 * all of them.
 *
 * <p>As in {@link SqliteAuditStore}, one writer thread takes every record queued since its last
 * commit and writes them in one transaction (group commit), and each call's future completes only
 * after that commit. The transaction first locks the chain's head row ({@code SELECT ... FOR
 * UPDATE}): appends from every gateway on the store are serialised there, each batch is chained onto
 * the head the previous batch left, and its records take the next places ({@code seq}) with no gap.
 * The lock is held for one batch, so under load many calls share one lock and one commit.
 *
 * <pre>{@code
 * PostgresTarget target = PostgresTarget.of(config.audit());
 * try (AuditStore store = new PostgresAuditStore(target, json, AuditOptions.defaults())) {
 *     store.append(AuditEntry.of(verdict)).join();
 * }
 * }</pre>
 */
public final class PostgresAuditStore implements AuditStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresAuditStore.class);
    private static final int MAX_BATCH = 512;
    /** Records removed per retention transaction: small enough that appends wait little behind it. */
    static final int PRUNE_BATCH = 1_000;

    private static final String LOCK_HEAD =
            "SELECT head_seq, head_audit_id, head_hash, checkpointed, base_records FROM audit_chain WHERE id = 1"
                    + " FOR UPDATE";

    private final PostgresTarget target;
    private final PostgresConnection write;
    private final PostgresConnection read;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    /** Work other than appends (retention) that must run on the writer thread, between batches. */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    private final Thread writer;
    private final ExecutorService reader;
    private final AuditChain chain;
    private final AuditOptions options;
    private volatile boolean open = true;
    private volatile boolean healthy = true;
    /** Transactions that committed appended records: with the records, the mean group-commit batch. */
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Opens the store, creating its schema and tables or bringing them up to date.
     *
     * @param target where the store is
     * @param json the mapper used to render records
     * @param options the chain key and checkpoint interval
     * @throws AuditStoreException when the server cannot be reached or the store prepared, or its
     *     chain was written with another key (or without one)
     */
    public PostgresAuditStore(PostgresTarget target, ObjectMapper json, AuditOptions options) {
        this.target = target;
        this.options = options;
        Connection w = null;
        Connection r = null;
        try {
            w = target.connect();
            PostgresSchema.migrate(w, target.schema());
            checkChain(w);
            this.write = new PostgresConnection(target, w, false);
            r = target.connect();
            this.read = new PostgresConnection(target, r, true);
        } catch (SQLException e) {
            closeQuietly(w);
            closeQuietly(r);
            throw new AuditStoreException(
                    "cannot open the audit store " + target.describe() + ": " + e.getMessage(), e);
        }
        this.chain = new AuditChain(json, AuditChain.GENESIS, options.chainKey());
        this.reader = Executors.newSingleThreadExecutor(t -> daemon(t, "atrium-audit-reader"));
        this.writer = daemon(this::writeLoop, "atrium-audit-writer");
        this.writer.start();
    }

    /**
     * Writes the chain's facts on first open (the first gateway wins a race), then checks that this
     * gateway's key is the one the chain was started with: a key added or removed would make every
     * later record fail to verify, so it stops the start instead.
     */
    private void checkChain(Connection c) throws SQLException {
        Optional<ChainKey> key = options.chainKey();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_chain(id, keyed, key_check,"
                + " base_records, base_hash, head_seq, head_audit_id, head_hash, checkpointed)"
                + " VALUES (1, ?, ?, 0, ?, 0, NULL, ?, 0) ON CONFLICT (id) DO NOTHING")) {
            insert.setBoolean(1, key.isPresent());
            insert.setString(2, key.map(ChainKey::checkValue).orElse(null));
            insert.setString(3, AuditChain.GENESIS);
            insert.setString(4, AuditChain.GENESIS);
            insert.executeUpdate();
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT keyed, key_check FROM audit_chain WHERE id = 1")) {
            rs.next();
            boolean keyed = rs.getBoolean(1);
            Optional<String> keyCheck = Optional.ofNullable(rs.getString(2));
            if (keyed && key.isEmpty()) {
                throw new SQLException("its chain is keyed: set audit.chain_key to the key it was written with");
            }
            if (!keyed && key.isPresent()) {
                throw new SQLException("its chain was written without a chain key: remove audit.chain_key, or"
                        + " start a new store (another audit.schema) for a keyed chain");
            }
            if (keyed && !key.get().matches(keyCheck.orElse(""))) {
                throw new SQLException("audit.chain_key is not the key its chain was written with");
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public CompletableFuture<Void> append(AuditEntry record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!open) {
            done.completeExceptionally(new AuditStoreException("the audit store is closed", null));
            return done;
        }
        queue.add(new PendingAppend(record, done));
        return done;
    }

    private void writeLoop() {
        List<PendingAppend> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                PendingAppend first = queue.poll(100, TimeUnit.MILLISECONDS);
                runTasks();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    /** The chain's head as locked for one transaction. */
    private record Head(long seq, Optional<String> auditId, String hash, long checkpointed, long base) {}

    private static Head lockHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(LOCK_HEAD)) {
            if (!rs.next()) {
                throw new SQLException("the audit chain's head row is missing");
            }
            return new Head(
                    rs.getLong(1), Optional.ofNullable(rs.getString(2)), rs.getString(3), rs.getLong(4), rs.getLong(5));
        }
    }

    private void write(List<PendingAppend> batch) {
        GroupCommit.write(batch, this::commit, LOG);
    }

    /** Writes the batch in one transaction; on failure nothing of it stays. */
    private Optional<Exception> commit(List<PendingAppend> batch) {
        try {
            Connection c = write.get();
            Head head = lockHead(c);
            chain.resetTo(head.hash());
            long seq = head.seq();
            String headId = null;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_records(seq, audit_id, ts, workspace,"
                    + " key_id, decision, status, record, prev_hash, hash, user_id, session_id, model, at_ms)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (PendingAppend p : batch) {
                    AuditEntry e = p.entry();
                    String prev = chain.lastHash();
                    String text = chain.link(e.body());
                    insert.setLong(1, ++seq);
                    insert.setString(2, e.auditId());
                    insert.setString(3, e.timestamp());
                    insert.setString(4, e.workspaceId());
                    insert.setString(5, e.keyId().orElse(null));
                    insert.setString(6, e.decision());
                    insert.setInt(7, e.status());
                    insert.setString(8, text);
                    insert.setString(9, prev);
                    insert.setString(10, chain.lastHash());
                    insert.setString(11, text(e.body(), "user"));
                    insert.setString(12, text(e.body(), "session_id"));
                    insert.setString(13, text(e.body(), "model"));
                    insert.setLong(14, Instant.parse(e.timestamp()).toEpochMilli());
                    insert.addBatch();
                    headId = e.auditId();
                }
                insert.executeBatch();
            }
            ContentTable.write(c, batch);
            long checkpointed = head.checkpointed();
            if (seq - checkpointed >= options.checkpointEvery()) {
                // In the same transaction: a checkpoint never names a record that was not committed.
                writeCheckpoint(c, seq, headId, chain.lastHash());
                checkpointed = seq;
            }
            moveHead(c, seq, headId, chain.lastHash(), checkpointed);
            c.commit();
            batches.incrementAndGet();
            healthy = true;
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            healthy = false;
            write.recover(e);
            return Optional.of(e);
        }
    }

    private static void moveHead(Connection c, long seq, String auditId, String hash, long checkpointed)
            throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE audit_chain SET head_seq = ?, head_audit_id = ?,"
                + " head_hash = ?, checkpointed = ? WHERE id = 1")) {
            up.setLong(1, seq);
            up.setString(2, auditId);
            up.setString(3, hash);
            up.setLong(4, checkpointed);
            up.executeUpdate();
        }
    }

    private void writeCheckpoint(Connection c, long count, String headAuditId, String headHash) throws SQLException {
        ChainCheckpoint cp = ChainCheckpoint.take(
                count,
                headAuditId,
                headHash,
                DateTimeFormatter.ISO_INSTANT.format(options.clock().instant()),
                options.chainKey());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_checkpoints(records, head_audit_id, head_hash, created_at, signature)"
                        + " VALUES (?,?,?,?,?) ON CONFLICT (records) DO UPDATE SET head_audit_id ="
                        + " EXCLUDED.head_audit_id, head_hash = EXCLUDED.head_hash, created_at = EXCLUDED.created_at,"
                        + " signature = EXCLUDED.signature")) {
            insert.setLong(1, cp.records());
            insert.setString(2, cp.headAuditId());
            insert.setString(3, cp.headHash());
            insert.setString(4, cp.createdAt());
            insert.setString(5, cp.signature().orElse(null));
            insert.executeUpdate();
        }
    }

    private static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    @Override
    public CompletableFuture<Long> prune(Instant olderThan) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!open) {
            done.completeExceptionally(new AuditStoreException("the audit store is closed", null));
            return done;
        }
        tasks.add(new Prune(olderThan.toEpochMilli(), done));
        return done;
    }

    /**
     * Removes the oldest records, one batch per turn of the writer so that appends interleave, until
     * the oldest kept record is recent enough.
     */
    private final class Prune implements Runnable {
        private final long cutoffMs;
        private final CompletableFuture<Long> done;
        private long removed;

        Prune(long cutoffMs, CompletableFuture<Long> done) {
            this.cutoffMs = cutoffMs;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                int n = pruneBatch(write.get(), cutoffMs);
                removed += n;
                if (n == PRUNE_BATCH && open) {
                    tasks.add(this);
                } else {
                    done.complete(removed);
                }
            } catch (SQLException | RuntimeException e) {
                write.recover(e);
                LOG.error("audit retention failed: {}", e.getMessage());
                done.completeExceptionally(new AuditStoreException("old audit records could not be removed", e));
            }
        }
    }

    /**
     * Removes up to {@link #PRUNE_BATCH} of the oldest records that arrived before the cutoff, always
     * a prefix of the chain, and moves the chain's base to the last one removed, with a checkpoint at
     * the cut (signed when the chain is keyed), so the chain still verifies from there. It holds the
     * head row like an append, so gateways pruning at once take turns.
     */
    private int pruneBatch(Connection c, long cutoffMs) throws SQLException {
        lockHead(c);
        long lastSeq = -1;
        String lastId = null;
        String lastHash = null;
        int count = 0;
        try (PreparedStatement q =
                c.prepareStatement("SELECT seq, audit_id, hash, at_ms FROM audit_records ORDER BY seq LIMIT ?")) {
            q.setInt(1, PRUNE_BATCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && rs.getLong(4) < cutoffMs) {
                    lastSeq = rs.getLong(1);
                    lastId = rs.getString(2);
                    lastHash = rs.getString(3);
                    count++;
                }
            }
        }
        if (count == 0) {
            c.rollback();
            return 0;
        }
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM audit_content WHERE audit_id IN (SELECT audit_id FROM audit_records WHERE seq <= ?)")) {
            del.setLong(1, lastSeq);
            del.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM audit_records WHERE seq <= ?")) {
            del.setLong(1, lastSeq);
            del.executeUpdate();
        }
        // A record's seq is its place in the chain, so the last one removed counts the records cut.
        try (PreparedStatement up =
                c.prepareStatement("UPDATE audit_chain SET base_records = ?, base_hash = ? WHERE id = 1")) {
            up.setLong(1, lastSeq);
            up.setString(2, lastHash);
            up.executeUpdate();
        }
        writeCheckpoint(c, lastSeq, lastId, lastHash);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM audit_checkpoints WHERE records < ?")) {
            del.setLong(1, lastSeq);
            del.executeUpdate();
        }
        c.commit();
        return count;
    }

    /**
     * Writes a checkpoint at the head at shutdown, once the writer has stopped, so that a cleanly
     * stopped gateway leaves the chain anchored (the head may hold other gateways' records: they are
     * committed, so the checkpoint holds).
     */
    private void finalCheckpoint() {
        try {
            Connection c = write.get();
            Head head = lockHead(c);
            if (head.seq() > head.checkpointed() && head.auditId().isPresent()) {
                writeCheckpoint(c, head.seq(), head.auditId().get(), head.hash());
                moveHead(c, head.seq(), head.auditId().get(), head.hash(), head.seq());
            }
            c.commit();
        } catch (SQLException e) {
            write.recover(e);
            LOG.warn("the closing audit checkpoint could not be written: {}", e.getMessage());
        }
    }

    @Override
    public CompletableFuture<Optional<StoredAudit>> find(String auditId) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        try (PreparedStatement q = read.get()
                                .prepareStatement(
                                        "SELECT workspace, key_id, record FROM audit_records WHERE audit_id = ?")) {
                            q.setString(1, auditId);
                            try (ResultSet rs = q.executeQuery()) {
                                if (!rs.next()) {
                                    return Optional.empty();
                                }
                                return Optional.of(new StoredAudit(
                                        auditId,
                                        rs.getString(1),
                                        Optional.ofNullable(rs.getString(2)),
                                        rs.getString(3)));
                            }
                        }
                    } catch (SQLException e) {
                        read.recover(e);
                        throw new AuditStoreException("the audit store cannot be read", e);
                    }
                },
                reader);
    }

    @Override
    public CompletableFuture<Optional<AuditContent>> findContent(String auditId) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return ContentTable.read(read.get(), auditId);
                    } catch (SQLException e) {
                        read.recover(e);
                        throw new AuditStoreException("the audit store cannot be read", e);
                    }
                },
                reader);
    }

    @Override
    public CompletableFuture<AuditPage> search(AuditQuery query) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return SearchSql.run(read.get(), query, SearchSql.POSTGRES);
                    } catch (SQLException e) {
                        read.recover(e);
                        throw new AuditStoreException("the audit store cannot be read", e);
                    }
                },
                reader);
    }

    /**
     * Counts the transactions that committed appended records since the store was opened; records
     * appended divided by this is the mean group-commit batch (docs/benchmarks.md).
     *
     * @return the count
     */
    @Override
    public long batchesWritten() {
        return batches.get();
    }

    @Override
    public boolean isHealthy() {
        return open && healthy;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!writer.isAlive()) {
            finalCheckpoint();
        }
        reader.shutdown();
        try {
            reader.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        read.close();
        write.close();
        LOG.debug("closed the audit store {}", target.describe());
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the audit store: {}", e.getMessage());
        }
    }
}
