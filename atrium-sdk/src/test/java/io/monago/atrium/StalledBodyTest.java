package io.monago.atrium;

import static io.monago.atrium.RawHttpServer.answer;
import static io.monago.atrium.RawHttpServer.head;
import static io.monago.atrium.RawHttpServer.hold;
import static io.monago.atrium.RawHttpServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-attempt timeout covers the whole answer: a server that sends its headers at once and then
 * stalls in the body times the attempt out, and the attempt is retried like any other timeout.
 */
class StalledBodyTest {

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

    /** Headers and half the body at once, then nothing until the test ends. */
    private RawHttpServer.Part[] stalledAnswer() {
        String body = TestServer.COMPLETION;
        return new RawHttpServer.Part[] {
            head(200, "Content-Type: application/json", "Content-Length: " + body.length()),
            text(body.substring(0, body.length() / 2)),
            hold(release)
        };
    }

    @Test
    void aBodyThatStallsTimesTheAttemptOutAndIsRetried() {
        server.enqueue(stalledAnswer()).enqueue(answer(200, TestServer.COMPLETION, "Content-Type: application/json"));
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(500))
                .maxRetries(1)
                .build()) {
            ChatCompletion completion = client.chat().completions().create(request());
            assertThat(completion.content()).isEqualTo("Halo dokter");
        }
        assertThat(server.received()).hasSize(2);
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void withoutRetriesTheStallIsATimeoutNamingTheLimit() {
        server.enqueue(stalledAnswer());
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(300))
                .maxRetries(0)
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isExactlyInstanceOf(AtriumTimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms");
        }
    }

    @Test
    void aStalledBlockingCallHangsUpOnTheServer() {
        server.enqueue(stalledAnswer());
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(300))
                .maxRetries(0)
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isExactlyInstanceOf(AtriumTimeoutException.class);
        }
        assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void anInterruptAbortsABlockingCallWaitingForItsAnswer() throws Exception {
        server.enqueue(stalledAnswer());
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofSeconds(60))
                .maxRetries(0)
                .build()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                try {
                    client.chat().completions().create(request());
                } catch (RuntimeException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            // Interrupt once the server has the request and has begun its stalled answer.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.received().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.received()).hasSize(1);
            caller.interrupt();
            caller.join(10_000);

            assertThat(caller.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(ApiException.class).hasMessageContaining("interrupted");
            assertThat(stillInterrupted).isTrue();
        }
        assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void asyncCallsTimeOutOnAStalledBodyAndRetryToo() {
        server.enqueue(stalledAnswer())
                .enqueue(stalledAnswer())
                .enqueue(answer(200, TestServer.COMPLETION, "Content-Type: application/json"));
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(300))
                .maxRetries(2)
                .build()) {
            ChatCompletion completion =
                    client.async().chat().completions().create(request()).join();
            assertThat(completion.content()).isEqualTo("Halo dokter");
        }
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void asyncWithoutRetriesFailsWithTheTimeout() {
        server.enqueue(stalledAnswer());
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(300))
                .maxRetries(0)
                .build()) {
            assertThatThrownBy(() -> client.async()
                            .chat()
                            .completions()
                            .create(request())
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseExactlyInstanceOf(AtriumTimeoutException.class);
        }
        // The client hung up on the stalled answer rather than wait for it.
        assertThat(server.closedByClient(0)).succeedsWithin(Duration.ofSeconds(10));
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
