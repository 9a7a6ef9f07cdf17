package io.monago.atrium.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The real gateway on a random local port with its own data folder, plus a plain JDK HTTP client
 * to talk to it the way any client would.
 */
public final class RunningGateway implements AutoCloseable {

    public static final String ADMIN_KEY = "sk-mng-test-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Starts the gateway on built-in defaults with {@link #ADMIN_KEY} as bootstrap key. */
    public static RunningGateway defaults(Path dataDir) {
        return start(GatewayConfig.defaults(), dataDir);
    }

    /** Starts the gateway with a configuration, on a random port, with {@link #ADMIN_KEY} as bootstrap key. */
    public static RunningGateway start(GatewayConfig config, Path dataDir) {
        GatewayConfig c =
                config.withServer(config.server().withListen("127.0.0.1", 0).withDataDir(dataDir.toString()));
        return new RunningGateway(Gateway.start(c, Optional.of(ADMIN_KEY)));
    }

    /** As {@link #start(GatewayConfig, Path)}, tracing into the given tracing. */
    public static RunningGateway start(
            GatewayConfig config, Path dataDir, io.monago.atrium.gateway.telemetry.GatewayTracing tracing) {
        GatewayConfig c =
                config.withServer(config.server().withListen("127.0.0.1", 0).withDataDir(dataDir.toString()));
        return new RunningGateway(Gateway.start(c, Optional.of(ADMIN_KEY), tracing));
    }

    /** Talks to a gateway the test started itself. */
    public static RunningGateway of(Gateway gateway) {
        return new RunningGateway(gateway);
    }

    /** As {@link #start(GatewayConfig, Path)}, on a given wall clock. */
    public static RunningGateway start(GatewayConfig config, Path dataDir, java.time.Clock clock) {
        GatewayConfig c =
                config.withServer(config.server().withListen("127.0.0.1", 0).withDataDir(dataDir.toString()));
        return new RunningGateway(Gateway.start(c, Optional.of(ADMIN_KEY), clock));
    }

    /**
     * Starts the gateway with every model routed to {@code upstream} (provider {@code up}, 3 s
     * timeout), plus whatever other sections {@code moreYaml} adds.
     */
    public static RunningGateway behind(FakeOpenAiUpstream upstream, Path dataDir, String moreYaml) {
        return behind(upstream, dataDir, moreYaml, "");
    }

    /** As {@link #behind(FakeOpenAiUpstream, Path, String)}, with more settings for provider {@code up}. */
    public static RunningGateway behind(
            FakeOpenAiUpstream upstream, Path dataDir, String moreYaml, String providerSettings) {
        String yaml = "providers:\n  up: {type: openai, base_url: \"" + upstream.baseUrl() + "\", timeout_ms: 3000"
                + (providerSettings.isEmpty() ? "" : ", " + providerSettings) + "}\n"
                + "models:\n  - {name: \"*\", provider: up}\n" + moreYaml;
        return start(new ConfigLoader(k -> null).parse("test.yaml", yaml), dataDir);
    }

    public String baseUrl() {
        return gateway.baseUrl();
    }

    public Gateway gateway() {
        return gateway;
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    /** Posts raw bytes, for bodies that are not valid UTF-8 or not JSON. */
    public Reply postBytes(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    /** The audit database of a gateway started with {@code dataDir}. */
    public static Path auditDatabase(Path dataDir) {
        return dataDir.resolve("audit.db");
    }

    public Reply chat(String body) {
        return post("/chat/completions", body, Map.of("Authorization", "Bearer " + ADMIN_KEY));
    }

    public Reply get(String path, Optional<String> key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        key.ifPresent(k -> b.header("Authorization", "Bearer " + k));
        return send(b.build());
    }

    /** GETs a path outside {@code /v1}, such as {@code /metrics}. */
    public Reply getFromRoot(String path, Optional<String> key) {
        String root = baseUrl().substring(0, baseUrl().length() - "/v1".length());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        key.ifPresent(k -> b.header("Authorization", "Bearer " + k));
        return send(b.build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }

    /** One HTTP answer. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
