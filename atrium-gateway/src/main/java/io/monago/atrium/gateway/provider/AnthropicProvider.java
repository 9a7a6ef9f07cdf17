package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Clock;
import java.util.Optional;

/**
 * Anthropic's Messages API behind the gateway's OpenAI-shaped API: the governed chat-completions
 * body is translated by {@link AnthropicRequest}, sent to {@code POST {base_url}/messages} with the
 * {@code x-api-key} and {@code anthropic-version} headers, and the answer comes back as a
 * {@code chat.completion} ({@link AnthropicAnswer}) or, streamed, as {@code chat.completion.chunk}
 * objects ({@link AnthropicStreamEvents} over an {@link SseChunkStream}). Errors become {@link ProviderException}s with the upstream's
 * status ({@link AnthropicErrors}); no answer within the timeout is
 * {@link ProviderException.Kind#TIMEOUT}; a request Anthropic cannot express is
 * {@link ProviderException.Kind#INVALID_REQUEST} and is never sent.
 */
final class AnthropicProvider implements Provider {

    /** Where the Messages API lives when {@code base_url} is not set. */
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";

    /** The API version sent when {@code anthropic_version} is not set. */
    static final String DEFAULT_VERSION = "2023-06-01";

    private final String name;
    private final Vertx vertx;
    private final UpstreamCall upstream;
    private final ObjectMapper json;
    private final Clock clock;
    private final String url;
    private final Optional<String> key;
    private final String version;
    private final long timeoutMs;
    private final long connectTimeoutMs;
    private final long firstByteTimeoutMs;
    private final long idleTimeoutMs;
    private final AnthropicRequest translator;
    private final AnthropicErrors errors;

    /**
     * Creates the provider.
     *
     * @param name its configured name
     * @param config its configuration
     * @param vertx the gateway's Vert.x instance (for timers)
     * @param http the upstream HTTP clients, one per event loop
     * @param json the shared object mapper
     * @param clock source of the {@code created} timestamp
     */
    AnthropicProvider(
            String name, ProviderConfig config, Vertx vertx, UpstreamClients http, ObjectMapper json, Clock clock) {
        this.name = name;
        this.vertx = vertx;
        this.upstream = new UpstreamCall(name, vertx, http, json);
        this.json = json;
        this.clock = clock;
        String base = config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl();
        this.url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/messages";
        this.key = config.apiKeyIfSet();
        this.version = config.anthropicVersion() == null ? DEFAULT_VERSION : config.anthropicVersion();
        this.timeoutMs = config.timeoutMs();
        this.connectTimeoutMs = config.connectTimeoutMs();
        this.firstByteTimeoutMs = config.firstByteTimeoutMs();
        this.idleTimeoutMs = config.idleTimeoutMs();
        this.translator = new AnthropicRequest(json, name);
        this.errors = new AnthropicErrors(name, key);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Future<ProviderReply> complete(ProviderCall call) {
        Buffer payload;
        try {
            payload = payload(call);
        } catch (ProviderException e) {
            return Future.failedFuture(e);
        }
        return upstream.whole(options("application/json"), payload, timeoutMs).compose(this::read);
    }

    @Override
    public Future<ChunkSource> stream(ProviderCall call) {
        Buffer payload;
        try {
            payload = payload(call);
        } catch (ProviderException e) {
            return Future.failedFuture(e);
        }
        // Until the upstream starts answering, the first-byte timeout; after that, the idle timeout
        // between two pieces of the stream.
        return upstream.streamed(options("text/event-stream"), payload, firstByteTimeoutMs, errors::answered)
                .map(opened -> new SseChunkStream(
                        name,
                        vertx,
                        opened.request(),
                        opened.response(),
                        idleTimeoutMs,
                        new AnthropicStreamEvents(name, json, clock.instant().getEpochSecond(), errors)));
    }

    private Buffer payload(ProviderCall call) {
        ObjectNode body = translator.translate(call.body());
        try {
            return Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new ProviderException(ProviderException.Kind.FAILED, "cannot encode the request");
        }
    }

    private RequestOptions options(String accept) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setConnectTimeout(connectTimeoutMs)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, accept)
                .putHeader("anthropic-version", version);
        key.ifPresent(k -> options.putHeader("x-api-key", k));
        return options;
    }

    private Future<ProviderReply> read(UpstreamCall.Reply reply) {
        if (reply.status() / 100 != 2) {
            return Future.failedFuture(errors.answered(reply.status(), reply.body()));
        }
        if (!AnthropicAnswer.isMessage(reply.body())) {
            return Future.failedFuture(new ProviderException(
                    ProviderException.Kind.FAILED,
                    "provider " + name + " answered with something that is not a message"));
        }
        ObjectNode completion =
                AnthropicAnswer.completion(reply.body(), clock.instant().getEpochSecond());
        return Future.succeededFuture(
                new ProviderReply(completion, AnthropicAnswer.usage(reply.body().path("usage"))));
    }
}
