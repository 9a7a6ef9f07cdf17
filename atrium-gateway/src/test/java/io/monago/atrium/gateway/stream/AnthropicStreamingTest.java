package io.monago.atrium.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeAnthropicUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stream: true} on the anthropic provider: Anthropic's events in, OpenAI's chunks out, through the real gateway. */
class AnthropicStreamingTest {

    @TempDir
    static Path dataDir;

    static FakeAnthropicUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeAnthropicUpstream();
        gateway = RunningGateway.start(
                new ConfigLoader(Map.of("ANTHROPIC_API_KEY", "sk-ant-stream-secret")::get)
                        .parse("test.yaml", """
                        pricing:
                          usd_to_idr: 16000
                        providers:
                          claude:
                            type: anthropic
                            base_url: %s
                            api_key: ${ANTHROPIC_API_KEY}
                            retries: 0
                        models:
                          - name: claude-sonnet
                            provider: claude
                            input_usd_per_million: 3.0
                            output_usd_per_million: 15.0
                        """.formatted(upstream.baseUrl())),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.reset();
    }

    private static final String STREAM = "{\"model\":\"claude-sonnet\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Siapa pasien ini?\"}]}";

    /** The chunks of a streamed answer, without [DONE], after checking it ends with [DONE]. */
    private static List<JsonNode> chunks(RunningGateway.Reply r) {
        List<String> data = Calls.sseData(r.body());
        assertThat(data).as(r.body()).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String d : data.subList(0, data.size() - 1)) {
            chunks.add(Calls.json(d));
        }
        return chunks;
    }

    private static String text(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        for (JsonNode c : chunks) {
            for (JsonNode choice : c.path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
            }
        }
        return text.toString();
    }

    @Test
    void textStreamsAsChunksWithANikSplitAcrossEventsRedactedAndUsageMetered() {
        upstream.stream(FakeAnthropicUpstream.Script.text(
                List.of("Pasien dengan NIK 32012", "34567890123 ", "batuk dua minggu.")));

        RunningGateway.Reply r = gateway.chat(STREAM);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("claude");
        assertThat(r.body()).doesNotContain("3201234567890123").doesNotContain("32012");
        List<JsonNode> chunks = chunks(r);
        for (JsonNode c : chunks) {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
        }
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(text(chunks)).isEqualTo("Pasien dengan NIK [NIK_1] batuk dua minggu.");
        assertThat(chunks.stream()
                        .map(c -> c.at("/choices/0/finish_reason").asText(""))
                        .filter(f -> !f.isEmpty()))
                .containsExactly("stop");

        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").isEmpty()).isTrue();
        assertThat(last.path("usage").path("prompt_tokens").asLong()).isEqualTo(FakeAnthropicUpstream.INPUT_TOKENS);
        assertThat(last.path("usage").path("completion_tokens").asLong())
                .isEqualTo(FakeAnthropicUpstream.OUTPUT_TOKENS);
        // 1000 input tokens at 3 USD/M plus 500 output at 15 USD/M = 0.0105 USD, at 16 000 IDR/USD.
        assertThat(last.at("/governance/cost_idr").asDouble()).isEqualTo(168.0);
        assertThat(last.at("/governance/pii_redacted").toString()).contains("NIK");

        JsonNode record = gateway.get(
                        "/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY))
                .json();
        assertThat(record.path("stream").path("completed").asBoolean()).isTrue();
        assertThat(record.path("usage").path("total_tokens").asLong()).isEqualTo(1500);

        JsonNode sent = upstream.received().get(0).body();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.has("stream_options"))
                .as("OpenAI's stream_options is not Anthropic's")
                .isFalse();
    }

    @Test
    void toolCallsStreamTheirIdAndNameFirstThenTheirArguments() {
        upstream.stream(FakeAnthropicUpstream.Script.toolCall(
                List.of("Checking."),
                new FakeAnthropicUpstream.Tool("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather", "{}"),
                List.of("", "{\"locat", "ion\": \"Jakar", "ta\"}")));

        RunningGateway.Reply r = gateway.chat("{\"model\":\"claude-sonnet\",\"stream\":true,\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Jakarta?\"}]}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> chunks = chunks(r);
        assertThat(text(chunks)).isEqualTo("Checking.");
        List<JsonNode> calls = new ArrayList<>();
        for (JsonNode c : chunks) {
            c.at("/choices/0/delta/tool_calls").forEach(calls::add);
        }
        JsonNode head = calls.get(0);
        assertThat(head.path("index").asInt()).isZero();
        assertThat(head.path("id").asText()).isEqualTo("toolu_01T1x1fJ34qAmk2tNTrN7Up6");
        assertThat(head.path("type").asText()).isEqualTo("function");
        assertThat(head.at("/function/name").asText()).isEqualTo("get_weather");
        StringBuilder arguments = new StringBuilder();
        for (JsonNode call : calls) {
            assertThat(call.path("index").asInt()).isZero();
            arguments.append(call.at("/function/arguments").asText(""));
        }
        assertThat(Calls.json(arguments.toString())).isEqualTo(Calls.json("{\"location\":\"Jakarta\"}"));
        assertThat(chunks.stream()
                        .map(c -> c.at("/choices/0/finish_reason").asText(""))
                        .filter(f -> !f.isEmpty()))
                .containsExactly("tool_calls");
    }

    @Test
    void aNikSplitAcrossToolArgumentFragmentsIsRedactedBeforeTheArgumentsLeave() {
        upstream.stream(FakeAnthropicUpstream.Script.toolCall(
                List.of(),
                new FakeAnthropicUpstream.Tool("toolu_02", "lookup_patient", "{}"),
                List.of("{\"nik\": \"32012", "34567890", "123\"}")));

        RunningGateway.Reply r = gateway.chat("{\"model\":\"claude-sonnet\",\"stream\":true,\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"lookup_patient\"}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Cari pasien terakhir\"}]}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("3201234567890123").doesNotContain("34567890");
        StringBuilder arguments = new StringBuilder();
        for (JsonNode c : chunks(r)) {
            for (JsonNode call : c.at("/choices/0/delta/tool_calls")) {
                arguments.append(call.at("/function/arguments").asText(""));
            }
        }
        assertThat(Calls.json(arguments.toString()).path("nik").asText()).isEqualTo("[NIK_1]");
    }

    @Test
    void aStreamedRequestAnthropicCannotServeIs400AndNeverSent() {
        RunningGateway.Reply r = gateway.chat("{\"model\":\"claude-sonnet\",\"stream\":true,\"logprobs\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_request_error");
        assertThat(r.json().at("/error/message").asText()).contains("logprobs");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void anErrorEventMidStreamEndsTheStreamAsAnError() {
        upstream.stream(FakeAnthropicUpstream.Script.text(List.of("Jakarta ", "is ", "the capital."))
                .stoppingAfter(2, "error"));

        RunningGateway.Reply r = gateway.chat(STREAM);

        assertBrokenOff(r);
    }

    @Test
    void aBrokenConnectionEndsTheStreamAsAnError() {
        upstream.stream(FakeAnthropicUpstream.Script.text(List.of("Jakarta ", "is ", "the capital."))
                .stoppingAfter(1, "break"));

        RunningGateway.Reply r = gateway.chat(STREAM);

        assertBrokenOff(r);
    }

    @Test
    void anUpstreamThatFallsSilentMidStreamEndsTheStreamAsAnError(@TempDir Path otherDir) {
        upstream.stream(FakeAnthropicUpstream.Script.text(List.of("Jakarta ", "is ", "the capital."))
                .stoppingAfter(1, "stall"));
        // A gateway of its own, so that the short idle timeout this needs never cuts another test's stream.
        try (RunningGateway g = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", """
                        providers:
                          claude:
                            type: anthropic
                            base_url: %s
                            api_key: sk-ant-slow
                            idle_timeout_ms: 700
                        models:
                          - name: "*"
                            provider: claude
                        """.formatted(upstream.baseUrl())), otherDir)) {
            RunningGateway.Reply r = g.chat(STREAM);

            assertBrokenOff(g, r, "upstream_timeout");
        }
    }

    private static void assertBrokenOff(RunningGateway.Reply r) {
        assertBrokenOff(gateway, r, "upstream_error");
    }

    private static void assertBrokenOff(RunningGateway gateway, RunningGateway.Reply r, String code) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("event: error").contains("\"code\":\"" + code + "\"");
        assertThat(r.body()).doesNotContain("the capital.");
        JsonNode record = gateway.get(
                        "/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY))
                .json();
        assertThat(record.path("stream").path("completed").asBoolean()).isFalse();
        assertThat(record.path("stream").path("ended_by").asText()).isEqualTo("provider");
    }

    @Test
    void anErrorStatusBeforeTheStreamStartsIs502() {
        upstream.mode(FakeAnthropicUpstream.Mode.FAIL);
        upstream.failure(
                new FakeAnthropicUpstream.Failure(429, "rate_limit_error", "Number of request tokens exceeded"));

        RunningGateway.Reply r = gateway.chat(STREAM);

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("upstream_error");
        assertThat(r.json().at("/error/message").asText()).contains("429", "rate_limit_error");
    }
}
