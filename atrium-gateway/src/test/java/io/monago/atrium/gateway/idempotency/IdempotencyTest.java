package io.monago.atrium.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retried call with the same Idempotency-Key and body is answered, billed and audited once. */
class IdempotencyTest {

    static final String BODY =
            "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Apa itu BPJS?\"}]}";

    @TempDir
    static Path dataDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        gateway = RunningGateway.behind(upstream, dataDir, "");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.received().clear();
        upstream.mode(FakeOpenAiUpstream.Mode.ANSWER);
    }

    private static RunningGateway.Reply call(String idempotencyKey, String body) {
        return gateway.post(
                "/chat/completions",
                body,
                Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY, "Idempotency-Key", idempotencyKey));
    }

    @Test
    void aRetryGetsTheFirstAnswerWithoutAnotherUpstreamCall() {
        RunningGateway.Reply first = call("idem-retry-1", BODY);
        RunningGateway.Reply retry = call("idem-retry-1", BODY);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(ProtocolHeaders.AUDIT_ID)).isEqualTo(first.header(ProtocolHeaders.AUDIT_ID));
        assertThat(retry.header(ProtocolHeaders.COST_IDR)).isEqualTo(first.header(ProtocolHeaders.COST_IDR));
        assertThat(retry.header(ProtocolHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
        assertThat(first.header(ProtocolHeaders.IDEMPOTENT_REPLAYED)).isNull();
        assertThat(upstream.received()).hasSize(1);
        assertThat(gateway.get(
                                "/audit/" + first.header(ProtocolHeaders.AUDIT_ID),
                                Optional.of(RunningGateway.ADMIN_KEY))
                        .json()
                        .path("idempotency_key")
                        .asText())
                .isEqualTo(Calls.storedIdempotencyKey("idem-retry-1"));
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefused() {
        call("idem-reuse", BODY);
        RunningGateway.Reply other = call("idem-reuse", BODY.replace("BPJS", "NPWP"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().at("/error/message").asText()).contains("different request body");
        assertThat(upstream.received()).hasSize(1);
    }

    @Test
    void aFailedFirstAttemptIsProcessedAgainOnRetry() {
        upstream.mode(FakeOpenAiUpstream.Mode.FAIL_500);
        assertThat(call("idem-after-502", BODY).status()).isEqualTo(502);
        int firstCallTries = upstream.received().size(); // the provider's own retries included
        upstream.mode(FakeOpenAiUpstream.Mode.ANSWER);
        RunningGateway.Reply retry = call("idem-after-502", BODY);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header(ProtocolHeaders.IDEMPOTENT_REPLAYED)).isNull();
        assertThat(upstream.received()).hasSize(firstCallTries + 1);
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningGets409() throws Exception {
        upstream.mode(FakeOpenAiUpstream.Mode.HANG);
        CompletableFuture<RunningGateway.Reply> first = CompletableFuture.supplyAsync(() -> call("idem-busy", BODY));
        while (upstream.received().isEmpty()) {
            Thread.onSpinWait();
        }
        RunningGateway.Reply second = call("idem-busy", BODY);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().at("/error/code").asText()).isEqualTo("request_in_progress");
        assertThat(first.get().status()).isEqualTo(504);
    }
}
