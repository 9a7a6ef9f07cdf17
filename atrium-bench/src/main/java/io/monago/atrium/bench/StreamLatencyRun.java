package io.monago.atrium.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures what the gateway adds to a stream: time to first token and the delay of each chunk,
 * p50 and p99, against the same fake upstream called directly. Everything runs in one process
 * (the upstream, the gateway on its defaults with full governance and durable audit, the client),
 * so each chunk's write time at the upstream and arrival time at the client are read from one
 * clock. Two answers: plain prose, and prose full of numbers (doses, times, dates) that the output
 * redaction must hold back until it knows they are not a NIK or a card, which shows the hold-back
 * window's cost.
 *
 * <p>Run: {@code java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.StreamLatencyRun
 * [requests] [gapMs]}.
 */
public final class StreamLatencyRun {

    private static final String KEY = "sk-mng-bench-stream";

    private StreamLatencyRun() {}

    /** An answer as the upstream streams it, one piece per chunk. */
    private record Answer(String name, List<String> pieces) {
        int length() {
            return pieces.stream().mapToInt(String::length).sum();
        }
    }

    /**
     * Runs the measurement.
     *
     * @param args requests per series (default 300) and the upstream's gap between chunks in ms
     *     (default 5, a model writing about 200 chunks a second)
     * @throws Exception when a part cannot start
     */
    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long gapMs = args.length > 1 ? Long.parseLong(args[1]) : 5;
        Answer prose = new Answer(
                "prose",
                words("Istirahat yang cukup, minum air putih yang banyak, makan makanan bergizi,"
                        + " dan kontrol kembali bila demam tidak turun dalam tiga hari atau muncul sesak napas."));
        Answer numbers = new Answer(
                "numbers",
                words("Minum parasetamol 500 mg tiga kali sehari pukul 07.00, 13.00 dan"
                        + " 19.00 selama 5 hari mulai 12-03-2026, kontrol ke poli 2 pada 17-03-2026 antrean 0412."));
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (FakeUpstream upstream = new FakeUpstream(gapMs)) {
            Path data = Files.createTempDirectory("atrium-stream-bench");
            String yaml = "providers:\n  up: {type: openai, base_url: \"" + upstream.baseUrl() + "\"}\n"
                    + "models:\n  - {name: \"*\", provider: up}\n";
            GatewayConfig parsed = new ConfigLoader(k -> null).parse("bench.yaml", yaml);
            GatewayConfig config =
                    parsed.withServer(parsed.server().withListen("127.0.0.1", 0).withDataDir(data.toString()));
            try (Gateway gateway = Gateway.start(config, Optional.of(KEY), Clock.systemUTC())) {
                HttpClient http = HttpClient.newHttpClient();
                for (Answer answer : List.of(prose, numbers)) {
                    upstream.answer = answer;
                    String direct = upstream.baseUrl() + "/chat/completions";
                    String governed = gateway.baseUrl() + "/chat/completions";
                    measure(http, direct, answer, upstream, requests / 5); // warm-up
                    measure(http, governed, answer, upstream, requests / 5);
                    Series d = measure(http, direct, answer, upstream, requests);
                    Series g = measure(http, governed, answer, upstream, requests);
                    report(answer, gapMs, d, g);
                }
            }
        }
    }

    private static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        for (String w : text.split(" ", -1)) {
            pieces.add(pieces.isEmpty() ? w : " " + w);
        }
        return pieces;
    }

    /** What one series of requests saw. */
    private static final class Series {
        private final long[] ttftNanos;
        private final long[] chunkDelayNanos;
        private final double cpuNanosPerChunk;

        Series(long[] ttftNanos, long[] chunkDelayNanos, double cpuNanosPerChunk) {
            this.ttftNanos = ttftNanos;
            this.chunkDelayNanos = chunkDelayNanos;
            this.cpuNanosPerChunk = cpuNanosPerChunk;
        }

        long[] ttftNanos() {
            return ttftNanos;
        }

        long[] chunkDelayNanos() {
            return chunkDelayNanos;
        }

        double cpuNanosPerChunk() {
            return cpuNanosPerChunk;
        }
    }

    private static Series measure(HttpClient http, String url, Answer answer, FakeUpstream upstream, int requests)
            throws IOException, InterruptedException {
        int chunks = answer.pieces().size();
        long[] ttft = new long[requests];
        long[] delays = new long[requests * chunks];
        long cpuBefore = processCpuNanos();
        String body = "{\"model\":\"gpt-5.4-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Saran untuk demam?\"}]}";
        for (int r = 0; r < requests; r++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long[] written = new long[chunks];
            upstream.written.set(written);
            long sent = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Arrival time of each character of the answer, from the content deltas.
            long[] arrived = new long[answer.length()];
            int received = 0;
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    int at = line.indexOf("\"content\":\"");
                    if (!line.startsWith("data: {") || at < 0) {
                        continue;
                    }
                    long now = System.nanoTime();
                    int end = line.indexOf('"', at + 11);
                    int n = end - at - 11; // the answers hold no escaped characters
                    for (int i = 0; i < n && received < arrived.length; i++) {
                        arrived[received++] = now;
                    }
                }
            }
            if (received != arrived.length) {
                throw new IllegalStateException(
                        "the answer came back altered: " + received + " of " + arrived.length + " characters");
            }
            ttft[r] = arrived[0] - sent;
            int offset = 0;
            for (int c = 0; c < chunks; c++) {
                offset += answer.pieces().get(c).length();
                delays[r * chunks + c] = arrived[offset - 1] - written[c];
            }
        }
        double cpuPerChunk = (processCpuNanos() - cpuBefore) / (double) (requests * chunks);
        return new Series(ttft, delays, cpuPerChunk);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentileMs(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void report(Answer answer, long gapMs, Series direct, Series governed) {
        System.out.printf(
                Locale.ROOT,
                "%s (%d chunks, %d ms apart): time to first token direct p50 %.3f p99 %.3f ms, through the gateway"
                        + " p50 %.3f p99 %.3f ms; chunk delay direct p50 %.3f p99 %.3f ms, through the gateway"
                        + " p50 %.3f p99 %.3f ms; process CPU per chunk direct %.1f us, through the gateway %.1f us%n",
                answer.name(),
                answer.pieces().size(),
                gapMs,
                percentileMs(direct.ttftNanos(), 0.50),
                percentileMs(direct.ttftNanos(), 0.99),
                percentileMs(governed.ttftNanos(), 0.50),
                percentileMs(governed.ttftNanos(), 0.99),
                percentileMs(direct.chunkDelayNanos(), 0.50),
                percentileMs(direct.chunkDelayNanos(), 0.99),
                percentileMs(governed.chunkDelayNanos(), 0.50),
                percentileMs(governed.chunkDelayNanos(), 0.99),
                direct.cpuNanosPerChunk() / 1e3,
                governed.cpuNanosPerChunk() / 1e3);
    }

    /** An OpenAI-compatible upstream streaming the current answer, noting when it wrote each chunk. */
    private static final class FakeUpstream implements AutoCloseable {
        private final HttpServer server;
        private final long gapMs;
        private final AtomicReference<long[]> written = new AtomicReference<>(new long[0]);
        private volatile Answer answer;

        FakeUpstream(long gapMs) throws IOException {
            this.gapMs = gapMs;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/v1/chat/completions", this::handle);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void handle(HttpExchange ex) throws IOException {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            long[] times = written.get();
            String head = "data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                    + "\"model\":\"gpt-5.4-mini\",\"choices\":[{\"index\":0,\"delta\":";
            try (OutputStream out = ex.getResponseBody()) {
                write(out, head + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
                List<String> pieces = answer.pieces();
                for (int i = 0; i < pieces.size(); i++) {
                    Thread.sleep(gapMs);
                    times[i] = System.nanoTime();
                    write(out, head + "{\"content\":\"" + pieces.get(i) + "\"},\"finish_reason\":null}]}\n\n");
                }
                write(out, head + "{},\"finish_reason\":\"stop\"}]}\n\n");
                write(
                        out,
                        "data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                                + "\"model\":\"gpt-5.4-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                                + "\"completion_tokens\":40,\"total_tokens\":52}}\n\n");
                write(out, "data: [DONE]\n\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void write(OutputStream out, String event) throws IOException {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
