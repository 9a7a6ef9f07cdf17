package io.monago.atrium.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link StreamChunkBenchmark}'s two paths timed by the CPU time of the thread that runs them,
 * which a machine busy with other work inflates far less than elapsed time: a cross-check of the
 * JMH figures when the machine cannot be had to oneself. Each path is warmed up first, then timed
 * in rounds of whole answers; the median round is printed, per chunk.
 *
 * <pre>
 * java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.StreamChunkCpuRun [warm-up seconds] [rounds]
 * </pre>
 */
public final class StreamChunkCpuRun {

    private StreamChunkCpuRun() {}

    /**
     * Runs both paths for both shapes.
     *
     * @param args warm-up seconds per path (default 20), rounds (default 9)
     * @throws IOException never, the JSON is valid
     */
    public static void main(String[] args) throws IOException {
        long warmUpNanos = (args.length > 0 ? Long.parseLong(args[0]) : 20) * 1_000_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String shape : new String[] {"text", "tool_call"}) {
            StreamChunkBenchmark bench = new StreamChunkBenchmark();
            bench.shape = shape;
            bench.setUp();
            try {
                for (String path : new String[] {"sdkStream", "jacksonTreeAlone"}) {
                    long until = System.nanoTime() + warmUpNanos;
                    while (System.nanoTime() < until) {
                        run(bench, path);
                    }
                    double[] perChunk = new double[rounds];
                    int answers = 100;
                    for (int r = 0; r < rounds; r++) {
                        long start = threads.getCurrentThreadCpuTime();
                        for (int i = 0; i < answers; i++) {
                            run(bench, path);
                        }
                        perChunk[r] = (threads.getCurrentThreadCpuTime() - start)
                                / (double) answers
                                / StreamChunkBenchmark.CHUNKS;
                    }
                    Arrays.sort(perChunk);
                    System.out.printf(
                            Locale.ROOT,
                            "%-10s %-17s %6.0f ns CPU per chunk (median of %d rounds; %.0f to %.0f)%n",
                            shape,
                            path,
                            perChunk[rounds / 2],
                            rounds,
                            perChunk[0],
                            perChunk[rounds - 1]);
                }
            } finally {
                bench.tearDown();
            }
        }
    }

    private static Object run(StreamChunkBenchmark bench, String path) throws IOException {
        return path.equals("sdkStream") ? bench.sdkStream() : bench.jacksonTreeAlone();
    }
}
