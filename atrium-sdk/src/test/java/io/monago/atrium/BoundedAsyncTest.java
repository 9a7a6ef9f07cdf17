package io.monago.atrium;

import static io.monago.atrium.RawHttpServer.chunk;
import static io.monago.atrium.RawHttpServer.eventStreamHead;
import static io.monago.atrium.RawHttpServer.head;
import static io.monago.atrium.RawHttpServer.hold;
import static io.monago.atrium.RawHttpServer.lastChunk;
import static io.monago.atrium.RawHttpServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** maxConcurrentRequests: calls beyond it wait their turn, a waiting call cancels for free, and a late cancel names its audit record. */
class BoundedAsyncTest {

    @Test
    void callsBeyondTheBoundWaitAndACancelledWaitingCallIsNeverSent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start();
                Atrium client = server.client().maxConcurrentRequests(2).build()) {
            for (int i = 0; i < 5; i++) {
                server.enqueue(TestServer.Reply.completion(Map.of()).heldUntil(release));
            }
            List<CallFuture<ChatCompletion>> calls = IntStream.range(0, 5)
                    .mapToObj(i -> client.async().chat().completions().create(request()))
                    .toList();

            awaitTrue(() -> server.received().size() == 2);
            assertThat(calls.subList(2, 5)).noneMatch(CompletableFuture::isDone);
            assertThat(calls.get(2).cancel(true)).isTrue();
            assertThat(calls.get(2).auditId())
                    .as("never sent, so never answered")
                    .isEmpty();
            release.countDown();

            CompletableFuture.allOf(calls.get(0), calls.get(1), calls.get(3), calls.get(4))
                    .get(30, TimeUnit.SECONDS);
            assertThat(server.received())
                    .as("the cancelled call was dropped from the queue")
                    .hasSize(4);
            assertThat(calls.get(2)).isCancelled();
        } finally {
            release.countDown();
        }
    }

    @Test
    void anOpenStreamHoldsItsPlaceUntilItIsClosed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RawHttpServer server = RawHttpServer.start();
                Atrium client = server.client().maxConcurrentRequests(1).build()) {
            server.enqueue(
                    eventStreamHead(StreamChunks.GOVERNANCE_HEADERS),
                    chunk(StreamChunks.event(StreamChunks.content("Pasien "))),
                    hold(release),
                    lastChunk());
            ChatCompletionPublisher stream = client.async().chat().completions().createStreaming(request());
            RecordingSubscriber subscriber = new RecordingSubscriber(1);
            stream.subscribe(subscriber);
            assertThat(subscriber.next().kind()).isEqualTo("subscribe");
            assertThat(subscriber.next().kind())
                    .as("the stream is open and read")
                    .isEqualTo("next");

            CallFuture<ChatCompletion> waiting =
                    client.async().chat().completions().create(request());
            assertThat(waiting.cancel(true)).isTrue();
            subscriber.subscription().cancel();
            server.closedByClient(0).get(30, TimeUnit.SECONDS);

            assertThat(server.received()).as("only the stream was sent").hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> Atrium.builder().maxConcurrentRequests(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrentRequests must be at least 1, got 0");
    }

    @Test
    void cancellingACallTheGatewayAlreadyAnsweredStillNamesItsAuditRecord() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RawHttpServer server = RawHttpServer.start();
                Atrium client = server.client().maxRetries(0).build()) {
            String body = TestServer.COMPLETION;
            server.enqueue(
                    head(
                            200,
                            "Content-Type: application/json",
                            "Content-Length: " + body.length(),
                            "X-Monago-Audit-Id: audit-late",
                            "X-Monago-Policy-Decision: allowed"),
                    hold(release),
                    text(body));
            CallFuture<ChatCompletion> call =
                    client.async().chat().completions().create(request());

            awaitTrue(() -> call.auditId().isPresent());
            assertThat(call.cancel(true)).isTrue();

            assertThat(call).isCancelled();
            assertThat(call.auditId()).contains("audit-late");
            assertThat(call.answered().flatMap(Governance::decisionWord)).contains("allowed");
        } finally {
            release.countDown();
        }
    }

    /** Waits for something the test caused to be seen; gives up after 30 s so a broken test fails rather than hangs. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(10);
        }
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
