package io.monago.atrium;

import static io.monago.atrium.RawHttpServer.answer;
import static io.monago.atrium.RawHttpServer.chunk;
import static io.monago.atrium.RawHttpServer.closeConnection;
import static io.monago.atrium.RawHttpServer.eventStreamHead;
import static io.monago.atrium.RawHttpServer.head;
import static io.monago.atrium.RawHttpServer.hold;
import static io.monago.atrium.RawHttpServer.lastChunk;
import static io.monago.atrium.RawHttpServer.text;
import static io.monago.atrium.StreamChunks.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.chat.FinishReason;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumTimeoutException;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.http.AtriumResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code createStreaming} on the blocking client, against a server that sends exactly the bytes of
 * each test, in the pieces it chooses.
 */
class StreamingTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private RawHttpServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = RawHttpServer.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private Atrium client() {
        return server.client(sleeper).build();
    }

    /** The whole answer, each event in a chunk of its own. */
    private static RawHttpServer.Part[] streamed(String... events) {
        List<RawHttpServer.Part> parts = new ArrayList<>();
        parts.add(eventStreamHead(StreamChunks.GOVERNANCE_HEADERS));
        for (String e : events) {
            parts.add(chunk(e));
        }
        parts.add(lastChunk());
        return parts.toArray(RawHttpServer.Part[]::new);
    }

    @Test
    void chunksArriveInOrderAndGovernanceGrowsFromTheHeadersToTheLastChunk() throws Exception {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.header("content-type")).contains("text/event-stream");
            Governance atStart = stream.governance();
            assertThat(atStart.auditId()).contains(StreamChunks.AUDIT_ID);
            assertThat(atStart.piiRedacted()).containsExactly("NIK");
            assertThat(atStart.costIdr()).isEmpty();

            StringBuilder text = new StringBuilder();
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            for (ChatCompletionChunk chunk : stream) {
                chunks.add(chunk);
                text.append(chunk.content());
            }

            assertThat(text).hasToString("Pasien [NIK_1] batuk");
            assertThat(chunks).hasSize(6);
            assertThat(chunks.get(0).object()).isEqualTo("chat.completion.chunk");
            ChatCompletionChunk last = chunks.get(5);
            assertThat(last.choices()).isEmpty();
            assertThat(last.usage().orElseThrow().totalTokens()).isEqualTo(13);
            assertThat(last.governance().orElseThrow().costIdr()).hasValue(31.2);

            Governance whole = stream.governance();
            assertThat(whole.auditId()).contains(StreamChunks.AUDIT_ID);
            assertThat(whole.piiRedacted()).containsExactly("NIK", "PHONE");
            assertThat(whole.latencyMs()).hasValue(812.4);
            assertThat(whole.costIdr()).hasValue(31.2);
            assertThat(whole.decisionWord()).contains("allowed");
            assertThat(whole.blockReason()).isEmpty();

            ChatCompletion completion = stream.completion();
            assertThat(completion.content()).isEqualTo("Pasien [NIK_1] batuk");
            assertThat(completion.choices().get(0).finishReason()).contains(FinishReason.of("stop"));
            assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(13);
            assertThat(completion.governance()).isEqualTo(whole);
        }
        RawHttpServer.Received sent = server.received().get(0);
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(new ObjectMapper().readTree(sent.body()).path("stream").asBoolean())
                .isTrue();
    }

    @Test
    void theChunksAlsoComeAsAJavaStreamWhoseCloseClosesTheCall() {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client()) {
            ChatCompletionStream stream = client.chat().completions().createStreaming(request());
            String text;
            try (Stream<ChatCompletionChunk> chunks = stream.stream()) {
                text = chunks.map(ChatCompletionChunk::content).collect(Collectors.joining());
            }
            assertThat(text).isEqualTo("Pasien [NIK_1] batuk");
            assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void completionReadsTheWholeStreamWhenNothingWasIterated() {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            ChatCompletion completion = stream.completion();
            assertThat(completion.content()).isEqualTo("Pasien [NIK_1] batuk");
            assertThat(completion.governance().costIdr()).hasValue(31.2);
        }
    }

    @Test
    void eventsCutAnywhereWithCommentsCrlfAndMultiLineDataReadTheSame() {
        String body = ": keep-alive\r\n\r\n"
                + String.join("", StreamChunks.answer())
                        .replace("\n", "\r\n")
                        .replace("{\"content\":\"batuk\"}", "{\"content\":\r\ndata: \"batuk\"}");
        List<RawHttpServer.Part> parts = new ArrayList<>();
        parts.add(eventStreamHead(StreamChunks.GOVERNANCE_HEADERS));
        for (int i = 0; i < body.length(); i += 7) {
            parts.add(chunk(body.substring(i, Math.min(body.length(), i + 7))));
        }
        parts.add(lastChunk());
        server.enqueue(parts.toArray(RawHttpServer.Part[]::new));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThat(stream.completion().content()).isEqualTo("Pasien [NIK_1] batuk");
            assertThat(stream.governance().costIdr()).hasValue(31.2);
        }
    }

    @Test
    void aServerThatClosesRightAfterTheLastEventWithoutItsBlankLineEndsTheStreamProperly() {
        // No Content-Length and no chunked coding: the body ends when the connection closes.
        server.enqueue(
                head(200, "Content-Type: text/event-stream", "Connection: close"),
                text(String.join("", StreamChunks.answer()).replace("data: [DONE]\n\n", "data: [DONE]")),
                closeConnection());
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThat(stream.completion().content()).isEqualTo("Pasien [NIK_1] batuk");
        }
    }

    @Test
    void anErrorEventBecomesTheTypedExceptionAfterTheChunksBeforeIt() {
        server.enqueue(streamed(
                event(StreamChunks.content("Pasien ")),
                "event: error\ndata: {\"error\":{\"message\":\"the provider's stream broke off\","
                        + "\"type\":\"api_error\",\"code\":\"upstream_error\",\"param\":null},"
                        + "\"governance\":{\"audit_id\":\"" + StreamChunks.AUDIT_ID + "\",\"latency_ms\":40.5,"
                        + "\"cost_idr\":1.5}}\n\n",
                "data: [DONE]\n\n"));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            Iterator<ChatCompletionChunk> chunks = stream.iterator();
            assertThat(chunks.next().content()).isEqualTo("Pasien ");

            ApiException e = catchThrowableOfType(ApiException.class, chunks::hasNext);

            assertThat(e).hasMessage("the provider's stream broke off");
            assertThat(e.statusCode()).isEqualTo(502);
            assertThat(e.errorCode()).contains("upstream_error");
            assertThat(e.auditId()).contains(StreamChunks.AUDIT_ID);
            assertThat(e.governance().piiRedacted()).containsExactly("NIK");
            assertThat(e.governance().costIdr()).hasValue(1.5);
            assertThat(e.governance().provider()).contains("echo");
            // The failure stays: asking again, or for the completion, raises it again.
            assertThatThrownBy(chunks::hasNext).isSameAs(e);
            assertThatThrownBy(stream::completion).isSameAs(e);
        }
    }

    @Test
    void anErrorEventNamingABlockRaisesTheBlocksException() {
        server.enqueue(streamed(
                event(StreamChunks.content("NIK ")),
                "event: error\ndata: {\"error\":{\"message\":\"PII in the answer\",\"type\":\"policy_violation\","
                        + "\"code\":\"pii_blocked\"},\"governance\":{\"policy_decision\":\"blocked\","
                        + "\"block_reason\":\"PII detected: NIK\"}}\n\n"));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            PiiBlockedException e = catchThrowableOfType(PiiBlockedException.class, stream::completion);
            assertThat(e.blockReason()).contains("PII detected: NIK");
            assertThat(e.governance().blocked()).isTrue();
            assertThat(e.auditId()).contains(StreamChunks.AUDIT_ID);
        }
    }

    @Test
    void anErrorObjectInsideADataEventIsAnErrorToo() {
        server.enqueue(streamed(event("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThatThrownBy(stream::completion)
                    .isExactlyInstanceOf(ApiException.class)
                    .hasMessage("overloaded");
        }
    }

    @Test
    void aConnectionBrokenMidStreamRaisesApiExceptionWithWhatGovernanceWasKnown() {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                text("40\r\ndata: {\"id\":\"chatcmpl-s1\",\"choi"), // a chunk of 64 bytes, cut short
                closeConnection());
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            Iterator<ChatCompletionChunk> chunks = stream.iterator();
            assertThat(chunks.next().content()).isEqualTo("Pasien ");

            ApiException e = catchThrowableOfType(ApiException.class, chunks::next);

            assertThat(e).hasMessageContaining("broke off after 1 chunks").hasCauseInstanceOf(IOException.class);
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.auditId()).contains(StreamChunks.AUDIT_ID);
            assertThat(e.governance().piiRedacted()).containsExactly("NIK");
        }
        assertThat(server.received()).as("nothing of a stream is retried").hasSize(1);
    }

    @Test
    void aBodyThatEndsCleanlyBeforeDoneIsAnIncompleteAnswer() {
        server.enqueue(
                head(200, "Content-Type: text/event-stream", "Connection: close", "X-Monago-Audit-Id: a-cut"),
                text(event(StreamChunks.content("Pasien "))),
                closeConnection());
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            ApiException e = catchThrowableOfType(ApiException.class, stream::completion);
            assertThat(e).hasMessageContaining("without data: [DONE]");
            assertThat(e.auditId()).contains("a-cut");
        }
    }

    @Test
    void aChunkThatIsNotJsonFailsTheStream() {
        server.enqueue(streamed(event("{\"id\": oops"), "data: [DONE]\n\n"));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThatThrownBy(stream::completion)
                    .isExactlyInstanceOf(ApiException.class)
                    .hasMessageContaining("chunk 1 of the stream is not a JSON object");
        }
    }

    @Test
    void aServerSilentForLongerThanTheIdleTimeoutFailsTheStreamAndIsHungUpOn() {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                hold(release));
        try (Atrium client = server.client(sleeper)
                        .timeout(Duration.ofSeconds(30))
                        .streamIdleTimeout(Duration.ofMillis(300))
                        .build();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            Iterator<ChatCompletionChunk> chunks = stream.iterator();
            assertThat(chunks.next().content()).isEqualTo("Pasien ");

            AtriumTimeoutException e = catchThrowableOfType(AtriumTimeoutException.class, chunks::hasNext);

            assertThat(e).hasMessageContaining("sent nothing for 300 ms after 1 chunks");
            assertThat(e.auditId()).contains(StreamChunks.AUDIT_ID);
        }
        assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void thePerCallIdleTimeoutOverridesTheClients() {
        server.enqueue(eventStreamHead(), hold(release));
        RequestOptions quick = RequestOptions.builder()
                .streamIdleTimeout(Duration.ofMillis(200))
                .build();
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request(), quick)) {
            assertThatThrownBy(stream::completion)
                    .isExactlyInstanceOf(AtriumTimeoutException.class)
                    .hasMessageContaining("200 ms after 0 chunks");
        }
    }

    @Test
    void closingEarlyClosesTheConnection() {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                hold(release));
        try (Atrium client = client()) {
            ChatCompletionStream stream = client.chat().completions().createStreaming(request());
            assertThat(stream.iterator().next().content()).isEqualTo("Pasien ");

            stream.close();

            assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
            stream.close(); // again: nothing happens
        }
    }

    @Test
    void closingFromAnotherThreadStopsAReadWaitingOnTheNetwork() throws Exception {
        server.enqueue(eventStreamHead(StreamChunks.GOVERNANCE_HEADERS), hold(release));
        try (Atrium client = client()) {
            ChatCompletionStream stream = client.chat().completions().createStreaming(request());
            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    stream.completion();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            // The reader waits on the server, which holds (or has not begun to): either way it stops.
            stream.close();
            assertThat(reader.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void closingTheClientLetsAStreamInFlightFinishButRefusesNewCalls() {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                hold(release),
                chunk(String.join("", StreamChunks.answer())),
                lastChunk());
        Atrium client = client();
        try (ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThat(stream.iterator().next().content()).isEqualTo("Pasien ");

            client.close();
            release.countDown();

            assertThat(stream.completion().content()).startsWith("Pasien Pasien [NIK_1]");
            assertThatThrownBy(() -> client.chat().completions().createStreaming(request()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aBlockBeforeTheStreamBeginsIsRaisedByCreateStreaming() {
        server.enqueue(answer(
                400,
                "{\"error\":{\"message\":\"PII blocked\",\"type\":\"policy_violation\",\"code\":\"pii_blocked\"}}",
                "Content-Type: application/json",
                "X-Monago-Audit-Id: a-blocked",
                "X-Monago-Policy-Decision: blocked",
                "X-Monago-Block-Reason: PII detected: SSN"));
        try (Atrium client = client()) {
            PiiBlockedException e = catchThrowableOfType(
                    PiiBlockedException.class, () -> client.chat().completions().createStreaming(request()));
            assertThat(e.auditId()).contains("a-blocked");
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void failuresBeforeTheStreamBeginsAreRetriedWithTheSameIdempotencyKey() {
        server.enqueue(answer(503, "{\"error\":{\"message\":\"busy\"}}", "Content-Type: application/json"))
                .enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThat(stream.completion().content()).isEqualTo("Pasien [NIK_1] batuk");
        }
        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(1).header("Idempotency-Key"))
                .isEqualTo(server.received().get(0).header("Idempotency-Key"));
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void aServerThatIgnoresStreamTrueAndAnswersJsonIsReportedAsSuch() {
        server.enqueue(answer(200, TestServer.COMPLETION, "Content-Type: application/json"));
        try (Atrium client = client()) {
            assertThatThrownBy(() -> client.chat().completions().createStreaming(request()))
                    .isExactlyInstanceOf(ApiException.class)
                    .hasMessageContaining("not an event stream");
        }
    }

    @Test
    void createStillRefusesAStreamingRequestAndPointsToCreateStreaming() {
        try (Atrium client = client()) {
            ChatCompletionRequest streaming =
                    ChatCompletionRequest.builder().model("gpt-5.4-mini").addUserMessage("hi").stream(true)
                            .build();
            assertThatThrownBy(() -> client.chat().completions().create(streaming))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("createStreaming");
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anInterceptorMayAnswerAStreamingCallWithTheWholeBody() {
        byte[] recorded = StreamChunks.answerText().getBytes(StandardCharsets.UTF_8);
        try (Atrium client = server.client()
                        .addInterceptor(chain -> CompletableFuture.completedFuture(AtriumResponse.of(
                                chain.request(),
                                200,
                                Map.of(
                                        "Content-Type",
                                        List.of("text/event-stream"),
                                        "X-Monago-Audit-Id",
                                        List.of("rec")),
                                recorded)))
                        .build();
                ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            assertThat(stream.completion().content()).isEqualTo("Pasien [NIK_1] batuk");
            assertThat(stream.governance().auditId()).contains(StreamChunks.AUDIT_ID);
        }
        assertThat(server.received()).isEmpty();
    }

    static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("Pasien NIK 3201234567890123 batuk")
                .build();
    }
}
