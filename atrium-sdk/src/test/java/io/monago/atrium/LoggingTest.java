package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.PiiBlockedException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client logs, captured from its {@link System.Logger}. */
class LoggingTest {

    private static final String KEY = "sk-mng-SECRET-4242";
    private static final String NIK = "3201234567890123";

    private final CapturingLogger logger = new CapturingLogger();
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void debugLogsRequestResponseAndRetryLinesButNeverTheKeyOrBodies() {
        server.enqueue(TestServer.Reply.json(503, "{\"error\":{\"message\":\"echo " + NIK + "\"}}"));
        server.enqueue(TestServer.Reply.of(
                400,
                Map.of("X-Monago-Audit-Id", "audit-log-1", "X-Monago-Policy-Decision", "blocked"),
                "{\"error\":{\"message\":\"NIK " + NIK + "\",\"code\":\"pii_blocked\"}}"));
        try (Atrium client = server.client()
                .apiKey(KEY)
                .logger(logger)
                .logLevel(LogLevel.DEBUG)
                .defaultHeader("X-Internal-Token", "shh-token")
                .build()) {
            assertThatThrownBy(() -> client.chat()
                            .completions()
                            .create(ChatCompletionRequest.builder()
                                    .model("gpt-5.4-mini")
                                    .addUserMessage("Pasien NIK " + NIK)
                                    .user("dr-siti")
                                    .build()))
                    .isInstanceOf(PiiBlockedException.class);
        }
        String log = String.join("\n", logger.lines);
        assertThat(log)
                .contains("--> POST " + server.baseUrl() + "/chat/completions")
                .contains("<-- 503 POST")
                .contains("retrying POST")
                .contains("<-- 400 POST")
                .contains("audit audit-log-1")
                .contains("Authorization=[redacted]")
                .contains("X-Internal-Token=[redacted]")
                .containsPattern("Idempotency-Key=[0-9a-f-]{36}");
        assertThat(log)
                .doesNotContain(KEY)
                .doesNotContain("SECRET")
                .doesNotContain(NIK)
                .doesNotContain("shh-token")
                .doesNotContain("Pasien")
                .doesNotContain("dr-siti");
    }

    @Test
    void infoLogsOneLineEachWayWithoutHeaders() {
        try (Atrium client = server.client()
                .apiKey(KEY)
                .logger(logger)
                .environment(Map.of("ATRIUM_LOG", "info")::get)
                .build()) {
            client.chat().completions().create(request());
        }
        assertThat(logger.lines).hasSize(2);
        assertThat(logger.lines.get(0)).startsWith("--> POST");
        assertThat(logger.lines.get(1)).startsWith("<-- 200 POST");
    }

    @Test
    void atriumLogDebugTurnsLoggingOn() {
        try (Atrium client = server.client()
                .logger(logger)
                .environment(Map.of("ATRIUM_LOG", "debug")::get)
                .build()) {
            client.chat().completions().create(request());
        }
        assertThat(logger.lines).anyMatch(line -> line.startsWith("--> headers"));
    }

    @Test
    void nothingIsLoggedByDefault() {
        try (Atrium client = server.client().logger(logger).build()) {
            client.chat().completions().create(request());
        }
        assertThat(logger.lines).isEmpty();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }

    private static final class CapturingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }
}
