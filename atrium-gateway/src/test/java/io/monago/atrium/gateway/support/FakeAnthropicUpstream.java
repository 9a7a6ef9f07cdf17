package io.monago.atrium.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that speaks Anthropic's Messages API ({@code POST /v1/messages}) and records
 * what it received, headers included. A whole call gets a {@code message} object; a
 * {@code stream: true} call gets Anthropic's server-sent events ({@code message_start},
 * {@code content_block_start}, {@code ping}, {@code content_block_delta} with {@code text_delta}
 * or {@code input_json_delta}, {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}). Per test it answers, fails with a status and Anthropic's error body,
 * answers with junk, or hangs.
 */
public final class FakeAnthropicUpstream implements AutoCloseable {

    public enum Mode {
        ANSWER,
        FAIL,
        NOT_JSON,
        HANG
    }

    /** The usage every answer reports: {@code input_tokens} and {@code output_tokens}. */
    public static final long INPUT_TOKENS = 1000;

    public static final long OUTPUT_TOKENS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Mode mode = Mode.ANSWER;
    private volatile Answer answer = Answer.text("Jakarta.");
    private volatile Failure failure = new Failure(529, "overloaded_error", "Overloaded");
    private volatile Script script = Script.text(List.of("Jakarta."));

    /**
     * What a whole call answers: a text (may be empty), optionally a tool call, and the stop reason.
     *
     * @param text the text block's text; none when empty
     * @param tool a tool call, or null
     * @param stopReason Anthropic's stop reason
     */
    public record Answer(String text, Tool tool, String stopReason) {
        public static Answer text(String text) {
            return new Answer(text, null, "end_turn");
        }

        public static Answer toolCall(String text, Tool tool) {
            return new Answer(text, tool, "tool_use");
        }

        public Answer stoppingFor(String reason) {
            return new Answer(text, tool, reason);
        }
    }

    /**
     * A {@code tool_use} block.
     *
     * @param id its id, such as {@code toolu_01A09q90qw90lq917835lq9}
     * @param name the tool's name
     * @param input the input object's JSON
     */
    public record Tool(String id, String name, String input) {}

    /**
     * An error answer: the status and Anthropic's error type and message.
     *
     * @param status the HTTP status
     * @param type e.g. {@code overloaded_error}, {@code authentication_error}
     * @param message the error's message
     */
    public record Failure(int status, String type, String message) {}

    /**
     * How a streamed answer goes: its text pieces, one {@code text_delta} each, then, with a tool,
     * a {@code tool_use} block whose input arrives in the given {@code input_json_delta} fragments.
     *
     * @param pieces the text of each text delta; no text block when empty
     * @param tool the tool block's id and name, or null
     * @param fragments the tool input's pieces
     * @param stopAfter after this many deltas (text pieces, then fragments): -1 to finish
     *     normally, else what {@code ending} says
     * @param ending how the stream stops early: {@code "break"} closes the connection,
     *     {@code "error"} sends an {@code error} event, {@code "stall"} sends nothing more until the
     *     server stops
     */
    public record Script(List<String> pieces, Tool tool, List<String> fragments, int stopAfter, String ending) {
        public static Script text(List<String> pieces) {
            return new Script(pieces, null, List.of(), -1, "");
        }

        public static Script toolCall(List<String> pieces, Tool tool, List<String> fragments) {
            return new Script(pieces, tool, fragments, -1, "");
        }

        public Script stoppingAfter(int n, String how) {
            return new Script(pieces, tool, fragments, n, how);
        }
    }

    public FakeAnthropicUpstream() throws IOException {
        // Small stream events are written one by one: without this, Nagle's algorithm and the
        // reader's delayed ACK hold each for tens of milliseconds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/messages", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** In {@link Mode#ANSWER}, what a whole call gets. */
    public void answer(Answer answer) {
        this.answer = answer;
    }

    /** In {@link Mode#FAIL}, the error every call gets, streamed or not. */
    public void failure(Failure failure) {
        this.failure = failure;
    }

    /** In {@link Mode#ANSWER}, what a {@code stream: true} call gets. */
    public void stream(Script script) {
        this.script = script;
    }

    public List<Received> received() {
        return received;
    }

    /** Puts everything back as a new upstream has it. */
    public void reset() {
        mode = Mode.ANSWER;
        answer = Answer.text("Jakarta.");
        failure = new Failure(529, "overloaded_error", "Overloaded");
        script = Script.text(List.of("Jakarta."));
        received.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        JsonNode json = JSON.readTree(body);
        received.add(new Received(headers, json));
        switch (mode) {
            case FAIL ->
                send(
                        ex,
                        failure.status(),
                        "{\"type\":\"error\",\"error\":{\"type\":\"" + failure.type() + "\",\"message\":"
                                + JSON.valueToTree(failure.message())
                                + "},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
            case NOT_JSON -> send(ex, 200, "<html>gateway page</html>");
            case HANG -> {
                await();
                ex.close();
            }
            case ANSWER -> {
                if (json.path("stream").asBoolean(false)) {
                    stream(ex, json, script);
                } else {
                    send(ex, 200, message(json.path("model").asText(), answer));
                }
            }
        }
    }

    private static String message(String model, Answer a) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("id", "msg_01XFDUDYJgAACzvnptvVoYEL");
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        ArrayNode content = m.putArray("content");
        if (!a.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", a.text());
        }
        if (a.tool() != null) {
            ObjectNode use = content.addObject();
            use.put("type", "tool_use");
            use.put("id", a.tool().id());
            use.put("name", a.tool().name());
            use.set("input", read(a.tool().input()));
        }
        m.put("stop_reason", a.stopReason());
        m.putNull("stop_sequence");
        ObjectNode usage = m.putObject("usage");
        usage.put("input_tokens", INPUT_TOKENS);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", OUTPUT_TOKENS);
        return m.toString();
    }

    private void stream(HttpExchange ex, JsonNode request, Script s) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        String model = request.path("model").asText();
        try (OutputStream out = ex.getResponseBody()) {
            event(
                    out,
                    "message_start",
                    "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01Stream\",\"type\":\"message\","
                            + "\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,"
                            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + INPUT_TOKENS
                            + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}");
            int block = 0;
            int sent = 0;
            if (!s.pieces().isEmpty()) {
                event(
                        out,
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                event(out, "ping", "{\"type\": \"ping\"}");
                for (String piece : s.pieces()) {
                    if (sent++ == s.stopAfter()) {
                        end(ex, out, s.ending());
                        return;
                    }
                    event(
                            out,
                            "content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                                    + JSON.valueToTree(piece) + "}}");
                }
                event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                block++;
            }
            if (s.tool() != null) {
                event(
                        out,
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":" + block
                                + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\""
                                + s.tool().id()
                                + "\",\"name\":\"" + s.tool().name() + "\",\"input\":{}}}");
                for (String fragment : s.fragments()) {
                    if (sent++ == s.stopAfter()) {
                        end(ex, out, s.ending());
                        return;
                    }
                    event(
                            out,
                            "content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":" + block
                                    + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
                                    + JSON.valueToTree(fragment) + "}}");
                }
                event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + block + "}");
            }
            event(
                    out,
                    "message_delta",
                    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                            + (s.tool() == null ? "end_turn" : "tool_use")
                            + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + OUTPUT_TOKENS + "}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        } catch (IOException e) {
            // the gateway went away; nothing more to write
        }
    }

    private void end(HttpExchange ex, OutputStream out, String how) throws IOException {
        switch (how) {
            case "break" -> ex.close();
            case "error" ->
                event(
                        out,
                        "error",
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
            default -> await();
        }
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String type, String data) throws IOException {
        out.write(("event: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
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

    /**
     * One request the upstream received.
     *
     * @param headers its headers, names in lower case
     * @param body its body
     */
    public record Received(Map<String, String> headers, JsonNode body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
