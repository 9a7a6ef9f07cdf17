package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded audit store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a
 * committed record survives a crash of the process or the machine.
 *
 * <p>One writer thread owns the write connection and the hash chain. It takes every record queued
 * since its last commit and writes them in one transaction (group commit): under load many calls
 * share one fsync, and each call's future completes only after the commit that holds it. Reads use
 * a second connection on their own thread, which WAL lets run beside the writer.
 */
public final class SqliteAuditStore implements AuditStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteAuditStore.class);
    private static final int MAX_BATCH = 512;
    /** Records removed per retention transaction: small enough that appends wait little behind it. */
    static final int PRUNE_BATCH = 1_000;
    /**
     * WAL pages after which the writer copies the WAL back into the database file itself. A safety
     * net only: the WAL thread copies it back within {@link #WAL_COPY_EVERY_MS}, so the committing
     * writer (and the calls waiting on it) never pays for copying a thousand pages and an extra
     * fsync, which SQLite's default (1,000 pages) made one single-record commit in 30 to 60 do.
     */
    static final int WRITER_WAL_PAGES = 20_000;
    /** How often the WAL thread copies committed pages back into the database file, when there are new ones. */
    static final long WAL_COPY_EVERY_MS = 100;

    private final Connection writeConnection;
    private final Connection readConnection;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    /** Work other than appends (retention) that must run on the writer thread, between batches. */
    private final java.util.Queue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final Thread writer;
    private final ExecutorService reader;
    /** Its own connection, so that copying the WAL back runs beside the writer's commits. */
    private final Connection walConnection;

    private final ScheduledExecutorService walCopier;
    /** The commits the WAL thread last saw: it copies only when there were more (WAL thread only). */
    private long batchesCopied;

    private final java.util.concurrent.atomic.AtomicLong walCopies = new java.util.concurrent.atomic.AtomicLong();
    private final AuditChain chain;
    private final AuditOptions options;
    /** The writer's prepared record insert (writer thread only). */
    private PreparedStatement insertRecord;

    private long records;
    private long checkpointed;
    private volatile boolean open = true;
    private volatile boolean healthy = true;
    /** Transactions that committed appended records: with the records, the mean group-commit batch. */
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Opens (and if needed creates) an unkeyed store with default checkpoints.
     *
     * @param file the SQLite file
     * @param json the mapper used to render records
     * @throws AuditStoreException when the file cannot be opened or prepared
     */
    public SqliteAuditStore(Path file, ObjectMapper json) {
        this(file, json, AuditOptions.defaults());
    }

    /**
     * Opens (and if needed creates) the store, bringing its schema up to date.
     *
     * @param file the SQLite file
     * @param json the mapper used to render records
     * @param options the chain key and checkpoint interval
     * @throws AuditStoreException when the file cannot be opened or prepared, or its chain was
     *     written with another key (or without one)
     */
    public SqliteAuditStore(Path file, ObjectMapper json, AuditOptions options) {
        this.options = options;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            this.writeConnection = DriverManager.getConnection(url);
            try (Statement s = writeConnection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA wal_autocheckpoint=" + WRITER_WAL_PAGES);
            }
            SqliteSchema.migrate(writeConnection);
            ChainInfo info = chainInfo();
            this.records = info.baseRecords() + count("SELECT COUNT(*) FROM audit_records");
            this.checkpointed = count("SELECT COALESCE(MAX(records), 0) FROM audit_checkpoints");
            this.chain = new AuditChain(json, lastHash(info), options.chainKey());
            writeConnection.setAutoCommit(false);
            this.readConnection = DriverManager.getConnection(url);
            try (Statement s = readConnection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
            }
            this.walConnection = DriverManager.getConnection(url);
            try (Statement s = walConnection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA synchronous=FULL");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new AuditStoreException("cannot open the audit store " + file + ": " + e.getMessage(), e);
        }
        this.reader = Executors.newSingleThreadExecutor(r -> daemon(r, "atrium-audit-reader"));
        this.writer = daemon(this::writeLoop, "atrium-audit-writer");
        this.writer.start();
        this.walCopier = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "atrium-audit-wal"));
        var unusedSchedule = this.walCopier.scheduleWithFixedDelay(
                this::copyWalBack, WAL_COPY_EVERY_MS, WAL_COPY_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Copies committed pages from the WAL back into the database file (a passive checkpoint: it never
     * waits for the writer or for readers, and takes what is committed). Durability does not depend on
     * it: a commit is durable once its WAL frames are synced, before its callers hear of it.
     */
    private void copyWalBack() {
        long committed = batches.get();
        if (committed == batchesCopied) {
            return;
        }
        try (Statement s = walConnection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            batchesCopied = committed;
            walCopies.incrementAndGet();
        } catch (SQLException e) {
            LOG.warn("copying the audit WAL back into the database file failed (the writer will): {}", e.getMessage());
        }
    }

    /**
     * Counts the times the WAL thread copied committed pages back into the database file since the
     * store was opened (docs/benchmarks.md).
     *
     * @return the number of copies
     */
    public long walCopies() {
        return walCopies.get();
    }

    /**
     * Reads the chain's facts, writing them on first open. A chain keeps the algorithm it was started
     * with: a key added to (or removed from) an existing chain would make every later record fail to
     * verify, so it stops the start instead.
     */
    private ChainInfo chainInfo() throws SQLException {
        Optional<ChainKey> key = options.chainKey();
        try (Statement s = writeConnection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT keyed, key_check, base_records, base_hash FROM audit_chain WHERE id = 1")) {
            if (rs.next()) {
                ChainInfo info = new ChainInfo(
                        rs.getInt(1) != 0, Optional.ofNullable(rs.getString(2)), rs.getLong(3), rs.getString(4));
                if (info.keyed() && key.isEmpty()) {
                    throw new SQLException("its chain is keyed: set audit.chain_key to the key it was written with");
                }
                if (!info.keyed() && key.isPresent()) {
                    throw new SQLException("its chain was written without a chain key: remove audit.chain_key, or"
                            + " start a new store (another audit.sqlite_path) for a keyed chain");
                }
                if (info.keyed() && !key.get().matches(info.keyCheck().orElse(""))) {
                    throw new SQLException("audit.chain_key is not the key its chain was written with");
                }
                return info;
            }
        }
        if (key.isPresent() && count("SELECT COUNT(*) FROM audit_records") > 0) {
            throw new SQLException("its chain was written without a chain key: remove audit.chain_key, or"
                    + " start a new store (another audit.sqlite_path) for a keyed chain");
        }
        try (PreparedStatement insert = writeConnection.prepareStatement(
                "INSERT INTO audit_chain(id, keyed, key_check, base_records, base_hash) VALUES (1, ?, ?, 0, ?)")) {
            insert.setInt(1, key.isPresent() ? 1 : 0);
            insert.setString(2, key.map(ChainKey::checkValue).orElse(null));
            insert.setString(3, AuditChain.GENESIS);
            insert.executeUpdate();
        }
        return new ChainInfo(key.isPresent(), key.map(ChainKey::checkValue), 0, AuditChain.GENESIS);
    }

    private long count(String sql) throws SQLException {
        try (Statement s = writeConnection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private String lastHash(ChainInfo info) throws SQLException {
        try (Statement s = writeConnection.createStatement();
                ResultSet rs = s.executeQuery("SELECT hash FROM audit_records ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : info.baseHash();
        }
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

    private void write(List<PendingAppend> batch) {
        GroupCommit.write(batch, this::commit, LOG);
    }

    /** Writes the batch in one transaction; on failure nothing of it stays and the chain is as before. */
    private Optional<Exception> commit(List<PendingAppend> batch) {
        String chainStart = chain.lastHash();
        long recordsBefore = records;
        try {
            PreparedStatement insert = insertStatement();
            String headId = null;
            for (PendingAppend p : batch) {
                AuditEntry e = p.entry();
                String prev = chain.lastHash();
                String text = chain.link(e.body());
                insert.setString(1, e.auditId());
                insert.setString(2, e.timestamp());
                insert.setString(3, e.workspaceId());
                insert.setString(4, e.keyId().orElse(null));
                insert.setString(5, e.decision());
                insert.setInt(6, e.status());
                insert.setString(7, text);
                insert.setString(8, prev);
                insert.setString(9, chain.lastHash());
                insert.setString(10, text(e.body(), "user"));
                insert.setString(11, text(e.body(), "session_id"));
                insert.setString(12, text(e.body(), "model"));
                insert.setLong(13, java.time.Instant.parse(e.timestamp()).toEpochMilli());
                insert.addBatch();
                headId = e.auditId();
                records++;
            }
            insert.executeBatch();
            ContentTable.write(writeConnection, batch);
            if (records - checkpointed >= options.checkpointEvery()) {
                // In the same transaction: a checkpoint never names a record that was not committed.
                insertCheckpoint(headId);
            }
            writeConnection.commit();
            batches.incrementAndGet();
            healthy = true;
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            healthy = false;
            chain.resetTo(chainStart);
            records = recordsBefore;
            checkpointed = Math.min(checkpointed, recordsBefore);
            try {
                if (insertRecord != null) {
                    insertRecord.clearBatch();
                }
                writeConnection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            return Optional.of(e);
        }
    }

    /**
     * The record insert, prepared once for the writer's connection: preparing it for every commit
     * was a parse of the statement per call when calls come one at a time (writer thread only).
     */
    private PreparedStatement insertStatement() throws SQLException {
        if (insertRecord == null) {
            insertRecord = writeConnection.prepareStatement(
                    "INSERT INTO audit_records(audit_id, ts, workspace, key_id, decision, status, record, prev_hash,"
                            + " hash, user_id, session_id, model, at_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        return insertRecord;
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    @Override
    public CompletableFuture<Long> prune(java.time.Instant olderThan) {
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
                int n = pruneBatch(cutoffMs);
                removed += n;
                if (n == PRUNE_BATCH && open) {
                    tasks.add(this);
                } else {
                    done.complete(removed);
                }
            } catch (SQLException | RuntimeException e) {
                try {
                    writeConnection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                LOG.error("audit retention failed: {}", e.getMessage());
                done.completeExceptionally(new AuditStoreException("old audit records could not be removed", e));
            }
        }
    }

    /**
     * Removes up to {@link #PRUNE_BATCH} of the oldest records that arrived before the cutoff, always
     * a prefix of the chain, and moves the chain's base to the last one removed: the first kept
     * record's {@code prev_hash} then names the base, and a checkpoint at the cut (signed when the
     * chain is keyed) anchors it, so the chain still verifies from there.
     */
    private int pruneBatch(long cutoffMs) throws SQLException {
        long lastSeq = -1;
        String lastId = null;
        String lastHash = null;
        int count = 0;
        try (PreparedStatement q = writeConnection.prepareStatement(
                "SELECT seq, audit_id, hash, at_ms FROM audit_records ORDER BY seq LIMIT ?")) {
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
            return 0;
        }
        long base;
        try (Statement s = writeConnection.createStatement();
                ResultSet rs = s.executeQuery("SELECT base_records FROM audit_chain WHERE id = 1")) {
            base = rs.next() ? rs.getLong(1) : 0;
        }
        long newBase = base + count;
        try (PreparedStatement del = writeConnection.prepareStatement(
                "DELETE FROM audit_content WHERE audit_id IN (SELECT audit_id FROM audit_records WHERE seq <= ?)")) {
            del.setLong(1, lastSeq);
            del.executeUpdate();
        }
        try (PreparedStatement del = writeConnection.prepareStatement("DELETE FROM audit_records WHERE seq <= ?")) {
            del.setLong(1, lastSeq);
            del.executeUpdate();
        }
        try (PreparedStatement up = writeConnection.prepareStatement(
                "UPDATE audit_chain SET base_records = ?, base_hash = ? WHERE id = 1")) {
            up.setLong(1, newBase);
            up.setString(2, lastHash);
            up.executeUpdate();
        }
        writeCheckpoint(newBase, lastId, lastHash);
        try (PreparedStatement del =
                writeConnection.prepareStatement("DELETE FROM audit_checkpoints WHERE records < ?")) {
            del.setLong(1, newBase);
            del.executeUpdate();
        }
        writeConnection.commit();
        return count;
    }

    private static String text(com.fasterxml.jackson.databind.node.ObjectNode body, String field) {
        com.fasterxml.jackson.databind.JsonNode v = body.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private void insertCheckpoint(String headAuditId) throws SQLException {
        writeCheckpoint(records, headAuditId, chain.lastHash());
        checkpointed = records;
    }

    private void writeCheckpoint(long count, String headAuditId, String headHash) throws SQLException {
        ChainCheckpoint cp = ChainCheckpoint.take(
                count,
                headAuditId,
                headHash,
                java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                        options.clock().instant()),
                options.chainKey());
        try (PreparedStatement insert = writeConnection.prepareStatement(
                "INSERT OR REPLACE INTO audit_checkpoints(records, head_audit_id, head_hash, created_at, signature)"
                        + " VALUES (?,?,?,?,?)")) {
            insert.setLong(1, cp.records());
            insert.setString(2, cp.headAuditId());
            insert.setString(3, cp.headHash());
            insert.setString(4, cp.createdAt());
            insert.setString(5, cp.signature().orElse(null));
            insert.executeUpdate();
        }
    }

    /**
     * Writes a checkpoint at the head at shutdown, once the writer has stopped, so that a cleanly
     * stopped gateway leaves its whole chain anchored.
     */
    private void finalCheckpoint() {
        if (records == checkpointed) {
            return;
        }
        try {
            Optional<String> head = headAuditId();
            if (head.isPresent()) {
                insertCheckpoint(head.get());
                writeConnection.commit();
            }
        } catch (SQLException e) {
            LOG.warn("the closing audit checkpoint could not be written: {}", e.getMessage());
        }
    }

    private Optional<String> headAuditId() throws SQLException {
        try (Statement s = writeConnection.createStatement();
                ResultSet rs = s.executeQuery("SELECT audit_id FROM audit_records ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    @Override
    public CompletableFuture<Optional<StoredAudit>> find(String auditId) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (PreparedStatement q = readConnection.prepareStatement(
                            "SELECT workspace, key_id, record FROM audit_records WHERE audit_id = ?")) {
                        q.setString(1, auditId);
                        try (ResultSet rs = q.executeQuery()) {
                            if (!rs.next()) {
                                return Optional.empty();
                            }
                            return Optional.of(new StoredAudit(
                                    auditId, rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getString(3)));
                        }
                    } catch (SQLException e) {
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
                        return ContentTable.read(readConnection, auditId);
                    } catch (SQLException e) {
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
                        return SearchSql.run(readConnection, query, SearchSql.SQLITE);
                    } catch (SQLException e) {
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
        walCopier.shutdown();
        try {
            walCopier.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(walConnection);
        reader.shutdown();
        try {
            reader.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(readConnection);
        if (insertRecord != null) {
            try {
                insertRecord.close();
            } catch (SQLException e) {
                LOG.warn("closing the audit insert failed: {}", e.getMessage());
            }
        }
        closeQuietly(writeConnection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the audit store: {}", e.getMessage());
        }
    }
}
