package io.monago.atrium.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.audit.AuditEntry;
import io.monago.atrium.gateway.audit.AuditOptions;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.PostgresAuditStore;
import io.monago.atrium.gateway.audit.PostgresTarget;
import io.monago.atrium.gateway.audit.SqliteAuditStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures the audit stores' write throughput: {@code C} callers each append a record, wait until
 * it is durable and append the next, for a few seconds, as {@code C} concurrent calls would. Prints
 * records per second, the mean group-commit batch (records per commit) and, after all runs, the bytes
 * a record takes with its indexes. SQLite writes to a temporary file; PostgreSQL to a schema of its
 * own in the database given, dropped at the end.
 *
 * <pre>
 * java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.AuditWriteRun \
 *     [jdbc:postgresql://127.0.0.1:5432/test] [user] [seconds]
 * </pre>
 */
public final class AuditWriteRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CALLERS = {1, 16, 64, 256};

    private AuditWriteRun() {}

    /**
     * Runs every store at every concurrency and prints the table.
     *
     * @param args the PostgreSQL URL, its user, and the seconds each run lasts (all optional)
     * @throws Exception when a store cannot be opened
     */
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = args.length > 1 ? args[1] : "postgres";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("atrium-audit-bench");
        String schema = "atrium_bench_" + Long.toHexString(System.nanoTime());
        PostgresTarget target = PostgresTarget.of(url, Optional.of(schema), Optional.of(user), Optional.empty());
        System.out.printf(Locale.ROOT, "%-10s %7s %12s %14s%n", "store", "callers", "records/s", "records/commit");
        AtomicLong ids = new AtomicLong();
        try {
            for (int callers : CALLERS) {
                Path file = dir.resolve("audit-" + callers + ".db");
                run("SQLite", callers, seconds, ids, () -> new SqliteAuditStore(file, JSON, AuditOptions.defaults()));
            }
            for (int callers : CALLERS) {
                run(
                        "PostgreSQL",
                        callers,
                        seconds,
                        ids,
                        () -> new PostgresAuditStore(target, JSON, AuditOptions.defaults()));
            }
            for (int callers : CALLERS) {
                twoGateways(callers, seconds, ids, target);
            }
            sizes(dir.resolve("audit-" + CALLERS[CALLERS.length - 1] + ".db"), target);
        } finally {
            try (Connection c = target.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void run(String name, int callers, int seconds, AtomicLong ids, Supplier<AuditStore> open)
            throws InterruptedException {
        try (AuditStore store = open.get()) {
            // Warm up: JIT, connections, the first pages of the file or table.
            drive(store, callers, 1, ids);
            long batchesBefore = batches(store);
            long start = System.nanoTime();
            long records = drive(store, callers, seconds, ids);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long batches = batches(store) - batchesBefore;
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %7d %12.0f %14.1f%n",
                    name,
                    callers,
                    records / elapsed,
                    (double) records / Math.max(1, batches));
        }
    }

    /** Two stores (two gateways) on one schema, the callers split between them, one chain. */
    private static void twoGateways(int callers, int seconds, AtomicLong ids, PostgresTarget target)
            throws InterruptedException {
        try (AuditStore a = new PostgresAuditStore(target, JSON, AuditOptions.defaults());
                AuditStore b = new PostgresAuditStore(target, JSON, AuditOptions.defaults())) {
            both(a, b, Math.max(1, callers / 2), 1, ids);
            long batchesBefore = batches(a) + batches(b);
            long start = System.nanoTime();
            long records = both(a, b, Math.max(1, callers / 2), seconds, ids);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long batches = batches(a) + batches(b) - batchesBefore;
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %7d %12.0f %14.1f%n",
                    "PG x2",
                    2 * Math.max(1, callers / 2),
                    records / elapsed,
                    (double) records / Math.max(1, batches));
        }
    }

    private static long both(AuditStore a, AuditStore b, int callersEach, int seconds, AtomicLong ids)
            throws InterruptedException {
        CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> {
            try {
                return drive(b, callersEach, seconds, ids);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        return drive(a, callersEach, seconds, ids) + other.join();
    }

    private static long batches(AuditStore store) {
        return store instanceof SqliteAuditStore s ? s.batchesWritten() : ((PostgresAuditStore) store).batchesWritten();
    }

    private static long drive(AuditStore store, int callers, int seconds, AtomicLong ids) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            CompletableFuture<Void> loop = new CompletableFuture<>();
            next(store, ids, stop, written, loop);
            loops.add(loop);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        return written.get();
    }

    /** One caller: appends, and when the record is durable, appends the next until told to stop. */
    private static void next(
            AuditStore store, AtomicLong ids, AtomicBoolean stop, AtomicLong written, CompletableFuture<Void> loop) {
        if (stop.get()) {
            loop.complete(null);
            return;
        }
        var unusedDone = store.append(record(ids.incrementAndGet())).whenComplete((v, e) -> {
            if (e != null) {
                loop.completeExceptionally(e);
                return;
            }
            written.incrementAndGet();
            next(store, ids, stop, written, loop);
        });
    }

    /** A record shaped as the gateway writes one for an ordinary call with one PII finding. */
    static AuditEntry record(long n) {
        String id = String.format(Locale.ROOT, "audit-0195f3a2-%012d", n);
        String ts = Instant.now().toString();
        ObjectNode o = JSON.createObjectNode();
        o.put("audit_id", id);
        o.put("timestamp", ts);
        o.put("workspace", "default");
        o.put("key_id", "app-" + (n % 8));
        o.put("user", "dr-" + (n % 500));
        o.put("session_id", "ward-" + (n % 50));
        o.putObject("metadata").put("department", n % 2 == 0 ? "paru" : "jantung");
        o.put("model", "gpt-5.4-mini");
        o.put("provider", "openai");
        o.put("decision", "allowed");
        o.putNull("block_reason");
        o.put("status_code", 200);
        o.putNull("error_code");
        o.put("pii_detected", true);
        o.putArray("pii_redacted").add("NIK");
        o.putObject("pii_input").put("NIK", 1);
        o.putObject("pii_output");
        o.putArray("security_incidents");
        o.putArray("matched_rules").add("pii.NIK.redact");
        o.put("policy_version", "sha256:3f2a9c1b");
        ObjectNode usage = o.putObject("usage");
        usage.put("prompt_tokens", 412);
        usage.put("completion_tokens", 187);
        usage.put("total_tokens", 599);
        o.put("cost_idr", 5.61);
        o.put("latency_ms", 1834);
        o.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        o.putNull("idempotency_key");
        o.putNull("stream");
        ObjectNode attempt = o.putArray("attempts").addObject();
        attempt.put("provider", "openai");
        attempt.put("outcome", "ok");
        attempt.put("status", 200);
        attempt.put("latency_ms", 1829);
        return new AuditEntry(id, "default", Optional.of("app-" + (n % 8)), "allowed", 200, ts, o);
    }

    private static void sizes(Path sqliteFile, PostgresTarget target) throws SQLException, java.io.IOException {
        long sqliteRecords;
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            sqliteRecords = count(s, "SELECT COUNT(*) FROM audit_records");
        }
        long sqliteBytes;
        try {
            sqliteBytes = Files.size(sqliteFile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        long pgRecords;
        long pgBytes;
        long pgHeap;
        try (Connection c = target.connect();
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE audit_records");
            pgRecords = count(s, "SELECT COUNT(*) FROM audit_records");
            pgBytes = count(s, "SELECT pg_total_relation_size('audit_records')");
            pgHeap = count(s, "SELECT pg_relation_size('audit_records')");
        }
        System.out.printf(
                Locale.ROOT,
                "%nrecord JSON as stored: about %d bytes%n",
                JSON.writeValueAsString(record(1).body()).length() + 150);
        System.out.printf(
                Locale.ROOT,
                "SQLite:     %d records, %d bytes (whole file), %.0f bytes/record%n",
                sqliteRecords,
                sqliteBytes,
                (double) sqliteBytes / sqliteRecords);
        System.out.printf(
                Locale.ROOT,
                "PostgreSQL: %d records, %d bytes (table, TOAST and indexes), %.0f bytes/record (%.0f without"
                        + " indexes)%n",
                pgRecords,
                pgBytes,
                (double) pgBytes / pgRecords,
                (double) pgHeap / pgRecords);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
