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

    private final Connection writeConnection;
    private final Connection readConnection;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ExecutorService reader;
    private final AuditChain chain;
    private volatile boolean open = true;
    private volatile boolean healthy = true;

    /**
     * Opens (and if needed creates) the store.
     *
     * @param file the SQLite file
     * @param json the mapper used to render records
     * @throws AuditStoreException when the file cannot be opened or prepared
     */
    public SqliteAuditStore(Path file, ObjectMapper json) {
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
                s.execute("CREATE TABLE IF NOT EXISTS audit_records ("
                        + "seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + "audit_id TEXT NOT NULL UNIQUE,"
                        + "ts TEXT NOT NULL,"
                        + "workspace TEXT NOT NULL,"
                        + "key_id TEXT,"
                        + "decision TEXT NOT NULL,"
                        + "status INTEGER NOT NULL,"
                        + "record TEXT NOT NULL,"
                        + "prev_hash TEXT NOT NULL,"
                        + "hash TEXT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS audit_records_ws_ts ON audit_records(workspace, ts)");
            }
            this.chain = new AuditChain(json, lastHash());
            writeConnection.setAutoCommit(false);
            this.readConnection = DriverManager.getConnection(url);
            try (Statement s = readConnection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new AuditStoreException("cannot open the audit store " + file + ": " + e.getMessage(), e);
        }
        this.reader = Executors.newSingleThreadExecutor(r -> daemon(r, "atrium-audit-reader"));
        this.writer = daemon(this::writeLoop, "atrium-audit-writer");
        this.writer.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private String lastHash() throws SQLException {
        try (Statement s = writeConnection.createStatement();
                ResultSet rs = s.executeQuery("SELECT hash FROM audit_records ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : AuditChain.GENESIS;
        }
    }

    @Override
    public CompletableFuture<Void> append(AuditEntry record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!open) {
            done.completeExceptionally(new AuditStoreException("the audit store is closed", null));
            return done;
        }
        queue.add(new Pending(record, done));
        return done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
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

    private void write(List<Pending> batch) {
        String chainStart = chain.lastHash();
        try (PreparedStatement insert = writeConnection.prepareStatement(
                "INSERT INTO audit_records(audit_id, ts, workspace, key_id, decision, status, record, prev_hash, hash)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (Pending p : batch) {
                AuditEntry e = p.entry;
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
                insert.addBatch();
            }
            insert.executeBatch();
            writeConnection.commit();
            healthy = true;
            for (Pending p : batch) {
                p.done.complete(null);
            }
        } catch (SQLException | RuntimeException e) {
            healthy = false;
            chain.resetTo(chainStart);
            try {
                writeConnection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            LOG.error("audit write of {} record(s) failed: {}", batch.size(), e.getMessage());
            AuditStoreException failure = new AuditStoreException("the audit record could not be stored", e);
            for (Pending p : batch) {
                p.done.completeExceptionally(failure);
            }
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
        reader.shutdown();
        try {
            reader.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(readConnection);
        closeQuietly(writeConnection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the audit store: {}", e.getMessage());
        }
    }

    private record Pending(AuditEntry entry, CompletableFuture<Void> done) {}
}
