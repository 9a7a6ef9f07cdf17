package io.monago.atrium.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.ChunkPipeline;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.FilterChain;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.gateway.validate.ChatRequestValidator;
import io.monago.atrium.gateway.validate.RequestJson;
import io.monago.atrium.gateway.validate.RequestTagReader;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Calls made by hand for filter tests that run without a server: an exchange for a request, one
 * filter run with a fake next step, and the answer it returns.
 */
public final class Calls {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final PiiScanner SCANNER = PiiScanner.defaults();

    private Calls() {}

    /** The workspaces of a configuration written as YAML (built-in defaults for what it leaves out). */
    public static Workspaces workspaces(String yaml) {
        GatewayConfig config = new ConfigLoader(k -> null).parse("test.yaml", yaml);
        return new Workspaces(config.workspaces(), SCANNER);
    }

    /** The default workspace's policy on built-in defaults. */
    public static WorkspacePolicy defaultWorkspace() {
        return workspaces("{}").find("default").orElseThrow();
    }

    /** A raw request, as the HTTP glue hands it to the chain. */
    public static Exchange request(String body, Map<String, String> headers) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(h::add);
        return new Exchange(
                "audit-test",
                Instant.parse("2026-12-07T00:00:00Z"),
                System.nanoTime(),
                "default",
                InboundRequest.of(h, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A request past authentication and validation, as the filters after them see it: the caller
     * resolved to a key of {@code workspace}, the body parsed.
     */
    public static Exchange validated(String body, WorkspacePolicy workspace) {
        Exchange ex = request(body, Map.of());
        ex.caller(new Principal("test-key", workspace.id(), false, Optional.empty(), false), workspace);
        ObjectNode parsed = (ObjectNode) json(body);
        ex.body(parsed, parsed.path("model").asText(), parsed.path("model").asText());
        return ex;
    }

    /** What an audit record keeps of an {@code Idempotency-Key}: its SHA-256, never the key. */
    public static String storedIdempotencyKey(String key) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The validation filter, as the gateway builds it, with every model name routable. */
    public static ValidateFilter validateFilter(long maxBodyBytes) {
        RequestJson json = new RequestJson();
        return new ValidateFilter(
                new ChatRequestValidator(json),
                new RequestTagReader(json),
                SCANNER,
                model -> true,
                Offload.inline(),
                maxBodyBytes);
    }

    /** A raw request from a caller already authenticated into the default workspace. */
    public static Exchange authenticated(String body, Map<String, String> headers) {
        Exchange ex = request(body, headers);
        WorkspacePolicy ws = defaultWorkspace();
        ex.caller(new Principal("test-key", ws.id(), false, Optional.empty(), false), ws);
        return ex;
    }

    /** Runs one filter with {@code next} standing for everything after it. */
    public static Answer run(Filter filter, Exchange exchange, Endpoint next) {
        return await(new FilterChain(List.of(filter), next).handle(exchange));
    }

    /** Runs filters in order with {@code next} after them. */
    public static Answer run(List<Filter> filters, Exchange exchange, Endpoint next) {
        return await(new FilterChain(filters, next).handle(exchange));
    }

    /** A next step that must never be reached. */
    public static Endpoint unreachable() {
        return ex -> Future.failedFuture(new AssertionError("the call went past a filter that should have stopped it"));
    }

    /** A next step answering with a completion whose content is {@code text}. */
    public static Endpoint answering(String text) {
        return ex -> Future.succeededFuture(new Answer.Completion(completion(text), Optional.empty()));
    }

    /** A {@code chat.completion} body with one choice. */
    public static ObjectNode completion(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test");
        body.put("object", "chat.completion");
        body.put("model", "upstream-model");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        return body;
    }

    /** The rejection of an error answer; fails when the answer is not one. */
    public static Rejection rejection(Answer answer) {
        if (answer instanceof Answer.Failure f) {
            return f.rejection();
        }
        throw new AssertionError("expected an error answer, got " + answer);
    }

    /** The text of a whole answer's first choice. */
    public static String content(Answer answer) {
        if (answer instanceof Answer.Completion c) {
            return c.body()
                    .path("choices")
                    .path(0)
                    .path("message")
                    .path("content")
                    .asText();
        }
        throw new AssertionError("expected a completion, got " + answer);
    }

    /** Runs a streamed answer to its end and returns the chunks that came out. */
    public static List<ObjectNode> drain(Answer answer) {
        if (!(answer instanceof Answer.Chunked chunked)) {
            throw new AssertionError("expected a streamed answer, got " + answer);
        }
        List<ObjectNode> out = new ArrayList<>();
        Promise<Void> done = Promise.promise();
        ChunkPipeline.run(chunked, new ChunkReceiver() {
            @Override
            public void chunk(ObjectNode chunk) {
                out.add(chunk);
            }

            @Override
            public void end() {
                done.tryComplete();
            }

            @Override
            public void fail(Throwable cause) {
                done.tryFail(cause);
            }
        });
        await(done.future());
        return out;
    }

    /** The content deltas of streamed chunks, joined. */
    public static String streamedText(List<ObjectNode> chunks) {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode c : chunks) {
            for (JsonNode choice : c.path("choices")) {
                sb.append(choice.path("delta").path("content").asText(""));
            }
        }
        return sb.toString();
    }

    /** The {@code data} of each server-sent event in a stream's body, in order. */
    public static List<String> sseData(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n", -1)) {
            for (String line : event.split("\n", -1)) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        }
        return data;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
