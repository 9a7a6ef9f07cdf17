package io.monago.atrium.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RawConnection;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams that end badly, through the real gateway behind a fake OpenAI upstream: the caller goes
 * away, the provider breaks off, errors or goes silent. The caller always learns how the answer
 * ended, the upstream call never outlives the caller, and the record says what happened.
 */
class StreamFailuresTest {

    private static final List<String> PIECES =
            List.of("Istirahat ", "yang ", "cukup, ", "minum ", "air ", "putih, ", "kontrol ", "lagi.");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path impatientDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway gateway;
    /** The same upstream, with short first-chunk and idle timeouts and no retries. */
    static RunningGateway impatient;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        gateway = RunningGateway.behind(upstream, dataDir, "");
        impatient = RunningGateway.behind(
                upstream, impatientDir, "", "first_byte_timeout_ms: 300, idle_timeout_ms: 300, retries: 0");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        impatient.close();
        upstream.close();
    }

    @BeforeEach
    void answerNormally() {
        upstream.mode(FakeOpenAiUpstream.Mode.ANSWER);
    }

    private static RunningGateway.Reply streamCall() {
        return streamCall(gateway);
    }

    private static RunningGateway.Reply streamCall(RunningGateway through) {
        return through.chat("{\"model\":\"gpt-5.4-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Saran untuk flu?\"}]}");
    }

    private static JsonNode record(RunningGateway.Reply r) {
        return record(gateway, r);
    }

    private static JsonNode record(RunningGateway through, RunningGateway.Reply r) {
        return through.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY))
                .json();
    }

    /** The error event that ended a stream, or none. */
    private static Optional<JsonNode> errorEvent(String body) {
        for (String event : body.split("\n\n", -1)) {
            if (event.startsWith("event: error\n")) {
                return Optional.of(Calls.json(event.substring(event.indexOf("data: ") + 6)));
            }
        }
        return Optional.empty();
    }

    @Test
    void aCallerThatGoesAwayCancelsTheUpstreamCallAndTheRecordSaysHowMuchItGot(@TempDir Path ownDir) throws Exception {
        try (FakeOpenAiUpstream own = new FakeOpenAiUpstream();
                RunningGateway through = RunningGateway.behind(own, ownDir, "")) {
            own.stream(FakeOpenAiUpstream.Script.of(PIECES).pausing(150));
            goAwayMidStream(own, through);
        }
    }

    private static void goAwayMidStream(FakeOpenAiUpstream own, RunningGateway through) throws Exception {
        int port = URI.create(through.baseUrl()).getPort();
        String body = "{\"model\":\"gpt-5.4-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Saran untuk flu?\"}]}";
        String auditId;
        try (RawConnection c = RawConnection.open(port)) {
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + RunningGateway.ADMIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
            RawConnection.Response head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            auditId = head.header(ProtocolHeaders.AUDIT_ID);
        } // closed while the model is still writing

        assertThat(own.awaitStreamClosedByClient(1, TimeUnit.SECONDS))
                .as("the upstream connection is closed within a second")
                .isTrue();
        JsonNode stream = awaitRecord(through, auditId).path("stream");
        assertThat(stream.path("completed").asBoolean()).isFalse();
        assertThat(stream.path("ended_by").asText()).isEqualTo("client");
        assertThat(stream.path("chunks_delivered").asLong()).isLessThan(PIECES.size());
    }

    private static JsonNode awaitRecord(RunningGateway through, String auditId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            RunningGateway.Reply r = through.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY));
            if (r.status() == 200) {
                return r.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no record for " + auditId);
    }

    @Test
    void anErrorEventFromTheProviderEndsTheStreamWithTheProtocolsErrorAndTheTextSoFar() {
        upstream.stream(FakeOpenAiUpstream.Script.of(PIECES).stoppingAfter(3, "error"));

        RunningGateway.Reply r = streamCall();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("Istirahat ").endsWith("data: [DONE]\n\n");
        JsonNode error = errorEvent(r.body()).orElseThrow();
        assertThat(error.path("error").path("code").asText()).isEqualTo("upstream_error");
        assertThat(error.path("governance").path("audit_id").asText()).isEqualTo(r.header(ProtocolHeaders.AUDIT_ID));
        JsonNode stream = record(r).path("stream");
        assertThat(stream.path("completed").asBoolean()).isFalse();
        assertThat(stream.path("ended_by").asText()).isEqualTo("provider");
        assertThat(record(r).path("error_code").asText()).isEqualTo("upstream_error");
    }

    @Test
    void aConnectionThatBreaksMidStreamIsAnUpstreamError() {
        upstream.stream(FakeOpenAiUpstream.Script.of(PIECES).stoppingAfter(4, "break"));

        RunningGateway.Reply r = streamCall();

        assertThat(errorEvent(r.body()).orElseThrow().path("error").path("code").asText())
                .isEqualTo("upstream_error");
        assertThat(record(r).path("stream").path("ended_by").asText()).isEqualTo("provider");
    }

    @Test
    void aProviderSilentMidStreamForLongerThanTheIdleTimeoutEndsItAsATimeout() {
        upstream.stream(FakeOpenAiUpstream.Script.of(PIECES).stoppingAfter(2, "stall"));

        RunningGateway.Reply r = streamCall(impatient);

        assertThat(errorEvent(r.body()).orElseThrow().path("error").path("code").asText())
                .isEqualTo("upstream_timeout");
        assertThat(record(impatient, r).path("error_code").asText()).isEqualTo("upstream_timeout");
    }

    @Test
    void aProviderThatNeverStartsAnsweringIsAnUpstreamTimeoutBeforeAnyByteWasSent() {
        upstream.mode(FakeOpenAiUpstream.Mode.HANG);

        RunningGateway.Reply r = streamCall(impatient);

        assertThat(r.status()).isEqualTo(504);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("upstream_timeout");
        JsonNode attempts = record(impatient, r).path("attempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("timed_out");
    }

    @Test
    void aStreamThatEndsWellIsRecordedAsComplete() {
        upstream.stream(FakeOpenAiUpstream.Script.of(PIECES));

        RunningGateway.Reply r = streamCall();

        assertThat(errorEvent(r.body())).isEmpty();
        JsonNode record = record(r);
        assertThat(record.path("stream").path("completed").asBoolean()).isTrue();
        assertThat(record.path("usage").path("total_tokens").asLong())
                .as("the provider's own usage")
                .isEqualTo(1500);
        assertThat(record.path("attempts").get(0).path("outcome").asText()).isEqualTo("answered");
    }
}
