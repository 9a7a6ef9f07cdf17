package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeAnthropicUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code anthropic} provider through the real gateway, against a fake upstream speaking Anthropic's format. */
class AnthropicProviderTest {

    private static final String KEY = "sk-ant-api03-upstream-secret";

    @TempDir
    static Path dataDir;

    static FakeAnthropicUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeAnthropicUpstream();
        GatewayConfig config = new ConfigLoader(Map.of("ANTHROPIC_API_KEY", KEY)::get)
                .parse("test.yaml", """
                pricing:
                  usd_to_idr: 16000
                providers:
                  claude:
                    type: anthropic
                    base_url: %s
                    api_key: ${ANTHROPIC_API_KEY}
                    retries: 1
                    retry_backoff_ms: 1
                    # every failure here is provoked: the circuit stays closed for the next test
                    circuit_breaker: {failures: 1000}
                models:
                  - name: claude-sonnet
                    provider: claude
                    upstream_model: claude-sonnet-4-5-20250929
                    input_usd_per_million: 3.0
                    output_usd_per_million: 15.0
                """.formatted(upstream.baseUrl()));
        gateway = RunningGateway.start(config, dataDir);
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

    private static final String BODY = """
            {"model":"claude-sonnet","temperature":0.2,"seed":7,"stop":"\\n\\nHuman:",
             "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is the capital of Indonesia?"}],
             "metadata":{"session_id":"s-1"}}
            """;

    @Test
    void aWholeCallIsTranslatedBothWaysWithTheKeyAndVersionHeaders() {
        RunningGateway.Reply r = gateway.chat(BODY);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
        assertThat(answer.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("Jakarta.");
        assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(answer.at("/usage/prompt_tokens").asLong()).isEqualTo(1000);
        assertThat(answer.at("/usage/completion_tokens").asLong()).isEqualTo(500);
        assertThat(answer.at("/usage/total_tokens").asLong()).isEqualTo(1500);
        assertThat(answer.path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");

        FakeAnthropicUpstream.Received got = upstream.received().get(0);
        assertThat(got.header("x-api-key")).isEqualTo(KEY);
        assertThat(got.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(got.header("authorization")).isNull();
        assertThat(got.body()).isEqualTo(Calls.json("""
                        {"model":"claude-sonnet-4-5-20250929","max_tokens":4096,"system":"Be brief.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"What is the capital of Indonesia?"}]}],
                         "temperature":0.2,"stop_sequences":["\\n\\nHuman:"]}
                        """));

        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("claude");
        // 1000 input tokens at 3 USD/M plus 500 output at 15 USD/M = 0.0105 USD, at 16 000 IDR/USD.
        assertThat(Double.parseDouble(r.header(ProtocolHeaders.COST_IDR))).isEqualTo(168.0);
    }

    @Test
    void toolCallsGoRoundTrip() {
        upstream.answer(FakeAnthropicUpstream.Answer.toolCall(
                "Let me check.",
                new FakeAnthropicUpstream.Tool(
                        "toolu_01A09q90qw90lq917835lq9", "get_weather", "{\"location\":\"Jakarta\",\"unit\":\"c\"}")));
        String tools = """
                "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                  "parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}],
                "tool_choice":"required"
                """;
        RunningGateway.Reply first = gateway.chat("{\"model\":\"claude-sonnet\",\"max_tokens\":300," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Jakarta?\"}]}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode message = first.json().at("/choices/0/message");
        assertThat(message.path("content").asText()).isEqualTo("Let me check.");
        JsonNode call = message.path("tool_calls").get(0);
        assertThat(call.path("id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(Calls.json(call.at("/function/arguments").asText()))
                .isEqualTo(Calls.json("{\"location\":\"Jakarta\",\"unit\":\"c\"}"));
        assertThat(first.json().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");

        JsonNode sent = upstream.received().get(0).body();
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(sent.path("tools")).isEqualTo(Calls.json("""
                        [{"name":"get_weather","description":"Weather now",
                          "input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}]
                        """));
        assertThat(sent.path("tool_choice")).isEqualTo(Calls.json("{\"type\":\"any\"}"));

        upstream.answer(FakeAnthropicUpstream.Answer.text("It is 31 degrees in Jakarta."));
        RunningGateway.Reply second = gateway.chat("{\"model\":\"claude-sonnet\"," + tools + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Jakarta?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Let me check.\",\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"31 C, humid\"},"
                + "{\"role\":\"user\",\"content\":\"Thanks. In Fahrenheit?\"}]}");

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().at("/choices/0/message/content").asText()).isEqualTo("It is 31 degrees in Jakarta.");
        assertThat(upstream.received().get(1).body().path("messages")).isEqualTo(Calls.json("""
                        [{"role":"user","content":[{"type":"text","text":"Weather in Jakarta?"}]},
                         {"role":"assistant","content":[{"type":"text","text":"Let me check."},
                           {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                            "input":{"location":"Jakarta","unit":"c"}}]},
                         {"role":"user","content":[
                           {"type":"tool_result","tool_use_id":"toolu_01A09q90qw90lq917835lq9",
                            "content":[{"type":"text","text":"31 C, humid"}]},
                           {"type":"text","text":"Thanks. In Fahrenheit?"}]}]
                        """));
    }

    @Test
    void piiTheModelWritesIsRedactedInTheAnswerAndItsToolArguments() {
        upstream.answer(FakeAnthropicUpstream.Answer.toolCall(
                "Pasien NIK 3201234567890123 tercatat.",
                new FakeAnthropicUpstream.Tool("toolu_01", "lookup", "{\"nik\":\"3201234567890123\"}")));

        RunningGateway.Reply r = gateway.chat(
                "{\"model\":\"claude-sonnet\",\"messages\":[{\"role\":\"user\",\"content\":\"Cari pasien\"}]}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("3201234567890123");
        assertThat(r.json().at("/choices/0/message/content").asText()).contains("[NIK_");
        assertThat(r.json()
                        .at("/choices/0/message/tool_calls/0/function/arguments")
                        .asText())
                .contains("[NIK_");
    }

    @Test
    void upstreamErrorStatusesAre502WithTheirTypeAndNeverTheKey() {
        upstream.mode(FakeAnthropicUpstream.Mode.FAIL);
        upstream.failure(new FakeAnthropicUpstream.Failure(529, "overloaded_error", "Overloaded"));

        RunningGateway.Reply overloaded = gateway.chat(BODY);

        assertThat(overloaded.status()).isEqualTo(502);
        assertThat(overloaded.json().at("/error/code").asText()).isEqualTo("upstream_error");
        assertThat(overloaded.json().at("/error/message").asText())
                .isEqualTo("provider claude answered 529 (overloaded_error): Overloaded");
        assertThat(overloaded.header(ProtocolHeaders.PROVIDER)).isEqualTo("claude");
        assertThat(overloaded.header(ProtocolHeaders.COST_IDR)).isEqualTo("0");
        RunningGateway.Reply record = gateway.get(
                "/audit/" + overloaded.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.json().path("status_code").asInt()).isEqualTo(502);
        assertThat(record.json().path("error_code").asText()).isEqualTo("upstream_error");
        assertThat(upstream.received()).as("529 is worth another try").hasSize(2);
        upstream.received().clear();

        upstream.failure(new FakeAnthropicUpstream.Failure(401, "authentication_error", "invalid x-api-key " + KEY));
        RunningGateway.Reply unauthorised = gateway.chat(BODY);

        assertThat(unauthorised.status()).isEqualTo(502);
        assertThat(unauthorised.json().at("/error/message").asText())
                .contains("401", "authentication_error")
                .doesNotContain(KEY);
        assertThat(unauthorised.body()).doesNotContain(KEY);
        assertThat(upstream.received()).as("401 is not").hasSize(1);
    }

    @Test
    void anUpstreamThatAnswersSomethingElseIs502() {
        upstream.mode(FakeAnthropicUpstream.Mode.NOT_JSON);

        RunningGateway.Reply r = gateway.chat(BODY);

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/message").asText()).contains("not a message");
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIs504(@TempDir Path otherDir) {
        upstream.mode(FakeAnthropicUpstream.Mode.HANG);
        // A gateway of its own, so that the short timeout this needs never cuts another test's call.
        GatewayConfig config = new ConfigLoader(k -> null).parse("test.yaml", """
                providers:
                  claude:
                    type: anthropic
                    base_url: %s
                    api_key: sk-ant-slow
                    timeout_ms: 700
                models:
                  - name: "*"
                    provider: claude
                """.formatted(upstream.baseUrl()));
        try (RunningGateway g = RunningGateway.start(config, otherDir)) {
            RunningGateway.Reply r = g.chat(BODY);

            assertThat(r.status()).isEqualTo(504);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("upstream_timeout");
            assertThat(r.json().at("/error/message").asText()).contains("700 ms");
        }
    }

    @Test
    void aRequestAnthropicCannotServeIs400AndNeverSent() {
        RunningGateway.Reply several = gateway.chat(
                "{\"model\":\"claude-sonnet\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        RunningGateway.Reply audio = gateway.chat("{\"model\":\"claude-sonnet\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\",\"format\":\"wav\"}}]}]}");

        assertThat(several.status()).isEqualTo(400);
        assertThat(several.json().at("/error/code").asText()).isEqualTo("invalid_request_error");
        assertThat(several.json().at("/error/message").asText()).contains("n above 1");
        assertThat(audio.status()).isEqualTo(400);
        assertThat(audio.json().at("/error/message").asText()).contains("messages[0].content[0]", "input_audio");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void theVersionHeaderAndTheBaseUrlAreConfigurable(@TempDir Path otherDir) {
        GatewayConfig config = new ConfigLoader(k -> null).parse("test.yaml", """
                providers:
                  claude:
                    type: anthropic
                    base_url: %s/
                    api_key: sk-ant-other
                    anthropic_version: "2024-10-22"
                models:
                  - name: "*"
                    provider: claude
                """.formatted(upstream.baseUrl()));
        try (RunningGateway g = RunningGateway.start(config, otherDir)) {
            RunningGateway.Reply r = g.chat(BODY);

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(upstream.received().get(0).header("anthropic-version")).isEqualTo("2024-10-22");
            assertThat(upstream.received().get(0).header("x-api-key")).isEqualTo("sk-ant-other");
        }
    }

    @Test
    void anUnreachableUpstreamIs502(@TempDir Path otherDir) {
        GatewayConfig config = new ConfigLoader(k -> null).parse("test.yaml", """
                providers:
                  gone:
                    type: anthropic
                    base_url: http://127.0.0.1:1/v1
                    api_key: sk-ant-gone
                models:
                  - name: "*"
                    provider: gone
                """);
        try (RunningGateway g = RunningGateway.start(config, otherDir)) {
            RunningGateway.Reply r = g.chat(BODY);

            assertThat(r.status()).isEqualTo(502);
            assertThat(r.json().at("/error/message").asText()).contains("could not be reached");
        }
    }
}
