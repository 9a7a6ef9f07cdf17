package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Any OpenAI-compatible upstream (OpenAI, Azure OpenAI, vLLM, Ollama, LM Studio, Groq...). Forwards
 * the body exactly as governance left it; maps an error answer to {@link ProviderException.Kind#FAILED}
 * and no answer within the timeout to {@link ProviderException.Kind#TIMEOUT}.
 */
public final class OpenAiProvider implements Provider {

    private static final int MAX_ERROR_DETAIL = 300;

    private final String name;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final UpstreamCall upstream;
    private final String url;
    private final String authorization;
    private final long timeoutMs;
    private final long connectTimeoutMs;
    private final long firstByteTimeoutMs;
    private final long idleTimeoutMs;

    /**
     * Creates the provider.
     *
     * @param name its configured name
     * @param config its configuration
     * @param vertx the gateway's Vert.x instance (for timers)
     * @param http the upstream HTTP clients, one per event loop
     * @param json the shared object mapper
     */
    public OpenAiProvider(String name, ProviderConfig config, Vertx vertx, UpstreamClients http, ObjectMapper json) {
        this.name = name;
        this.vertx = vertx;
        this.json = json;
        this.upstream = new UpstreamCall(name, vertx, http, json);
        String base = config.baseUrl();
        this.url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions";
        this.authorization = config.apiKeyIfSet().map(k -> "Bearer " + k).orElse(null);
        this.timeoutMs = config.timeoutMs();
        this.connectTimeoutMs = config.connectTimeoutMs();
        this.firstByteTimeoutMs = config.firstByteTimeoutMs();
        this.idleTimeoutMs = config.idleTimeoutMs();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Future<ProviderReply> complete(ProviderCall call) {
        Buffer payload;
        try {
            payload = Buffer.buffer(json.writeValueAsBytes(call.body()));
        } catch (JsonProcessingException e) {
            return Future.failedFuture(
                    new ProviderException(ProviderException.Kind.FAILED, "cannot encode the request"));
        }
        return upstream.whole(options("application/json"), payload, timeoutMs).compose(this::read);
    }

    @Override
    public Future<ChunkSource> stream(ProviderCall call) {
        Buffer payload;
        try {
            payload = Buffer.buffer(json.writeValueAsBytes(call.body()));
        } catch (JsonProcessingException e) {
            return Future.failedFuture(
                    new ProviderException(ProviderException.Kind.FAILED, "cannot encode the request"));
        }
        // Until the upstream starts answering, the first-byte timeout; after that, the idle timeout
        // between two pieces of the stream.
        return upstream.streamed(options("text/event-stream"), payload, firstByteTimeoutMs, this::refused)
                .map(opened -> new SseChunkStream(
                        name,
                        vertx,
                        opened.request(),
                        opened.response(),
                        idleTimeoutMs,
                        new OpenAiStreamEvents(name, json)));
    }

    private RequestOptions options(String accept) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setConnectTimeout(connectTimeoutMs)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, accept);
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return options;
    }

    private ProviderException refused(int status, JsonNode body) {
        return new ProviderException(
                ProviderException.Kind.FAILED, "provider " + name + " answered " + status + errorDetail(body), status);
    }

    private Future<ProviderReply> read(UpstreamCall.Reply reply) {
        if (reply.status() / 100 != 2) {
            return Future.failedFuture(refused(reply.status(), reply.body()));
        }
        if (!(reply.body() instanceof ObjectNode obj) || !obj.path("choices").isArray()) {
            return Future.failedFuture(new ProviderException(
                    ProviderException.Kind.FAILED,
                    "provider " + name + " answered with something that is not a chat completion"));
        }
        return Future.succeededFuture(new ProviderReply(obj, UsageParser.parse(obj)));
    }

    private static String errorDetail(JsonNode tree) {
        if (tree == null) {
            return "";
        }
        String message = tree.path("error").path("message").asText("");
        if (message.isEmpty()) {
            return "";
        }
        return ": " + (message.length() > MAX_ERROR_DETAIL ? message.substring(0, MAX_ERROR_DETAIL) + "..." : message);
    }
}
