package io.monago.atrium.bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call cost of the Atrium SDK against the official openai-java client, both calling the same
 * local server that answers a fixed completion with governance headers at once. The server's own
 * work is the same for both, so the difference is client overhead: building the body, the HTTP
 * exchange, parsing the answer (and for Atrium, the governance headers).
 *
 * <pre>
 * java -jar atrium-bench/target/benchmarks.jar SdkOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class SdkOverheadBenchmark {

    private static final byte[] ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-5.4-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Jakarta is the capital of Indonesia.",
             "refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":21,"completion_tokens":8,"total_tokens":29}}""".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private Atrium atrium;
    private OpenAIClient openai;
    private ChatCompletionRequest atriumRequest;
    private ChatCompletionCreateParams openaiParams;
    private java.net.http.HttpClient jdk;
    private java.net.http.HttpRequest jdkRequest;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Starts the local server and both clients.
     *
     * @throws IOException when the server cannot start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("X-Monago-Audit-Id", "audit-0193c1a2-0000-7000-8000-000000000000");
            ex.getResponseHeaders().set("X-Monago-Pii-Detected", "false");
            ex.getResponseHeaders().set("X-Monago-Policy-Decision", "allowed");
            ex.getResponseHeaders().set("X-Monago-Provider", "echo");
            ex.getResponseHeaders().set("X-Monago-Latency-Ms", "0.4");
            ex.getResponseHeaders().set("X-Monago-Cost-Idr", "0");
            ex.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        atrium = Atrium.builder()
                .environment(Map.<String, String>of()::get)
                .baseUrl(base)
                .apiKey("sk-mng-bench")
                .maxRetries(0)
                .build();
        openai = OpenAIOkHttpClient.builder()
                .baseUrl(base)
                .apiKey("sk-mng-bench")
                .maxRetries(0)
                .build();
        atriumRequest = ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addSystemMessage("Kamu asisten klinis untuk dokter.")
                .addUserMessage("What is the capital of Indonesia?")
                .build();
        jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        jdkRequest = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/chat/completions"))
                .header("Authorization", "Bearer sk-mng-bench")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        atriumRequest.toJson().toString()))
                .build();
        openaiParams = ChatCompletionCreateParams.builder()
                .model("gpt-5.4-mini")
                .addSystemMessage("Kamu asisten klinis untuk dokter.")
                .addUserMessage("What is the capital of Indonesia?")
                .build();
    }

    /** Closes the clients and the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        atrium.close();
        openai.close();
        server.stop(0);
    }

    /**
     * One call through the Atrium SDK.
     *
     * @return the answer
     */
    @Benchmark
    public ChatCompletion atriumSdk() {
        return atrium.chat().completions().create(atriumRequest);
    }

    /**
     * The floor under the SDK: the same request with the JDK's HttpClient alone, answer parsed to a
     * JSON tree. What the SDK adds on top of its transport is the difference to {@link #atriumSdk}.
     *
     * @return the parsed answer
     * @throws Exception when the call fails
     */
    @Benchmark
    public com.fasterxml.jackson.databind.JsonNode jdkHttpClientAlone() throws Exception {
        return json.readTree(jdk.send(jdkRequest, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body());
    }

    /**
     * One call through openai-java.
     *
     * @return the answer
     */
    @Benchmark
    public com.openai.models.chat.completions.ChatCompletion openaiJava() {
        return openai.chat().completions().create(openaiParams);
    }
}
