package io.monago.atrium.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.audit.AuditOptions;
import io.monago.atrium.gateway.audit.SqliteAuditStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures how long one call waits for its audit record to be durable when calls come one at a
 * time (the moderate-load case, where every commit holds one record): one caller appends a record
 * to the SQLite store, waits until it is committed, appends the next. Prints p50, p99, p99.9 and the
 * longest wait, and the process's CPU time per record. A slow commit every few hundred records (the
 * WAL copied back into the database file in the committing transaction) shows as a p99.9 and max far
 * above the median.
 *
 * <p>Run: {@code java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.AuditLatencyRun
 * [seconds] [rounds]}.
 */
public final class AuditLatencyRun {

    private AuditLatencyRun() {}

    /**
     * Runs the measurement.
     *
     * @param args seconds per round (default 10) and rounds (default 3), after a 3 s warm-up
     * @throws Exception when the store cannot be opened
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("atrium-audit-latency");
        try (SqliteAuditStore store =
                new SqliteAuditStore(dir.resolve("audit.db"), new ObjectMapper(), AuditOptions.defaults())) {
            long[] ids = {0};
            round(store, Math.min(3, seconds), ids);
            for (int r = 0; r < rounds; r++) {
                Histogram waits = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                long cpu = processCpuNanos();
                long records = round(store, seconds, ids, waits);
                double cpuPerRecord = (processCpuNanos() - cpu) / 1e3 / records;
                System.out.printf(
                        Locale.ROOT,
                        "round %d: %d records one at a time, wait until durable p50 %.3f p99 %.3f p99.9 %.3f max %.3f"
                                + " ms; process CPU %.0f us/record%n",
                        r + 1,
                        records,
                        waits.getValueAtPercentile(50) / 1e6,
                        waits.getValueAtPercentile(99) / 1e6,
                        waits.getValueAtPercentile(99.9) / 1e6,
                        waits.getMaxValue() / 1e6,
                        cpuPerRecord);
            }
            System.out.printf(Locale.ROOT, "records appended in all, warm-up included: %d%n", ids[0]);
        }
    }

    private static long round(SqliteAuditStore store, int seconds, long[] ids) {
        return round(store, seconds, ids, new Histogram(TimeUnit.SECONDS.toNanos(10), 3));
    }

    private static long round(SqliteAuditStore store, int seconds, long[] ids, Histogram waits) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long records = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            store.append(AuditWriteRun.record(++ids[0])).join();
            waits.recordValue(Math.min(System.nanoTime() - start, waits.getHighestTrackableValue()));
            records++;
        }
        return records;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
