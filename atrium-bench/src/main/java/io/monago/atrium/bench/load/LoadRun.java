package io.monago.atrium.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A load generator for one target, in a process of its own: open loop at a fixed rate, each
 * request's latency counted from the time it was meant to be sent (so a stall that delays later
 * sends is counted against them, not hidden: no coordinated omission), or closed loop on a fixed
 * number of connections, each sending its next request when the last one is answered. Latencies go
 * to an HdrHistogram; the target process's CPU time per request and its resident memory are read
 * from {@code /proc} when its pid is given. One result line is printed, and appended as a
 * tab-separated row to {@code --out} for {@link LoadReport}.
 *
 * <p>Run, e.g.: {@code java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.load.LoadRun
 * --target atrium --url http://127.0.0.1:8080/v1/chat/completions --header "Authorization: Bearer sk-..."
 * --mode open --rate 1000 --seconds 10 --warmup 5 --pid 1234 --out results.tsv}.
 */
public final class LoadRun {

    /** The governance demo prompt: a system message and a user message with a NIK and a phone number. */
    static final String DEFAULT_BODY = "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"system\","
            + "\"content\":\"Kamu asisten klinis untuk dokter.\"},{\"role\":\"user\",\"content\":\"Pasien dengan NIK"
            + " 3201234567890123 dan nomor HP 081234567890 datang dengan keluhan batuk sudah 2 minggu. Tolong"
            + " analisis kemungkinan diagnosa.\"}]}";

    /** How long requests still in flight at the end of a run are waited for. */
    private static final long DRAIN_SECONDS = 30;

    private final LoadOptions options;
    private final Vertx vertx;
    private final HttpClientAgent client;
    private final Context context;
    private final Buffer body;
    private final RequestOptions request;

    private LoadRun(LoadOptions options, String body) {
        this.options = options;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(options.connections()).setMaxWaitQueueSize(-1));
        this.context = vertx.getOrCreateContext();
        this.body = Buffer.buffer(body);
        URI url = options.url();
        RequestOptions r = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.getHost())
                .setPort(url.getPort())
                .setURI(url.getRawPath())
                .setIdleTimeout(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS))
                .putHeader("content-type", "application/json");
        options.headers().forEach(r::putHeader);
        this.request = r;
    }

    /**
     * Runs the warm-up and the measurement, and reports.
     *
     * @param args the options {@link LoadOptions#parse} reads
     * @throws Exception when the run cannot complete
     */
    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load run: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        String body = options.bodyFile().isPresent()
                ? Files.readString(options.bodyFile().get(), StandardCharsets.UTF_8)
                : DEFAULT_BODY;
        LoadRun run = new LoadRun(options, body);
        try {
            if (options.warmupSeconds() > 0) {
                run.phase(options.warmupSeconds());
            }
            String loadBefore = loadAverage();
            Optional<ProcessSample> before = options.pid().map(ProcessSample::of);
            Phase measured = run.phase(options.seconds());
            Optional<ProcessSample> after = options.pid().map(ProcessSample::of);
            String loadAfter = loadAverage();
            Result result = Result.of(options, measured, before, after, loadBefore, loadAfter);
            System.out.println(result.line());
            if (options.out().isPresent()) {
                Files.writeString(
                        options.out().get(),
                        result.row() + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } finally {
            run.vertx.close().await();
        }
    }

    /**
     * What one phase of sending saw.
     *
     * @param saturated whether an open loop stopped early because the target fell behind by more
     *     than {@link #MAX_BACKLOG_SECONDS} of requests
     */
    record Phase(Histogram latency, long sent, long ok, long failed, long elapsedNanos, boolean saturated) {}

    /** An open loop stops sending when this many seconds of requests are waiting for answers. */
    private static final int MAX_BACKLOG_SECONDS = 2;

    private Phase phase(int seconds) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        Counts counts = new Counts();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean saturated = false;
        if (options.mode() == LoadOptions.Mode.OPEN) {
            long period = TimeUnit.SECONDS.toNanos(1) / options.rate();
            long maxBacklog = Math.max(1000L, (long) options.rate() * MAX_BACKLOG_SECONDS);
            long n = 0;
            for (long intended = start; intended < end; intended = start + ++n * period) {
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (counts.outstanding.get() > maxBacklog) {
                    saturated = true; // the target cannot keep up: its latency only grows from here
                    break;
                }
                long at = intended;
                counts.outstanding.incrementAndGet();
                context.runOnContext(v -> send(at, latency, counts, end, false, done));
            }
            context.runOnContext(v -> counts.pacingDone(done));
        } else {
            context.runOnContext(v -> {
                for (int c = 0; c < options.connections(); c++) {
                    send(System.nanoTime(), latency, counts, end, true, done);
                }
                counts.pacingDone(done);
            });
        }
        try {
            done.get(seconds + DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println(
                    "load run: requests still unanswered " + DRAIN_SECONDS + " s after the run; counted as failed");
        }
        CompletableFuture<Phase> phase = new CompletableFuture<>();
        boolean fellBehind = saturated;
        context.runOnContext(v -> phase.complete(new Phase(
                latency.copy(),
                counts.sent,
                counts.ok,
                counts.sent - counts.ok,
                System.nanoTime() - start,
                fellBehind)));
        return phase.get();
    }

    /** Sends one request meant to leave at {@code intended}; in a closed loop, sends the next when answered. */
    private void send(
            long intended, Histogram latency, Counts counts, long end, boolean loop, CompletableFuture<Void> done) {
        counts.sent++;
        if (loop) {
            counts.outstanding.incrementAndGet();
        }
        client.request(request)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(answer -> {
                    long now = System.nanoTime();
                    if (answer.succeeded() && answer.result() == 200) {
                        counts.ok++;
                        latency.recordValue(Math.min(now - intended, latency.getHighestTrackableValue()));
                    } else if (counts.firstFailure == null) {
                        counts.firstFailure =
                                answer.succeeded() ? "status " + answer.result() : String.valueOf(answer.cause());
                        System.err.println("load run: first failure: " + counts.firstFailure);
                    }
                    counts.answered++;
                    counts.outstanding.decrementAndGet();
                    if (loop && now < end) {
                        send(System.nanoTime(), latency, counts, end, true, done);
                    } else {
                        counts.maybeDone(done);
                    }
                });
    }

    /** Counters of one phase, touched on the client's event loop only. */
    private static final class Counts {
        long sent;
        long ok;
        long answered;
        /** Sent by the pacer and not yet answered; the pacer reads it, so it is atomic. */
        final AtomicLong outstanding = new AtomicLong();

        boolean pacingDone;
        String firstFailure;

        void pacingDone(CompletableFuture<Void> done) {
            pacingDone = true;
            maybeDone(done);
        }

        void maybeDone(CompletableFuture<Void> done) {
            if (pacingDone && answered == sent) {
                done.complete(null);
            }
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ", -1);
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The CPU time a process has used so far and its resident memory, from {@code /proc}. */
    record ProcessSample(long cpuTicks, long rssKb) {
        static ProcessSample of(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // Fields after the command name (which may hold spaces): state is the first, utime the 12th.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                long rss = 0;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
                return new ProcessSample(ticks, rss);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read /proc for pid " + pid + ": " + e.getMessage(), e);
            }
        }
    }

    /** One measured run, as printed and as stored. */
    record Result(
            LoadOptions options, Phase phase, double cpuMsPerRequest, long rssKb, String loadBefore, String loadAfter) {

        static Result of(
                LoadOptions options,
                Phase phase,
                Optional<ProcessSample> before,
                Optional<ProcessSample> after,
                String loadBefore,
                String loadAfter) {
            double cpu = Double.NaN;
            long rss = 0;
            if (before.isPresent() && after.isPresent() && phase.sent() > 0) {
                long ticks = after.get().cpuTicks() - before.get().cpuTicks();
                cpu = ticks * 1000.0 / options.clockTicks() / phase.sent();
                rss = after.get().rssKb();
            }
            return new Result(options, phase, cpu, rss, loadBefore, loadAfter);
        }

        double perSecond() {
            return phase.ok() * 1e9 / phase.elapsedNanos();
        }

        double ms(double percentile) {
            return phase.latency().getValueAtPercentile(percentile) / 1e6;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s %s %s: %d sent, %d failed%s, %.0f answered/s; latency p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f"
                            + " max %.3f ms; target CPU %.4f ms/request, RSS %d MB; load average %s -> %s",
                    options.target(),
                    options.mode().word(),
                    options.level(),
                    phase.sent(),
                    phase.failed(),
                    phase.saturated() ? " (saturated: fell behind, stopped sending)" : "",
                    perSecond(),
                    ms(50),
                    ms(90),
                    ms(99),
                    ms(99.9),
                    phase.latency().getMaxValue() / 1e6,
                    cpuMsPerRequest,
                    rssKb / 1024,
                    loadBefore,
                    loadAfter);
        }

        String row() {
            return String.join(
                    "\t",
                    options.target(),
                    options.mode().word(),
                    options.level(),
                    Long.toString(phase.sent()),
                    Long.toString(phase.failed()),
                    String.format(Locale.ROOT, "%.1f", perSecond()),
                    String.format(Locale.ROOT, "%.4f", ms(50)),
                    String.format(Locale.ROOT, "%.4f", ms(90)),
                    String.format(Locale.ROOT, "%.4f", ms(99)),
                    String.format(Locale.ROOT, "%.4f", ms(99.9)),
                    String.format(Locale.ROOT, "%.4f", phase.latency().getMaxValue() / 1e6),
                    String.format(Locale.ROOT, "%.5f", cpuMsPerRequest),
                    Long.toString(rssKb / 1024),
                    loadBefore,
                    loadAfter,
                    phase.saturated() ? "saturated" : "");
        }
    }
}
