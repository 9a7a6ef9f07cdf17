package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
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

/** The {@code openai} provider against a fake upstream that speaks OpenAI's wire format. */
class OpenAiProviderTest {

    @TempDir
    static Path dataDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        GatewayConfig config = new ConfigLoader(Map.of("UPSTREAM_KEY", "sk-upstream-secret")::get)
                .parse("test.yaml", """
                pricing:
                  usd_to_idr: 16000
                providers:
                  up:
                    type: openai
                    base_url: %s
                    api_key: ${UPSTREAM_KEY}
                    timeout_ms: 700
                models:
                  - name: gpt-5.4-mini
                    provider: up
                    upstream_model: gpt-5.4-mini-2026-03-01
                    input_usd_per_million: 0.25
                    output_usd_per_million: 2.0
                """.formatted(upstream.baseUrl()));
        gateway = RunningGateway.start(config, dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @BeforeEach
    void answer() {
        upstream.mode(FakeOpenAiUpstream.Mode.ANSWER);
        upstream.received().clear();
    }

    private static final String BODY = """
            {"model":"gpt-5.4-mini","temperature":0.2,"seed":7,
             "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is the capital of Indonesia?"}],
             "response_format":{"type":"text"},"metadata":{"session_id":"s-1"}}
            """;

    @Test
    void forwardsTheBodyUntouchedButForTheUpstreamModelAndReturnsTheAnswer() throws Exception {
        RunningGateway.Reply r = gateway.chat(BODY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("Jakarta.");
        assertThat(r.json()
                        .at("/usage/completion_tokens_details/reasoning_tokens")
                        .isInt())
                .isTrue();

        FakeOpenAiUpstream.Received got = upstream.received().get(0);
        assertThat(got.authorization()).isEqualTo("Bearer sk-upstream-secret");
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(BODY);
        expected.put("model", "gpt-5.4-mini-2026-03-01");
        assertThat(got.body()).isEqualTo(expected);

        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("up");
        // 1000 input tokens at 0.25 USD/M plus 500 output at 2.0 USD/M = 0.00125 USD, at 16 000 IDR/USD.
        assertThat(Double.parseDouble(r.header(ProtocolHeaders.COST_IDR))).isEqualTo(20.0);
        assertThat(Double.parseDouble(r.header(ProtocolHeaders.LATENCY_MS))).isPositive();
    }

    @Test
    void upstreamFailureIs502AndAudited() {
        upstream.mode(FakeOpenAiUpstream.Mode.FAIL_500);
        RunningGateway.Reply r = gateway.chat(BODY);
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("upstream_error");
        assertThat(r.json().at("/error/message").asText()).contains("500").doesNotContain("sk-upstream-secret");
        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("up");
        assertThat(r.header(ProtocolHeaders.COST_IDR)).isEqualTo("0");
        RunningGateway.Reply record =
                gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.json().path("status_code").asInt()).isEqualTo(502);
        assertThat(record.json().path("error_code").asText()).isEqualTo("upstream_error");
    }

    @Test
    void upstreamThatDoesNotAnswerInTimeIs504() {
        upstream.mode(FakeOpenAiUpstream.Mode.HANG);
        RunningGateway.Reply r = gateway.chat(BODY);
        assertThat(r.status()).isEqualTo(504);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("upstream_timeout");
        assertThat(r.json().at("/error/message").asText()).contains("700 ms");
    }

    @Test
    void upstreamAnsweringSomethingElseIs502() {
        upstream.mode(FakeOpenAiUpstream.Mode.NOT_JSON);
        RunningGateway.Reply r = gateway.chat(BODY);
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/message").asText()).contains("not a chat completion");
    }

    @Test
    void unreachableUpstreamIs502(@TempDir Path otherDir) {
        GatewayConfig config = new ConfigLoader(k -> null).parse("test.yaml", """
                providers:
                  gone:
                    type: openai
                    base_url: http://127.0.0.1:1/v1
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
