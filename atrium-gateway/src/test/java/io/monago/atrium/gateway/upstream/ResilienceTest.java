package io.monago.atrium.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries, fallbacks and the circuit breaker through the real gateway, with two fake OpenAI
 * upstreams as two providers: the caller sees one answer, from the provider that gave it, and the
 * record lists every try.
 */
class ResilienceTest {

    @TempDir
    Path dataDir;

    FakeOpenAiUpstream primary;
    FakeOpenAiUpstream spare;
    RunningGateway gateway;

    @BeforeEach
    void start() throws Exception {
        primary = new FakeOpenAiUpstream();
        spare = new FakeOpenAiUpstream();
        primary.answer("dari utama");
        spare.answer("dari cadangan");
        spare.stream(FakeOpenAiUpstream.Script.of(List.of("dari ", "cadangan")));
        String yaml = "providers:\n"
                + "  main: {type: openai, base_url: \"" + primary.baseUrl() + "\", retries: 1, retry_backoff_ms: 10,"
                + " circuit_breaker: {failures: 4, open_ms: 400}}\n"
                + "  backup: {type: openai, base_url: \"" + spare.baseUrl() + "\"}\n"
                + "models:\n"
                + "  - {name: clinical, provider: main, upstream_model: big-model, fallback: [clinical-lite]}\n"
                + "  - {name: clinical-lite, provider: backup, upstream_model: small-model}\n";
        gateway = RunningGateway.start(new ConfigLoader(k -> null).parse("test.yaml", yaml), dataDir);
    }

    @AfterEach
    void stop() {
        gateway.close();
        primary.close();
        spare.close();
    }

    private RunningGateway.Reply ask(boolean stream) {
        return gateway.chat("{\"model\":\"clinical\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}");
    }

    private JsonNode record(RunningGateway.Reply r) {
        return gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY))
                .json();
    }

    private static List<String> tries(JsonNode record) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode a : record.path("attempts")) {
            out.add(a.path("provider").asText() + ":" + a.path("outcome").asText()
                    + (a.has("status") ? "(" + a.path("status").asInt() + ")" : "")
                    + (a.has("fallback_model") ? "->" + a.path("fallback_model").asText() : ""));
        }
        return out;
    }

    @Test
    void aFailingProviderIsRetriedThenTheFallbackAnswersAndIsNamed() {
        primary.mode(FakeOpenAiUpstream.Mode.FAIL_500);

        RunningGateway.Reply r = ask(false);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()
                        .path("choices")
                        .path(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("dari cadangan");
        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("backup");
        assertThat(primary.received()).hasSize(2);
        assertThat(spare.received().get(0).body().path("model").asText()).isEqualTo("small-model");
        JsonNode record = record(r);
        assertThat(record.path("provider").asText()).isEqualTo("backup");
        assertThat(tries(record))
                .containsExactly("main:failed(500)", "main:failed(500)", "backup:answered->clinical-lite");
    }

    @Test
    void aStreamFallsBackBeforeItsFirstByteSoTheCallerSeesOnlyTheAnswer() {
        primary.mode(FakeOpenAiUpstream.Mode.FAIL_500);

        RunningGateway.Reply r = ask(true);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("backup");
        List<String> data = Calls.sseData(r.body());
        assertThat(String.join("", data)).contains("dari ", "cadangan").doesNotContain("error");
        assertThat(data.get(data.size() - 2)).contains("\"provider\":\"backup\"");
        assertThat(tries(record(r))).endsWith("backup:answered->clinical-lite");
    }

    @Test
    void theCircuitOpensSoTheFailingProviderIsSkippedThenATrialClosesIt() throws Exception {
        primary.mode(FakeOpenAiUpstream.Mode.FAIL_500);
        ask(false); // two failures
        ask(false); // four: the circuit opens
        int callsWhenOpened = primary.received().size();

        RunningGateway.Reply whileOpen = ask(false);
        assertThat(whileOpen.status()).isEqualTo(200);
        assertThat(primary.received()).as("no call while open").hasSize(callsWhenOpened);
        assertThat(tries(record(whileOpen))).containsExactly("main:circuit_open", "backup:answered->clinical-lite");

        primary.mode(FakeOpenAiUpstream.Mode.ANSWER);
        Thread.sleep(450); // the open time passes
        RunningGateway.Reply trial = ask(false);
        assertThat(trial.header(ProtocolHeaders.PROVIDER)).isEqualTo("main");
        assertThat(tries(record(trial))).containsExactly("main:answered");
        assertThat(ask(false).header(ProtocolHeaders.PROVIDER))
                .as("closed again")
                .isEqualTo("main");
    }

    @Test
    void whenEveryProviderFailsTheCallerGetsTheLastFailure() {
        primary.mode(FakeOpenAiUpstream.Mode.FAIL_500);
        spare.mode(FakeOpenAiUpstream.Mode.NOT_JSON);

        RunningGateway.Reply r = ask(false);

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("upstream_error");
        // Two tries on main, then three on backup: a body that is not JSON may be a passing fault.
        assertThat(tries(record(r))).hasSize(5).last().asString().startsWith("backup:failed");
    }
}
