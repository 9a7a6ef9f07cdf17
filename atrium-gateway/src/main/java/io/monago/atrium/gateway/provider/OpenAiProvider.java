package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Any OpenAI-compatible upstream (OpenAI, Azure OpenAI, vLLM, Ollama, LM Studio, Groq...). Forwards
 * the body exactly as governance left it; maps an error answer to {@link ProviderException.Kind#FAILED}
 * and no answer within the timeout to {@link ProviderException.Kind#TIMEOUT}.
 */
public final class OpenAiProvider implements Provider {

    private static final int MAX_ERROR_DETAIL = 300;

    private final String name;
    private final Vertx vertx;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String url;
    private final String authorization;
    private final long timeoutMs;
    private final long connectTimeoutMs;

    /**
     * Creates the provider.
     *
     * @param name its configured name
     * @param config its configuration
     * @param vertx the gateway's Vert.x instance (for timers)
     * @param http the shared upstream HTTP client
     * @param json the shared object mapper
     */
    public OpenAiProvider(String name, ProviderConfig config, Vertx vertx, HttpClient http, ObjectMapper json) {
        this.name = name;
        this.vertx = vertx;
        this.http = http;
        this.json = json;
        String base = config.baseUrl();
        this.url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions";
        this.authorization = config.apiKeyIfSet().map(k -> "Bearer " + k).orElse(null);
        this.timeoutMs = config.timeoutMs();
        this.connectTimeoutMs = config.connectTimeoutMs();
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
        Promise<ProviderReply> result = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (result.tryFail(new ProviderException(
                    ProviderException.Kind.TIMEOUT,
                    "provider " + name + " did not answer within " + timeoutMs + " ms"))) {
                HttpClientRequest req = inFlight.get();
                if (req != null) {
                    req.reset();
                }
            }
        });
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setConnectTimeout(connectTimeoutMs)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        http.request(options)
                .compose(req -> {
                    inFlight.set(req);
                    return req.send(payload);
                })
                .compose(resp -> resp.body().map(body -> new Answer(resp.statusCode(), body)))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.failed()) {
                        result.tryFail(new ProviderException(
                                ProviderException.Kind.FAILED,
                                "provider " + name + " could not be reached: " + describe(ar.cause())));
                    } else {
                        read(ar.result(), result);
                    }
                });
        return result.future();
    }

    private void read(Answer answer, Promise<ProviderReply> result) {
        JsonNode tree;
        try {
            tree = json.readTree(answer.body.getBytes());
        } catch (java.io.IOException e) {
            tree = null;
        }
        if (answer.status / 100 != 2) {
            result.tryFail(new ProviderException(
                    ProviderException.Kind.FAILED,
                    "provider " + name + " answered " + answer.status + errorDetail(tree)));
            return;
        }
        if (!(tree instanceof ObjectNode obj) || !obj.path("choices").isArray()) {
            result.tryFail(new ProviderException(
                    ProviderException.Kind.FAILED,
                    "provider " + name + " answered with something that is not a chat completion"));
            return;
        }
        result.tryComplete(new ProviderReply(obj, UsageParser.parse(obj)));
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

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private record Answer(int status, Buffer body) {}
}
