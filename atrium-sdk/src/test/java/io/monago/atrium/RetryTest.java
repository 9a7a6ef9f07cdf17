package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AuthException;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.errors.RateLimitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries against a real server that fails on cue; waits are recorded, never slept. */
class RetryTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final TestServer.Reply UNAVAILABLE =
            TestServer.Reply.json(503, "{\"error\":{\"message\":\"busy\"}}");

    private TestServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = TestServer.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Atrium client() {
        return server.client(sleeper).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void retriesFiveHundredsWithExponentialBackoffThenSucceeds() {
        server.enqueue(UNAVAILABLE).enqueue(TestServer.Reply.json(500, "{}"));
        try (Atrium client = client()) {
            ChatCompletion completion = client.chat().completions().create(request());
            assertThat(completion.content()).isEqualTo("Halo dokter");
        }
        assertThat(server.received()).hasSize(3);
        // Jitter source fixed at 0: the full 0.5 s, then 1 s.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void jitterShortensTheWaitByUpToAQuarter() {
        server.enqueue(UNAVAILABLE);
        try (Atrium client = server.client(sleeper).random(() -> 0.999_999).build()) {
            client.chat().completions().create(request());
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void everyAttemptCarriesTheSameGeneratedIdempotencyKey() {
        server.enqueue(UNAVAILABLE).enqueue(TestServer.Reply.json(408, "{}"));
        try (Atrium client = client()) {
            client.chat().completions().create(request());
            client.chat().completions().create(request());
        }
        List<String> keys = server.received().stream()
                .map(r -> r.header("Idempotency-Key").orElseThrow())
                .toList();
        assertThat(keys).hasSize(4);
        assertThat(keys.subList(0, 3)).containsOnly(keys.get(0));
        assertThat(keys.get(3)).as("a new call gets a new key").isNotEqualTo(keys.get(0));
    }

    @Test
    void theCallersIdempotencyKeyIsSentOnEveryAttempt() {
        server.enqueue(TestServer.Reply.json(409, "{}"));
        try (Atrium client = client()) {
            client.chat()
                    .completions()
                    .create(
                            request(),
                            RequestOptions.builder().idempotencyKey("order-77").build());
        }
        assertThat(server.received())
                .extracting(r -> r.header("Idempotency-Key").orElseThrow())
                .containsExactly("order-77", "order-77");
    }

    @Test
    void honoursRetryAfterSeconds() {
        server.enqueue(TestServer.Reply.of(429, Map.of("Retry-After", "3"), "{}"));
        try (Atrium client = client()) {
            client.chat().completions().create(request());
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        String in7s =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atOffset(ZoneOffset.UTC));
        server.enqueue(TestServer.Reply.of(503, Map.of("Retry-After", in7s), "{}"));
        try (Atrium client = client()) {
            client.chat().completions().create(request());
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        server.enqueue(TestServer.Reply.of(429, Map.of("retry-after-ms", "250", "Retry-After", "9"), "{}"));
        try (Atrium client = client()) {
            client.chat().completions().create(request());
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void anUnreasonableRetryAfterFallsBackToBackoff() {
        server.enqueue(TestServer.Reply.of(429, Map.of("Retry-After", "3600"), "{}"))
                .enqueue(TestServer.Reply.of(429, Map.of("Retry-After", "soon"), "{}"));
        try (Atrium client = client()) {
            client.chat().completions().create(request());
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastAnswersException() {
        server.always(TestServer.Reply.of(429, Map.of("Retry-After", "1"), "{\"error\":{\"message\":\"slow down\"}}"));
        try (Atrium client = client()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isExactlyInstanceOf(RateLimitException.class)
                    .hasMessage("slow down");
        }
        assertThat(server.received()).hasSize(1 + Atrium.DEFAULT_MAX_RETRIES);
    }

    @Test
    void maxRetriesIsConfigurablePerClientAndPerRequest() {
        server.always(UNAVAILABLE);
        try (Atrium client = server.client(sleeper).maxRetries(4).build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(ApiException.class);
            assertThat(server.received()).hasSize(5);
            assertThatThrownBy(() -> client.chat()
                            .completions()
                            .create(
                                    request(),
                                    RequestOptions.builder().maxRetries(0).build()))
                    .isInstanceOf(ApiException.class);
            assertThat(server.received()).hasSize(6);
        }
    }

    @Test
    void neverRetriesAPolicyBlockOrAnAuthFailure() {
        try (Atrium client = client()) {
            server.enqueue(TestServer.Reply.of(
                    400,
                    Map.of("X-Monago-Policy-Decision", "blocked"),
                    "{\"error\":{\"message\":\"PII\",\"code\":\"pii_blocked\"}}"));
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(PiiBlockedException.class);
            server.enqueue(TestServer.Reply.json(401, "{}"));
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(AuthException.class);
            server.enqueue(TestServer.Reply.json(403, "{}"));
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(AuthException.class);
        }
        assertThat(server.received()).hasSize(3);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retriesConnectionFailuresThenRaisesApiExceptionWithTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Atrium client = Atrium.builder()
                .apiKey("k")
                .baseUrl("http://127.0.0.1:" + closedPort + "/v1")
                .environment(name -> null)
                .sleeper(sleeper)
                .random(() -> 0.0)
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isExactlyInstanceOf(ApiException.class)
                    .hasCauseInstanceOf(ConnectException.class)
                    .satisfies(e -> assertThat(((ApiException) e).statusCode()).isZero());
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void asyncCallsRetryTheSameWay() {
        server.enqueue(UNAVAILABLE).enqueue(TestServer.Reply.of(429, Map.of("retry-after-ms", "20"), "{}"));
        try (Atrium client = client()) {
            assertThat(client.async()
                            .chat()
                            .completions()
                            .create(request())
                            .join()
                            .content())
                    .isEqualTo("Halo dokter");
            server.always(UNAVAILABLE);
            assertThatThrownBy(() -> client.async()
                            .chat()
                            .completions()
                            .create(request())
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseExactlyInstanceOf(ApiException.class);
        }
        assertThat(server.received()).hasSize(6);
        assertThat(sleeper.waits())
                .containsExactly(
                        Duration.ofMillis(500), Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void aConnectionFailureThatOutlastsTheRetriesSaysHowManyAttemptsAndHowLong() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (Atrium client = Atrium.builder()
                .apiKey("k")
                .environment(name -> null)
                .sleeper(sleeper)
                .random(() -> 0.0)
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isExactlyInstanceOf(ApiException.class)
                    .hasCauseInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith("could not complete POST http://127.0.0.1:" + port + "/v1/chat/completions")
                    .hasMessageMatching("(?s).* \\(gave up after 3 attempts, [0-9.]+ m?s in all\\)");
        }
        assertThat(sleeper.waits()).hasSize(Atrium.DEFAULT_MAX_RETRIES);
    }

    @Test
    void aFailureNotRetriedKeepsItsOwnMessage() {
        server.always(TestServer.Reply.json(400, "{\"error\":{\"message\":\"unknown field: foo\"}}"));
        try (Atrium client = client()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .hasMessage("unknown field: foo");
        }
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
