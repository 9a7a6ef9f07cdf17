package io.monago.atrium.bench;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityReport;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where moving a request's inspection off the event loop pays: {@code inspect} is the time the
 * inspection of one user message of {@code size} characters (PII scan and security analysis, every
 * detector on) holds the thread it runs on; {@code hop} is the round trip of an empty task from an
 * event loop to the gateway's worker pool and back, which is what moving costs. Inspection is the
 * largest per-byte cost a request with provider-reported usage has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OffloadBenchmark {

    private static final String SENTENCE = "Pasien datang dengan keluhan batuk dan demam ringan sejak dua minggu, "
            + "the patient reports mild chest pain after walking and sleeps poorly. ";

    /** Characters in the user message. */
    @Param({"1024", "4096", "16384", "32768", "65536"})
    public int size;

    private final PiiScanner scanner = PiiScanner.defaults();
    private final SecurityAnalyzer analyzer = SecurityAnalyzer.defaults();
    private List<TextSegment> request;
    private Vertx vertx;
    private Context eventLoop;
    private WorkerExecutor workers;

    /** Builds the message and starts Vert.x with an event-loop context and the worker pool. */
    @Setup
    public void setUp() {
        StringBuilder text = new StringBuilder(size + SENTENCE.length());
        while (text.length() < size) {
            text.append(SENTENCE);
        }
        text.setLength(size);
        request = List.of(new TextSegment("messages[0].content", MessageRole.USER, text.toString()));
        vertx = Vertx.vertx();
        eventLoop = vertx.getOrCreateContext();
        workers = vertx.createSharedWorkerExecutor(
                "atrium-work", Runtime.getRuntime().availableProcessors());
    }

    /**
     * Stops Vert.x.
     *
     * @throws Exception when it does not stop within 10 seconds
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * What inspecting the message costs the thread that does it.
     *
     * @return the security report, so the work is not optimised away
     */
    @Benchmark
    public SecurityReport inspect() {
        scanner.scan(request.get(0).text());
        return analyzer.analyze(request);
    }

    /**
     * What moving work to the worker pool and back to the event loop costs, for an empty task.
     *
     * @return the task's result
     */
    @Benchmark
    public Integer hop() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        eventLoop.runOnContext(
                v -> workers.executeBlocking(() -> 1, false).onComplete(ar -> done.complete(ar.result())));
        return done.join();
    }
}
