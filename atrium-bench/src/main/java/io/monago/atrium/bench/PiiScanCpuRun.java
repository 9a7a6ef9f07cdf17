package io.monago.atrium.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link PiiScanBenchmark}'s inputs timed by the CPU time of the thread that scans them, which a
 * machine busy with other work inflates far less than elapsed time: the cross-check of the JMH
 * figures when the machine cannot be had to oneself. Each input is warmed up for three CPU seconds,
 * then scanned in rounds of about one CPU second; the median round is printed as MB per CPU second.
 *
 * <pre>
 * java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.PiiScanCpuRun [input...]
 * </pre>
 */
public final class PiiScanCpuRun {
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 7;
    private static final List<String> DEFAULT_INPUTS =
            List.of("mixed-16k", "mixed-1m", "capitalised-1m", "titles-1m", "address-list-1m", "phone-list-1m");

    private PiiScanCpuRun() {}

    /**
     * Times each input.
     *
     * @param args the inputs ({@link PiiScanBenchmark#input} values); the name-heavy ones and mixed
     *     text by default
     */
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> inputs = args.length > 0 ? List.of(args) : DEFAULT_INPUTS;
        long sink = 0;
        for (String input : inputs) {
            PiiScanBenchmark bench = new PiiScanBenchmark();
            bench.input = input;
            bench.setup();
            int bytes = bench.bytes();
            long warm = threads.getCurrentThreadCpuTime() + WARM_UP_NANOS;
            while (threads.getCurrentThreadCpuTime() < warm) {
                sink += bench.scan();
            }
            double[] mbPerSecond = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long start = threads.getCurrentThreadCpuTime();
                long scans = 0;
                long used;
                do {
                    sink += bench.scan();
                    scans++;
                    used = threads.getCurrentThreadCpuTime() - start;
                } while (used < ROUND_NANOS);
                mbPerSecond[r] = scans * (bytes / 1e6) / (used / 1e9);
            }
            Arrays.sort(mbPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %7.1f MB per CPU second (median of %d rounds; checksum %d)%n",
                    input,
                    mbPerSecond[ROUNDS / 2],
                    ROUNDS,
                    sink);
        }
    }
}
