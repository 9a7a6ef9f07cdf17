package io.monago.atrium.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.monago.atrium.Atrium;
import io.monago.atrium.protocol.AgentMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a random local port speaking the gateway's wire format: OpenAI chat
 * completions with tool calls, and the governance headers (audit id, cost, decision). Replies are
 * scripted per agent (read from the {@code atrium_agent} metadata of each request), so branches
 * running in parallel each get their own script whatever the order their requests arrive in.
 */
final class ScriptedUpstream implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted answer. */
    record Reply(int status, Map<String, String> headers, String body) {}

    /** One request received, its body parsed. */
    record Received(JsonNode body, String traceparent) {
        String metadata(String key) {
            return body.path("metadata").path(key).asText(null);
        }

        JsonNode messages() {
            return body.path("messages");
        }

        JsonNode lastMessage() {
            return messages().get(messages().size() - 1);
        }

        List<String> toolNames() {
            List<String> names = new java.util.ArrayList<>();
            body.path("tools")
                    .forEach(t -> names.add(t.path("function").path("name").asText()));
            return names;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger audits = new AtomicInteger();
    private double costPerCall = 10.0;
    private long tokensPerCall = 100;

    ScriptedUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    Atrium client() {
        return clientBuilder().build();
    }

    Atrium.Builder clientBuilder() {
        return Atrium.builder()
                .apiKey("sk-mng-test-key")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .environment(name -> null)
                .maxRetries(0);
    }

    ScriptedUpstream costPerCall(double idr) {
        this.costPerCall = idr;
        return this;
    }

    ScriptedUpstream tokensPerCall(long tokens) {
        this.tokensPerCall = tokens;
        return this;
    }

    /** The next answer to a request from {@code agent}: text. */
    ScriptedUpstream answer(String agent, String text) {
        return enqueue(agent, 200, Map.of(), completion(message().put("content", text), "stop"));
    }

    /** The next answer to a request from {@code agent}: calls of tools, each a name and JSON arguments. */
    ScriptedUpstream callTools(String agent, String... nameThenArguments) {
        ObjectNode message = message().putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        for (int i = 0; i < nameThenArguments.length; i += 2) {
            ObjectNode call = calls.addObject()
                    .put("id", "call_" + agent + "_" + audits.get() + "_" + i)
                    .put("type", "function");
            call.putObject("function").put("name", nameThenArguments[i]).put("arguments", nameThenArguments[i + 1]);
        }
        return enqueue(agent, 200, Map.of(), completion(message, "tool_calls"));
    }

    /** The next answer to a request from {@code agent}: the gateway's security block. */
    ScriptedUpstream block(String agent, String reason) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", reason)
                .put("type", "invalid_request_error")
                .put("code", "security_block");
        return enqueue(
                agent,
                400,
                Map.of(
                        "X-Monago-Policy-Decision", "blocked",
                        "X-Monago-Security-Incident", "prompt_injection",
                        "X-Monago-Block-Reason", reason),
                body.toString());
    }

    private synchronized ScriptedUpstream enqueue(String agent, int status, Map<String, String> headers, String body) {
        scripts.computeIfAbsent(agent, a -> new ArrayDeque<>()).add(new Reply(status, headers, body));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFrom(String agent) {
        return received.stream()
                .filter(r -> agent.equals(r.metadata(AgentMetadata.AGENT)))
                .toList();
    }

    private ObjectNode message() {
        return JSON.createObjectNode().put("role", "assistant");
    }

    private String completion(ObjectNode message, String finishReason) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-x")
                .put("object", "chat.completion")
                .put("created", 1_700_000_000)
                .put("model", "gpt-5.4-mini");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage")
                .put("prompt_tokens", tokensPerCall - 10)
                .put("completion_tokens", 10)
                .put("total_tokens", tokensPerCall);
        return body.toString();
    }

    /**
     * A completion as the stream a gateway sends for it: its text in pieces of four characters,
     * each tool call's arguments in two fragments, then the usage chunk and {@code [DONE]}.
     */
    private static String events(JsonNode completion) {
        JsonNode choice = completion.path("choices").get(0);
        JsonNode message = choice.path("message");
        StringBuilder out = new StringBuilder();
        String text = message.path("content").asText("");
        for (int i = 0; i < text.length(); i += 4) {
            ObjectNode delta =
                    JSON.createObjectNode().put("content", text.substring(i, Math.min(text.length(), i + 4)));
            out.append(chunk(delta, null));
        }
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            String arguments = call.path("function").path("arguments").asText();
            int half = arguments.length() / 2;
            ObjectNode first = JSON.createObjectNode();
            ObjectNode head = first.putArray("tool_calls").addObject().put("index", i);
            head.put("id", call.path("id").asText()).put("type", "function");
            head.putObject("function")
                    .put("name", call.path("function").path("name").asText())
                    .put("arguments", arguments.substring(0, half));
            out.append(chunk(first, null));
            ObjectNode second = JSON.createObjectNode();
            second.putArray("tool_calls")
                    .addObject()
                    .put("index", i)
                    .putObject("function")
                    .put("arguments", arguments.substring(half));
            out.append(chunk(second, null));
        }
        out.append(chunk(JSON.createObjectNode(), choice.path("finish_reason").asText()));
        ObjectNode last = JSON.createObjectNode()
                .put("id", "chatcmpl-x")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000)
                .put("model", "gpt-5.4-mini");
        last.putArray("choices");
        last.set("usage", completion.path("usage"));
        out.append("data: ").append(last).append("\n\n");
        return out.append("data: [DONE]\n\n").toString();
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-x")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000)
                .put("model", "gpt-5.4-mini");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + chunk + "\n\n";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Received r = new Received(body, exchange.getRequestHeaders().getFirst("traceparent"));
            received.add(r);
            String agent = r.metadata(AgentMetadata.AGENT);
            Reply reply;
            synchronized (this) {
                Deque<Reply> script = scripts.get(agent);
                reply = script == null ? null : script.poll();
            }
            if (reply == null) {
                reply = new Reply(
                        500,
                        Map.of(),
                        "{\"error\":{\"message\":\"no scripted reply for agent " + agent
                                + "\",\"type\":\"server_error\",\"code\":\"upstream_error\"}}");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Monago-Audit-Id", "audit-" + audits.incrementAndGet());
            headers.put("X-Monago-Cost-Idr", Double.toString(reply.status() == 200 ? costPerCall : 0.0));
            headers.put("X-Monago-Policy-Decision", "allowed");
            headers.put("X-Monago-Provider", "scripted");
            headers.putAll(reply.headers());
            String answer = reply.body();
            if (reply.status() == 200 && body.path("stream").asBoolean(false)) {
                headers.put("Content-Type", "text/event-stream");
                answer = events(JSON.readTree(answer));
            }
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
