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
        /** Answers each call with the next assistant message given to {@link #script}. */
        SCRIPTED,
        FAIL_500,
        NOT_JSON,
        HANG
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicReference<Hold> pendingHold =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile Mode mode = Mode.ANSWER;
    private final java.util.concurrent.ConcurrentLinkedQueue<String> scripted =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile String answer = "Jakarta.";
    private volatile Script script = Script.of(List.of("Jakarta."));
    private final CountDownLatch streamClosedByClient = new CountDownLatch(1);

    /**
     * How a streamed answer goes: its content pieces, one chunk each, in OpenAI's SSE format.
     *
     * @param pieces the content of each chunk
     * @param stopAfter after this many pieces: -1 to finish normally, else what {@code ending} says
     * @param ending how the stream stops early: {@code "break"} closes the connection,
     *     {@code "error"} sends an error event, {@code "stall"} sends nothing more until the
     *     connection is closed by the other side or the server stops
     * @param pauseMs a pause before each piece, to stand for a model writing slowly
     */
    public record Script(List<String> pieces, int stopAfter, String ending, long pauseMs) {
        public static Script of(List<String> pieces) {
            return new Script(pieces, -1, "", 0);
        }

        public Script stoppingAfter(int n, String how) {
            return new Script(pieces, n, how, pauseMs);
        }

        public Script pausing(long ms) {
            return new Script(pieces, stopAfter, ending, ms);
        }
    }

    /** What a {@code stream: true} call gets. */
    public void stream(Script script) {
        this.script = script;
    }

    /** Waits until a streaming caller (the gateway) closed its connection while the stream ran. */
    public boolean awaitStreamClosedByClient(long timeout, TimeUnit unit) throws InterruptedException {
        return streamClosedByClient.await(timeout, unit);
    }

    public FakeOpenAiUpstream() throws IOException {
        // Small stream events are written one by one: without this, Nagle's algorithm and the
        // reader's delayed ACK hold each for tens of milliseconds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
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

    /**
     * In {@link Mode#SCRIPTED}, the assistant messages (JSON objects, e.g. with {@code tool_calls})
     * the next calls get, one each, in order; a call after the last gets a 500.
     */
    public void script(List<String> assistantMessages) {
        scripted.clear();
        scripted.addAll(assistantMessages);
    }

    /** In {@link Mode#ANSWER}, the assistant text to answer with. */
    public void answer(String text) {
        this.answer = text;
    }

    public List<Received> received() {
        return received;
    }

    /**
     * Holds the next call at the upstream until {@link Hold#release()}, then answers it as the mode
     * says: a call in flight for as long as a test needs.
     */
    public Hold holdNext() {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        pendingHold.set(hold);
        return hold;
    }

    /** A held call: {@link #awaitArrived} until it reached the upstream, {@link #release} to answer it. */
    public record Hold(CountDownLatch arrived, CountDownLatch released) {
        public boolean awaitArrived(long timeout, TimeUnit unit) throws InterruptedException {
            return arrived.await(timeout, unit);
        }

        public void release() {
            released.countDown();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        JsonNode json = JSON.readTree(body);
        received.add(new Received(ex.getRequestHeaders().getFirst("Authorization"), json));
        Hold hold = pendingHold.getAndSet(null);
        if (hold != null) {
            hold.arrived().countDown();
            try {
                hold.released().await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (json.path("stream").asBoolean(false) && mode != Mode.FAIL_500 && mode != Mode.HANG) {
            stream(ex, json, script);
            return;
        }
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
            case SCRIPTED -> {
                String next = scripted.poll();
                if (next == null) {
                    send(
                            ex,
                            500,
                            "{\"error\":{\"message\":\"script exhausted\",\"type\":\"server_error\",\"code\":null}}");
                } else {
                    send(ex, 200, scriptedCompletion(json, JSON.readTree(next)));
                }
            }
        }
    }

    private void stream(HttpExchange ex, JsonNode request, Script s) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        String model = request.path("model").asText();
        try (OutputStream out = ex.getResponseBody()) {
            event(out, chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (int i = 0; i < s.pieces().size(); i++) {
                if (i == s.stopAfter()) {
                    switch (s.ending()) {
                        case "break" -> {
                            ex.close();
                            return;
                        }
                        case "error" -> {
                            event(
                                    out,
                                    "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                                            + "\"type\":\"server_error\"}}");
                            return;
                        }
                        default -> {
                            stall();
                            return;
                        }
                    }
                }
                if (s.pauseMs() > 0) {
                    Thread.sleep(s.pauseMs());
                }
                event(
                        out,
                        chunk(
                                model,
                                "{\"content\":" + JSON.valueToTree(s.pieces().get(i)) + "}",
                                null));
            }
            event(out, chunk(model, "{}", "stop"));
            if (request.path("stream_options").path("include_usage").asBoolean(false)) {
                event(
                        out,
                        "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,\"model\":\""
                                + model
                                + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":500,"
                                + "\"total_tokens\":1500}}");
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            streamClosedByClient.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the stream open, writing nothing, until the server stops. */
    private void stall() throws InterruptedException {
        release.await(30, TimeUnit.SECONDS);
    }

    private static String chunk(String model, String delta, String finish) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
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

    private static String scriptedCompletion(JsonNode request, JsonNode message) {
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(java.util.Map.of(
                        "id",
                        "chatcmpl-scripted",
                        "object",
                        "chat.completion",
                        "created",
                        1741569952,
                        "model",
                        request.path("model").asText()));
        com.fasterxml.jackson.databind.node.ObjectNode choice =
                body.putArray("choices").addObject();
        choice.put("index", 0).set("message", message);
        choice.put("finish_reason", message.has("tool_calls") ? "tool_calls" : "stop");
        body.putObject("usage")
                .put("prompt_tokens", 100)
                .put("completion_tokens", 20)
                .put("total_tokens", 120);
        return body.toString();
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
