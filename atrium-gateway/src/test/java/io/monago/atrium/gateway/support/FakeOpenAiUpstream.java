package io.monago.atrium.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that speaks OpenAI's chat-completions wire format and records what it
 * received. Its behaviour per test: answer, fail with a status, answer with junk, or hang.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {

    public enum Mode {
        ANSWER,
        ECHO,
        FAIL_500,
        NOT_JSON,
        HANG
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Mode mode = Mode.ANSWER;
    private volatile String answer = "Jakarta.";

    public FakeOpenAiUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** In {@link Mode#ANSWER}, the assistant text to answer with. */
    public void answer(String text) {
        this.answer = text;
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        JsonNode json = JSON.readTree(body);
        received.add(new Received(ex.getRequestHeaders().getFirst("Authorization"), json));
        switch (mode) {
            case FAIL_500 ->
                send(
                        ex,
                        500,
                        "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"code\":null}}");
            case NOT_JSON -> send(ex, 200, "<html>gateway page</html>");
            case HANG -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            }
            case ECHO -> send(ex, 200, completion(json, lastUserText(json)));
            case ANSWER -> send(ex, 200, completion(json, answer));
        }
    }

    private static String lastUserText(JsonNode request) {
        String text = "";
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                text = m.path("content").asText();
            }
        }
        return text;
    }

    private static String completion(JsonNode request, String content) {
        return """
                    {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
                     "model":"%s","system_fingerprint":"fp_44709d6fcb",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},
                                 "logprobs":null,"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500,
                              "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                              "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
                                "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                     "service_tier":"default"}
                    """.formatted(
                request.path("model").asText(), JSON.valueToTree(content).toString());
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders()
                .set("Content-Type", status == 200 && body.startsWith("<") ? "text/html" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }

    /** One request the upstream received. */
    public record Received(String authorization, JsonNode body) {}
}
