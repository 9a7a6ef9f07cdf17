package io.monago.atrium.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.monago.atrium.Atrium;
import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real Atrium gateway started in-process, with its default policy (PII redaction, injection
 * blocking, audit in SQLite under a temporary folder), in front of a scripted model: a local server
 * speaking OpenAI's chat-completions format whose answers the example decides. Everything runs
 * offline; only the model is scripted, the governance is the gateway's own.
 */
final class OfflineGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "sk-mng-example-admin";

    private final HttpServer model;
    private final Gateway gateway;
    private final List<JsonNode> modelSaw = new CopyOnWriteArrayList<>();
    private final Function<JsonNode, String> script;

    /**
     * Starts the scripted model and the gateway.
     *
     * @param script given each request the model receives (after the gateway's redaction), returns
     *     the assistant message to answer with, as JSON
     */
    OfflineGateway(Function<JsonNode, String> script) {
        this.script = script;
        try {
            model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            model.createContext("/", this::answer);
            model.start();
            Path dataDir = Files.createTempDirectory("atrium-example");
            String yaml = "providers:\n  scripted: {type: openai, base_url: \"http://127.0.0.1:"
                    + model.getAddress().getPort() + "/v1\", timeout_ms: 5000}\n"
                    // Prices in USD per million tokens, metered in rupiah at the default exchange rate.
                    + "models:\n  - {name: \"*\", provider: scripted, input_usd_per_million: 0.15,"
                    + " output_usd_per_million: 0.60}\n";
            GatewayConfig config = new ConfigLoader(name -> null).parse("example.yaml", yaml);
            gateway = Gateway.start(
                    config.withServer(config.server().withListen("127.0.0.1", 0).withDataDir(dataDir.toString())),
                    Optional.of(ADMIN_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of the in-process gateway. */
    Atrium client() {
        return Atrium.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey(ADMIN_KEY)
                .maxRetries(0)
                .build();
    }

    /** The requests the model received, after the gateway's redaction. */
    List<JsonNode> modelSaw() {
        return List.copyOf(modelSaw);
    }

    /** The text of the last message of a request. */
    static String lastMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1).path("content").asText("");
    }

    /** The role of the last message of a request. */
    static String lastRole(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1).path("role").asText("");
    }

    /** An assistant message calling one tool. */
    static String toolCall(String id, String name, String argumentsJson) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        ObjectNode call =
                message.putArray("tool_calls").addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        return message.toString();
    }

    /** An assistant message answering with text. */
    static String text(String content) {
        return JSON.createObjectNode()
                .put("role", "assistant")
                .put("content", content)
                .toString();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            modelSaw.add(request);
            JsonNode message = JSON.readTree(script.apply(request));
            ObjectNode body = JSON.createObjectNode()
                    .put("id", "chatcmpl-example")
                    .put("object", "chat.completion")
                    .put("created", 1_765_000_000L)
                    .put("model", request.path("model").asText());
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            choice.set("message", message);
            choice.put("finish_reason", message.has("tool_calls") ? "tool_calls" : "stop");
            body.putObject("usage")
                    .put("prompt_tokens", 900)
                    .put("completion_tokens", 120)
                    .put("total_tokens", 1020);
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        gateway.close();
        model.stop(0);
    }
}
