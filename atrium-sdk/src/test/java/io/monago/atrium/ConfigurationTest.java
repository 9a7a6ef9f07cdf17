package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.AuthException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Where the key, base URL and other settings come from; the environment is a plain map here. */
class ConfigurationTest {

    private final Map<String, String> env = new HashMap<>();

    private Atrium.Builder builder() {
        return Atrium.builder().environment(env::get);
    }

    @Test
    void apiKeyComesFromTheBuilderFirstThenAtriumThenMonagoVariables() {
        try (TestServer server = TestServer.start()) {
            env.put(Atrium.BASE_URL_ENV, server.baseUrl());
            env.put("MONAGO_API_KEY", "from-monago");
            assertThat(keySent(builder(), server)).isEqualTo("Bearer from-monago");
            env.put("ATRIUM_API_KEY", "from-atrium");
            assertThat(keySent(builder(), server)).isEqualTo("Bearer from-atrium");
            assertThat(keySent(builder().apiKey("from-builder"), server)).isEqualTo("Bearer from-builder");
        }
    }

    @Test
    void blankVariablesCountAsUnset() {
        env.put("ATRIUM_API_KEY", "  ");
        env.put("MONAGO_API_KEY", "from-monago");
        env.put("ATRIUM_BASE_URL", "");
        try (Atrium client = builder().build()) {
            assertThat(client.baseUrl()).isEqualTo(URI.create(Atrium.DEFAULT_BASE_URL));
        }
    }

    @Test
    void noKeyAnywhereFailsAtConstructionSayingHowToSetOne() {
        assertThatThrownBy(() -> builder().build())
                .isExactlyInstanceOf(AuthException.class)
                .hasMessageContaining("apiKey(")
                .hasMessageContaining("ATRIUM_API_KEY")
                .hasMessageContaining("MONAGO_API_KEY")
                .satisfies(e -> assertThat(((AuthException) e).statusCode()).isZero());
    }

    @Test
    void fromEnvReadsTheProcessEnvironment() {
        // Surefire blanks the variables for tests, so the real environment has no key.
        assertThatThrownBy(Atrium::fromEnv).isInstanceOf(AuthException.class);
    }

    @Test
    void baseUrlComesFromTheBuilderThenTheVariableThenTheDefault() {
        env.put("ATRIUM_API_KEY", "k");
        try (Atrium client = builder().build()) {
            assertThat(client.baseUrl()).isEqualTo(URI.create("https://api.monago.io/v1"));
        }
        env.put("ATRIUM_BASE_URL", "http://gateway.internal:8080/v1/");
        try (Atrium client = builder().build()) {
            assertThat(client.baseUrl()).isEqualTo(URI.create("http://gateway.internal:8080/v1"));
        }
        try (Atrium client = builder().baseUrl("https://other.example/v1").build()) {
            assertThat(client.baseUrl()).isEqualTo(URI.create("https://other.example/v1"));
        }
    }

    @Test
    void aTrailingSlashDoesNotDoubleThePath() {
        try (TestServer server = TestServer.start();
                Atrium client = server.client().baseUrl(server.baseUrl() + "/").build()) {
            client.chat().completions().create(request());
            assertThat(server.received().get(0).path()).isEqualTo("/v1/chat/completions");
        }
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefusedNamingIt() {
        env.put("ATRIUM_API_KEY", "k");
        assertThatThrownBy(() -> builder().baseUrl("api.monago.io/v1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base URL");
        assertThatThrownBy(() -> builder().baseUrl("ftp://host/v1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
    }

    @Test
    void defaultAndPerRequestHeadersAreSentPerRequestWinning() {
        try (TestServer server = TestServer.start();
                Atrium client = server.client()
                        .defaultHeader("X-Monago-Session-Id", "default-session")
                        .defaultHeaders(Map.of("X-Team", "radiology"))
                        .build()) {
            client.chat().completions().create(request());
            client.chat()
                    .completions()
                    .create(
                            request(),
                            RequestOptions.builder()
                                    .header("X-Monago-Session-Id", "call-session")
                                    .build());
            assertThat(server.received().get(0).header("X-Monago-Session-Id")).contains("default-session");
            assertThat(server.received().get(0).header("X-Team")).contains("radiology");
            assertThat(server.received().get(1).header("X-Monago-Session-Id")).contains("call-session");
        }
    }

    @Test
    void aHeaderTheJdkForbidsIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> builder().defaultHeader("Host", "evil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Host");
    }

    @Test
    void aCustomHttpClientIsUsedAndLeftOpen() {
        var executor = Executors.newSingleThreadExecutor();
        try (TestServer server = TestServer.start()) {
            HttpClient http = HttpClient.newBuilder().executor(executor).build();
            try (Atrium client = server.client().httpClient(http).build()) {
                client.chat().completions().create(request());
            }
            // Closing the Atrium client must not have shut the user's executor down.
            assertThat(executor.isShutdown()).isFalse();
            try (Atrium again = server.client().httpClient(http).build()) {
                assertThat(again.async()
                                .chat()
                                .completions()
                                .create(request())
                                .join()
                                .content())
                        .isNotEmpty();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aClosedClientRefusesNewCalls() {
        try (TestServer server = TestServer.start()) {
            Atrium client = server.client().build();
            client.close();
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void logLevelIsReadFromAtriumLog() {
        assertThat(LogLevel.parse("debug")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse(" INFO ")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("verbose")).isEqualTo(LogLevel.OFF);
        assertThat(LogLevel.parse(null)).isEqualTo(LogLevel.OFF);
    }

    private static String keySent(Atrium.Builder builder, TestServer server) {
        try (Atrium client = builder.build()) {
            client.chat().completions().create(request());
        }
        var received = server.received();
        return received.get(received.size() - 1).header("Authorization").orElseThrow();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
