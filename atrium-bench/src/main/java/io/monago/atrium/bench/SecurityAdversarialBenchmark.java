package io.monago.atrium.bench;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.SecurityVerdict;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per request for security analysis plus the policy verdict on one user message of
 * 1 MiB (2^20 chars) built to hit the analyzer's worst cases: one trigger word repeated (every word
 * a lexicon candidate), base64-looking text in MIME lines (every line a decode candidate), nothing
 * but zero-width characters, and mixed prose with its whitespace removed (one enormous token). The
 * time must stay linear in the input: each should run at no less than a third of the mixed-text
 * rate of {@link SecurityAnalyzerBenchmark} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SecurityAdversarialBenchmark {
    /** Characters per message. */
    static final int SIZE = 1 << 20;

    @Param({"trigger_word", "base64", "zero_width", "no_spaces"})
    public String kind;

    private final SecurityAnalyzer analyzer = SecurityAnalyzer.defaults();
    private final SecurityPolicy policy = SecurityPolicy.defaults();
    private List<TextSegment> request;

    @Setup
    public void setUp() {
        request = List.of(new TextSegment("messages[1].content", MessageRole.USER, text(kind)));
    }

    static String text(String kind) {
        StringBuilder text = new StringBuilder(SIZE + 128);
        switch (kind) {
            case "trigger_word" -> {
                while (text.length() < SIZE) {
                    text.append("ignore ");
                }
            }
            case "base64" -> {
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                Random random = new Random(42);
                while (text.length() < SIZE) {
                    for (int i = 0; i < 76; i++) {
                        text.append(alphabet.charAt(random.nextInt(64)));
                    }
                    text.append('\n');
                }
            }
            case "zero_width" -> {
                while (text.length() < SIZE) {
                    text.append('\u200B');
                }
            }
            case "no_spaces" -> {
                while (text.length() < SIZE) {
                    text.append(SecurityAnalyzerBenchmark.mixedText(4096).replaceAll("\\s+", ""));
                }
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        text.setLength(SIZE);
        return text.toString();
    }

    @Benchmark
    public SecurityVerdict analyzeAndDecide() {
        return policy.evaluate(analyzer.analyze(request));
    }
}
