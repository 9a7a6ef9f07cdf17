package io.monago.atrium;

import static io.monago.atrium.RawHttpServer.answer;
import static io.monago.atrium.RawHttpServer.chunk;
import static io.monago.atrium.RawHttpServer.closeConnection;
import static io.monago.atrium.RawHttpServer.eventStreamHead;
import static io.monago.atrium.RawHttpServer.hold;
import static io.monago.atrium.RawHttpServer.lastChunk;
import static io.monago.atrium.RawHttpServer.text;
import static io.monago.atrium.StreamChunks.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AtriumTimeoutException;
import io.monago.atrium.errors.PiiBlockedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code createStreaming} on the async client: a {@code Flow.Publisher} that starts the call when
 * subscribed, delivers chunks as they are requested, on the client's executor, and closes the
 * connection when cancelled.
 */
class AsyncStreamingTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "user-callbacks");
        t.setDaemon(true);
        return t;
    });
    private RawHttpServer server;

    @BeforeEach
    void start() {
        server = RawHttpServer.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
        callbacks.shutdownNow();
    }

    private Atrium client() {
        return server.client().executor(callbacks).build();
    }

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
    void chunksArriveOnTheClientsExecutorThenTheCompletionAndGovernance() throws Exception {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client()) {
            ChatCompletionPublisher publisher =
                    client.async().chat().completions().createStreaming(StreamingTest.request());
            RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);

            publisher.subscribe(subscriber);

            assertThat(subscriber.awaitEnd()).isNull();
            assertThat(subscriber.all())
                    .first()
                    .extracting(RecordingSubscriber.Signal::kind)
                    .isEqualTo("subscribe");
            assertThat(subscriber.all())
                    .last()
                    .extracting(RecordingSubscriber.Signal::kind)
                    .isEqualTo("complete");
            assertThat(subscriber.all()).allSatisfy(s -> assertThat(s.thread()).isEqualTo("user-callbacks"));
            assertThat(subscriber.chunks().stream()
                            .map(ChatCompletionChunk::content)
                            .collect(Collectors.joining()))
                    .isEqualTo("Pasien [NIK_1] batuk");

            ChatCompletion completion = publisher.completion().get(10, TimeUnit.SECONDS);
            assertThat(completion.content()).isEqualTo("Pasien [NIK_1] batuk");
            assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(13);
            Governance g = publisher.governance().get(10, TimeUnit.SECONDS);
            assertThat(g.auditId()).contains(StreamChunks.AUDIT_ID);
            assertThat(g.piiRedacted()).containsExactly("NIK", "PHONE");
            assertThat(g.costIdr()).hasValue(31.2);
        }
        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void nothingIsSentBeforeASubscriberSubscribes() {
        try (Atrium client = client()) {
            client.async().chat().completions().createStreaming(StreamingTest.request());
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void chunksAreDeliveredOnlyAsTheSubscriberRequestsThem() throws Exception {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client()) {
            ChatCompletionPublisher publisher =
                    client.async().chat().completions().createStreaming(StreamingTest.request());
            RecordingSubscriber subscriber = new RecordingSubscriber(0);
            publisher.subscribe(subscriber);
            assertThat(subscriber.next().kind()).isEqualTo("subscribe");

            subscriber.request(1);
            assertThat(subscriber.next().chunk().content()).isEmpty(); // the role chunk
            subscriber.request(2);
            assertThat(subscriber.next().chunk().content()).isEqualTo("Pasien ");
            assertThat(subscriber.next().chunk().content()).isEqualTo("[NIK_1] ");
            // The whole answer is at the client by now; with no demand left nothing more comes.
            assertThat(publisher.completion()).isNotDone();
            assertThat(subscriber.hasUntakenSignal()).isFalse();

            subscriber.request(Long.MAX_VALUE);
            assertThat(subscriber.awaitEnd()).isNull();
            assertThat(subscriber.chunks()).hasSize(6);
        }
    }

    @Test
    void cancellingTheSubscriptionClosesTheConnection() throws Exception {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                hold(release));
        try (Atrium client = client()) {
            ChatCompletionPublisher publisher =
                    client.async().chat().completions().createStreaming(StreamingTest.request());
            RecordingSubscriber subscriber = new RecordingSubscriber(1);
            publisher.subscribe(subscriber);
            assertThat(subscriber.next().kind()).isEqualTo("subscribe");
            assertThat(subscriber.next().chunk().content()).isEqualTo("Pasien ");

            subscriber.subscription().cancel();

            assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(publisher.completion()).failsWithin(Duration.ofSeconds(10));
            assertThat(publisher.completion().isCompletedExceptionally()).isTrue();
            assertThat(publisher.completion().handle((c, e) -> e).join()).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void cancellingBeforeTheHeadersAbortsTheCall() throws Exception {
        server.enqueue(hold(release));
        try (Atrium client = client()) {
            RecordingSubscriber subscriber = new RecordingSubscriber(1);
            client.async()
                    .chat()
                    .completions()
                    .createStreaming(StreamingTest.request())
                    .subscribe(subscriber);
            while (server.received().isEmpty()) {
                Thread.sleep(5); // until the request is at the server, which holds its answer
            }

            subscriber.subscription().cancel();

            assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(subscriber.all())
                    .extracting(RecordingSubscriber.Signal::kind)
                    .containsExactly("subscribe");
        }
    }

    @Test
    void aBlockBeforeTheStreamReachesOnErrorAsTheTypedException() throws Exception {
        server.enqueue(answer(
                400,
                "{\"error\":{\"message\":\"PII blocked\",\"code\":\"pii_blocked\"}}",
                "Content-Type: application/json",
                "X-Monago-Audit-Id: a-blocked",
                "X-Monago-Policy-Decision: blocked"));
        try (Atrium client = client()) {
            ChatCompletionPublisher publisher =
                    client.async().chat().completions().createStreaming(StreamingTest.request());
            RecordingSubscriber subscriber = new RecordingSubscriber(1);
            publisher.subscribe(subscriber);

            Throwable error = subscriber.awaitEnd();

            assertThat(error).isInstanceOf(PiiBlockedException.class);
            assertThat(((AtriumException) error).auditId()).contains("a-blocked");
            assertThat(publisher.governance()).failsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void anErrorEventReachesOnErrorAfterTheChunksBeforeIt() throws Exception {
        server.enqueue(streamed(
                event(StreamChunks.content("Pasien ")),
                "event: error\ndata: {\"error\":{\"message\":\"broke\",\"type\":\"api_error\",\"code\":\"upstream_error\"},"
                        + "\"governance\":{\"cost_idr\":1.5}}\n\n"));
        try (Atrium client = client()) {
            RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
            client.async()
                    .chat()
                    .completions()
                    .createStreaming(StreamingTest.request())
                    .subscribe(subscriber);

            Throwable error = subscriber.awaitEnd();

            assertThat(subscriber.chunks())
                    .extracting(ChatCompletionChunk::content)
                    .containsExactly("Pasien ");
            assertThat(error).isExactlyInstanceOf(ApiException.class).hasMessage("broke");
            ApiException e = (ApiException) error;
            assertThat(e.errorCode()).contains("upstream_error");
            assertThat(e.auditId()).contains(StreamChunks.AUDIT_ID);
            assertThat(e.governance().costIdr()).hasValue(1.5);
        }
    }

    @Test
    void aBrokenConnectionReachesOnError() throws Exception {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                text("40\r\ndata: {\"id\":"),
                closeConnection());
        try (Atrium client = client()) {
            RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
            client.async()
                    .chat()
                    .completions()
                    .createStreaming(StreamingTest.request())
                    .subscribe(subscriber);

            Throwable error = subscriber.awaitEnd();

            assertThat(error).isExactlyInstanceOf(ApiException.class).hasCauseInstanceOf(IOException.class);
            assertThat(((ApiException) error).auditId()).contains(StreamChunks.AUDIT_ID);
        }
    }

    @Test
    void aSilentServerTimesTheStreamOutWhileTheSubscriberWaits() throws Exception {
        server.enqueue(
                eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                chunk(event(StreamChunks.content("Pasien "))),
                hold(release));
        try (Atrium client = server.client()
                .executor(callbacks)
                .streamIdleTimeout(Duration.ofMillis(300))
                .build()) {
            RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
            client.async()
                    .chat()
                    .completions()
                    .createStreaming(StreamingTest.request())
                    .subscribe(subscriber);

            Throwable error = subscriber.awaitEnd();

            assertThat(error).isExactlyInstanceOf(AtriumTimeoutException.class).hasMessageContaining("300 ms");
            assertThat(subscriber.chunks()).hasSize(1);
            assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPublisherServesOneSubscriber() throws Exception {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client()) {
            ChatCompletionPublisher publisher =
                    client.async().chat().completions().createStreaming(StreamingTest.request());
            RecordingSubscriber first = new RecordingSubscriber(Long.MAX_VALUE);
            RecordingSubscriber second = new RecordingSubscriber(Long.MAX_VALUE);
            publisher.subscribe(first);
            publisher.subscribe(second);

            assertThat(second.awaitEnd()).isInstanceOf(IllegalStateException.class);
            assertThat(first.awaitEnd()).isNull();
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aNonPositiveRequestIsAnError() throws Exception {
        server.enqueue(streamed(StreamChunks.answer()));
        try (Atrium client = client()) {
            RecordingSubscriber subscriber = new RecordingSubscriber(0);
            client.async()
                    .chat()
                    .completions()
                    .createStreaming(StreamingTest.request())
                    .subscribe(subscriber);

            subscriber.request(0);

            assertThat(subscriber.awaitEnd()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
