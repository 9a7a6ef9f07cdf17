package io.monago.atrium.gateway.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.gateway.support.TestRedis;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real gateway instances, each behind its own fake OpenAI upstream, sharing idempotency through
 * Redis: a retry while the first call still runs on the other instance gets 409
 * {@code request_in_progress}; once that call failed, the retry is processed afresh, and from then
 * on either instance replays its answer.
 */
class IdempotencyAcrossInstancesTest {

    static final String BODY =
            "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Apa itu BPJS?\"}]}";

    @TempDir
    static Path dataA;

    @TempDir
    static Path dataB;

    static TestRedis redis;
    static FakeOpenAiUpstream upstreamA;
    static FakeOpenAiUpstream upstreamB;
    static RunningGateway a;
    static RunningGateway b;

    @BeforeAll
    static void start() throws Exception {
        redis = new TestRedis();
        upstreamA = new FakeOpenAiUpstream();
        upstreamB = new FakeOpenAiUpstream();
        String yaml = "idempotency: {store: \"" + TestRedis.URL + "\", key_prefix: \"" + redis.prefix() + "\"}\n";
        a = RunningGateway.behind(upstreamA, dataA, yaml, "retries: 0");
        b = RunningGateway.behind(upstreamB, dataB, yaml, "retries: 0");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        upstreamA.close();
        upstreamB.close();
        redis.close();
    }

    private static RunningGateway.Reply call(RunningGateway to) {
        return to.post(
                "/chat/completions",
                BODY,
                Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY, "Idempotency-Key", "in-flight-1"));
    }

    @Test
    void aRetryWhileTheFirstCallRunsOnTheOtherInstanceIsToldToWaitThenProcessedOnceItFailed() throws Exception {
        upstreamA.mode(FakeOpenAiUpstream.Mode.HANG);
        CompletableFuture<HttpResponse<String>> first = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(a.baseUrl() + "/chat/completions"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + RunningGateway.ADMIN_KEY)
                                .header("Idempotency-Key", "in-flight-1")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (upstreamA.received().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(upstreamA.received()).hasSize(1);

        RunningGateway.Reply meanwhile = call(b);
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.json().at("/error/code").asText()).isEqualTo("request_in_progress");

        assertThat(first.join().statusCode()).isGreaterThanOrEqualTo(500);

        RunningGateway.Reply afresh = call(b);
        assertThat(afresh.status()).isEqualTo(200);
        assertThat(upstreamB.received()).hasSize(1);

        RunningGateway.Reply replayed = call(a);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.header(ProtocolHeaders.AUDIT_ID)).isEqualTo(afresh.header(ProtocolHeaders.AUDIT_ID));
        assertThat(replayed.header(ProtocolHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(afresh.body());
        assertThat(upstreamA.received()).hasSize(1);
    }
}
