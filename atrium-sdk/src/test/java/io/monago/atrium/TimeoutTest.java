package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.AtriumTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that holds its answer until the test ends, so every attempt times out. */
class TimeoutTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private TestServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.always(TestServer.Reply.completion(Map.of()).heldUntil(release));
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void aSlowAnswerRaisesAtriumTimeoutExceptionAfterTheRetries() {
        // Long enough for a request to reach a local server on a busy machine before it times out.
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(600))
                .maxRetries(1)
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isExactlyInstanceOf(AtriumTimeoutException.class)
                    .hasCauseInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("timed out after 600 ms")
                    // Which attempt this was and how long all of them took, waits included.
                    .hasMessageMatching(".* timed out after 600 ms \\(gave up after 2 attempts, [0-9.]+ m?s in all\\)");
        }
        assertThat(server.received()).hasSize(2);
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void thePerRequestTimeoutOverridesTheClients() {
        try (Atrium client = server.client(sleeper).maxRetries(0).build()) {
            RequestOptions quick =
                    RequestOptions.builder().timeout(Duration.ofMillis(150)).build();
            assertThatThrownBy(() -> client.chat().completions().create(request(), quick))
                    .isExactlyInstanceOf(AtriumTimeoutException.class)
                    .hasMessageContaining("150 ms");
        }
    }

    @Test
    void asyncCallsTimeOutTheSameWay() {
        try (Atrium client = server.client(sleeper)
                .timeout(Duration.ofMillis(200))
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
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
