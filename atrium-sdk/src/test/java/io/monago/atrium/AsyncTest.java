package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.internal.Sleeper;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The async client: cancellation reaches the network and the retry wait; the executor is the user's. */
class AsyncTest {

    @Test
    void cancellingTheFutureClosesTheConnectionTheServerIsWaitingOn() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch requestArrived = new CountDownLatch(1);
            // A server that reads the request, never answers, and reports when the client hangs up.
            CompletableFuture<Boolean> connectionClosed = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = listener.accept();
                        InputStream in = socket.getInputStream()) {
                    while (in.read() != -1) {
                        requestArrived.countDown();
                    }
                    return true;
                } catch (Exception e) {
                    return true; // a reset is a close too
                }
            });
            try (Atrium client = Atrium.builder()
                    .apiKey("k")
                    .environment(name -> null)
                    .maxRetries(0)
                    .baseUrl("http://127.0.0.1:" + listener.getLocalPort() + "/v1")
                    .build()) {
                CompletableFuture<ChatCompletion> call =
                        client.async().chat().completions().create(request());
                assertThat(requestArrived.await(10, TimeUnit.SECONDS))
                        .as("request reached the server")
                        .isTrue();

                assertThat(call.cancel(true)).isTrue();

                assertThat(connectionClosed.get(10, TimeUnit.SECONDS)).isTrue();
                assertThat(call).isCancelled();
            }
        }
    }

    @Test
    void cancellingDuringTheWaitBeforeARetryEndsTheWaitAndSendsNothingMore() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<CompletableFuture<Void>> pendingWait = new AtomicReference<>();
        Sleeper holdingSleeper = new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                throw new AssertionError("async calls must not block a thread to wait");
            }

            @Override
            public CompletableFuture<Void> delay(Duration duration) {
                CompletableFuture<Void> wait = new CompletableFuture<>();
                pendingWait.set(wait);
                waiting.countDown();
                return wait;
            }
        };
        try (TestServer server = TestServer.start();
                Atrium client = server.client().sleeper(holdingSleeper).build()) {
            server.always(TestServer.Reply.json(503, "{}"));
            CompletableFuture<ChatCompletion> call =
                    client.async().chat().completions().create(request());
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

            call.cancel(true);

            // The wait may be registered with the call just after the cancel; it is cancelled then.
            assertThatThrownBy(() -> pendingWait.get().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void completionsRunOnTheExecutorTheUserSets() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger tasks = new AtomicInteger();
        try (TestServer server = TestServer.start();
                Atrium client = server.client()
                        .executor(task -> {
                            tasks.incrementAndGet();
                            pool.execute(task);
                        })
                        .build()) {
            ChatCompletion completion =
                    client.async().chat().completions().create(request()).join();
            assertThat(completion.content()).isEqualTo("Halo dokter");
            assertThat(tasks).hasPositiveValue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheClientLetsACallInFlightFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start()) {
            server.always(TestServer.Reply.completion(java.util.Map.of()).heldUntil(release));
            Atrium client = server.client().build();
            CompletableFuture<ChatCompletion> call =
                    client.async().chat().completions().create(request());
            while (server.received().isEmpty()) {
                Thread.sleep(5); // until the request is at the server, held there
            }

            client.close();
            release.countDown();

            assertThat(call.get(10, TimeUnit.SECONDS).content()).isEqualTo("Halo dokter");
        }
    }

    @Test
    void manyCallsShareOneClient() {
        try (TestServer server = TestServer.start();
                Atrium client = server.client().build()) {
            var calls = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> client.async().chat().completions().create(request()))
                    .toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            assertThat(calls).allSatisfy(c -> assertThat(c.join().content()).isEqualTo("Halo dokter"));
            assertThat(server.received()).hasSize(20);
        }
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
