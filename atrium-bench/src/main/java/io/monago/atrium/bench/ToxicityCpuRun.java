package io.monago.atrium.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ToxicityBenchmark}'s cases timed by the CPU time of the thread that runs them, which a
 * machine busy with other work inflates far less than elapsed time: the cross-check of the JMH
 * figures when the machine cannot be had to oneself. Each case is warmed up, then timed in rounds;
 * the median round is printed, per text.
 *
 * <pre>
 * java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.ToxicityCpuRun [warm-up calls] [rounds]
 * </pre>
 */
public final class ToxicityCpuRun {
    private static final int CALLS_PER_ROUND = 5_000;

    private ToxicityCpuRun() {}

    /**
     * Runs every case.
     *
     * @param args warm-up calls per case (default 20000), rounds (default 9)
     */
    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int size : new int[] {300, 2048}) {
            for (String kind : new String[] {"clean", "abusive"}) {
                ToxicityBenchmark bench = new ToxicityBenchmark();
                bench.size = size;
                bench.kind = kind;
                bench.setUp();
                double sink = 0;
                for (int i = 0; i < warmUp; i++) {
                    sink += bench.classify();
                }
                double[] perCall = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < CALLS_PER_ROUND; i++) {
                        sink += bench.classify();
                    }
                    perCall[r] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / CALLS_PER_ROUND;
                }
                Arrays.sort(perCall);
                System.out.printf(
                        Locale.ROOT,
                        "%-7s %5d chars: %.1f us CPU per text (median of %d rounds; checksum %.0f)%n",
                        kind,
                        size,
                        perCall[rounds / 2],
                        rounds,
                        sink);
            }
        }
    }
}
