package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atrium serve} as an operator runs it: a real process, real signals. */
class ServeCommandTest {

    private static final Pattern LISTENING =
            Pattern.compile("Atrium gateway listening on (http://127\\.0\\.0\\.1:(\\d+)/v1)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void generatesAKeyOnFirstStartPrintsTheListeningLineAndStopsCleanly(@TempDir Path dir) throws Exception {
        String key;
        try (CliProcess serve = CliProcess.start(dir, Map.of(), "serve", "--port", "0", "--data-dir", "data")) {
            String line = serve.awaitLine("listening on", 60);
            Matcher m = LISTENING.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            key = serve.output().stream()
                    .filter(l -> l.trim().startsWith("sk-mng-"))
                    .findFirst()
                    .orElseThrow()
                    .trim();
            HttpResponse<String> r = chat(m.group(1), key, "hello");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Monago-Provider")).contains("echo");
            serve.terminate();
            assertThat(serve.waitFor(30)).isZero();
            assertThat(serve.output())
                    .as(String.join("|", serve.output()))
                    .anyMatch(l -> l.contains("Atrium gateway stopped."));
        }
        String stored = Files.readString(dir.resolve("data/admin-key.sha256"));
        assertThat(stored).startsWith("sha256:").doesNotContain(key);
        assertThat(dir.resolve("data/audit.db")).exists();

        try (CliProcess again = CliProcess.start(dir, Map.of(), "serve", "--port", "0", "--data-dir", "data")) {
            Matcher m = LISTENING.matcher(again.awaitLine("listening on", 60));
            assertThat(m.matches()).isTrue();
            assertThat(again.output()).noneMatch(l -> l.contains("sk-mng-"));
            assertThat(chat(m.group(1), key, "still me").statusCode()).isEqualTo(200);
            again.terminate();
            assertThat(again.waitFor(30)).isZero();
        }
    }

    @Test
    void sigtermWaitsForTheCallInFlight(@TempDir Path dir) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        HttpServer upstream =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        upstream.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = """
                    {"id":"c1","object":"chat.completion","created":1,"model":"m",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"done"},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        Path config = dir.resolve("atrium.yaml");
        Files.writeString(config, """
                providers:
                  slow: {type: openai, base_url: "http://127.0.0.1:%d/v1"}
                models:
                  - {name: "*", provider: slow}
                """.formatted(upstream.getAddress().getPort()));
        try (CliProcess serve = CliProcess.start(
                dir,
                Map.of("ATRIUM_BOOTSTRAP_KEY", "sk-mng-ops"),
                "serve",
                "--config",
                config.toString(),
                "--port",
                "0",
                "--data-dir",
                "data")) {
            Matcher m = LISTENING.matcher(serve.awaitLine("listening on", 60));
            assertThat(m.matches()).isTrue();
            CompletableFuture<HttpResponse<String>> inFlight =
                    http.sendAsync(request(m.group(1), "sk-mng-ops", "slow one"), HttpResponse.BodyHandlers.ofString());
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            serve.terminate();
            HttpResponse<String> r = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("done");
            assertThat(serve.waitFor(30)).isZero();
            assertThat(serve.output())
                    .as(String.join("|", serve.output()))
                    .anyMatch(l -> l.contains("Atrium gateway stopped."));
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void aPortInUseIsNamedAndNoUnshownKeyIsKept(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                CliProcess serve = CliProcess.start(
                        dir,
                        Map.of(),
                        "serve",
                        "--port",
                        Integer.toString(taken.getLocalPort()),
                        "--data-dir",
                        "data")) {
            assertThat(serve.waitFor(60)).isEqualTo(1);
            assertThat(String.join("\n", serve.output()))
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("sk-mng-")
                    .doesNotContain("\tat ");
        }
        assertThat(dir.resolve("data/admin-key.sha256")).doesNotExist();
    }

    @Test
    void badConfigurationStopsTheStartNamingFileLineAndField(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("atrium.yaml");
        Files.writeString(config, "server:\n  port: 8080\n  hots: x\n");
        try (CliProcess serve = CliProcess.start(dir, Map.of(), "serve", "--config", config.toString())) {
            assertThat(serve.waitFor(30)).isEqualTo(2);
            assertThat(String.join("\n", serve.output()))
                    .contains(config + ":3: server.hots: unknown field 'hots'")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    private HttpResponse<String> chat(String baseUrl, String key, String text) throws Exception {
        return http.send(request(baseUrl, key, text), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String baseUrl, String key, String text) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}"))
                .build();
    }
}
