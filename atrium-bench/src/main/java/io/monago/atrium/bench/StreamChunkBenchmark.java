package io.monago.atrium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.http.AtriumResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the SDK spends on each chunk of a streamed answer: reading the event stream, parsing the
 * chunk's JSON into a {@link ChatCompletionChunk}, and adding it to the accumulator that rebuilds
 * the whole completion (and merges the governance). The answer is {@value #CHUNKS} chunks as the
 * gateway sends them (OpenAI's shape: one piece of text, or one fragment of a tool call's
 * arguments, per chunk), then the last chunk with usage and governance and {@code [DONE]}. An
 * interceptor answers the call with the whole body, so no network is involved; the call's fixed
 * cost is shared by the chunks, and every figure is per chunk.
 *
 * <pre>
 * java -jar atrium-bench/target/benchmarks.jar StreamChunkBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamChunkBenchmark {

    /** Chunks per streamed answer, the last one with usage and governance included. */
    static final int CHUNKS = 1000;

    private static final String PREFIX = "{\"id\":\"chatcmpl-AbCdEf0123456789\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1741569952,\"model\":\"gpt-5.4-mini-2026-03-01\",\"system_fingerprint\":\"fp_b376dfbbd5\","
            + "\"choices\":[{\"index\":0,\"delta\":";

    /** What each chunk carries: a piece of text, or a fragment of a tool call's arguments. */
    @Param({"text", "tool_call"})
    public String shape;

    private byte[] body;
    private List<String> dataLines;
    private Atrium client;
    private ChatCompletionRequest request;
    private final ObjectMapper json = new ObjectMapper();

    /** Builds the answer and a client whose interceptor answers with it. */
    @Setup(Level.Trial)
    public void setUp() {
        dataLines = new ArrayList<>(CHUNKS);
        boolean tool = shape.equals("tool_call");
        dataLines.add(PREFIX
                + (tool
                        ? "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_Xy12\","
                                + "\"type\":\"function\",\"function\":{\"name\":\"lookup_patient\",\"arguments\":\"\"}}]}"
                        : "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}")
                + ",\"logprobs\":null,\"finish_reason\":null}],\"obfuscation\":\"x1\"}");
        String[] words = {"Pasien ", "dengan ", "batuk ", "kering ", "selama ", "dua ", "minggu ", "perlu "};
        for (int i = 1; i < CHUNKS - 2; i++) {
            String piece = words[i % words.length];
            String delta = tool
                    ? "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + piece.trim() + "\"}}]}"
                    : "{\"content\":\"" + piece + "\"}";
            dataLines.add(PREFIX + delta + ",\"logprobs\":null,\"finish_reason\":null}],\"obfuscation\":\"q9Zk\"}");
        }
        dataLines.add(PREFIX + "{},\"logprobs\":null,\"finish_reason\":\"" + (tool ? "tool_calls" : "stop")
                + "\"}],\"obfuscation\":\"a\"}");
        dataLines.add(
                "{\"id\":\"chatcmpl-AbCdEf0123456789\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                        + "\"model\":\"gpt-5.4-mini-2026-03-01\",\"choices\":[],\"usage\":{\"prompt_tokens\":21,"
                        + "\"completion_tokens\":998,\"total_tokens\":1019},\"governance\":{\"audit_id\":\"audit-0193c1a2\","
                        + "\"pii_detected\":true,\"pii_redacted\":[\"NIK\"],\"policy_decision\":\"allowed\",\"provider\":\"openai\","
                        + "\"latency_ms\":812.4,\"cost_idr\":31.2,\"security_incidents\":[],\"block_reason\":null}}");
        StringBuilder sse = new StringBuilder();
        for (String line : dataLines) {
            sse.append("data: ").append(line).append("\n\n");
        }
        body = sse.append("data: [DONE]\n\n").toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of(
                "Content-Type", List.of("text/event-stream"),
                "X-Monago-Audit-Id", List.of("audit-0193c1a2"),
                "X-Monago-Policy-Decision", List.of("allowed"));
        client = Atrium.builder()
                .environment(Map.<String, String>of()::get)
                .baseUrl("http://127.0.0.1:9/v1")
                .apiKey("sk-mng-bench")
                .maxRetries(0)
                .addInterceptor(chain ->
                        CompletableFuture.completedFuture(AtriumResponse.of(chain.request(), 200, headers, body)))
                .build();
        request = ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("Pasien batuk dua minggu")
                .build();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    /**
     * The SDK's path: every chunk read from the event stream, parsed, handed out and accumulated,
     * then the whole completion built (which depends on every chunk, so none of the work can be
     * optimised away).
     *
     * @return the completion
     */
    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public ChatCompletion sdkStream() {
        try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
            for (ChatCompletionChunk chunk : stream) {
                if (chunk.choices().size() > 1) {
                    throw new IllegalStateException("one choice per chunk expected");
                }
            }
            return stream.completion();
        }
    }

    /**
     * The floor: each chunk's JSON (already cut out of the stream) parsed to a Jackson tree and
     * nothing more.
     *
     * @return the number of top-level fields read, which depends on every tree
     * @throws IOException never, the JSON is valid
     */
    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public long jacksonTreeAlone() throws IOException {
        long fields = 0;
        for (String line : dataLines) {
            JsonNode node = json.readTree(line);
            fields += node.size();
        }
        return fields;
    }
}
