package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One POST to an HTTP provider, bounded in time: the wire work every HTTP provider shares, whatever
 * its format. No answer in time resets the request and fails with {@link ProviderException.Kind#TIMEOUT};
 * no connection fails with {@link ProviderException.Kind#FAILED}. The provider only reads what
 * came back.
 */
final class UpstreamCall {

    /**
     * A whole answer.
     *
     * @param status the HTTP status
     * @param body the body as JSON, null when it is not JSON
     */
    record Reply(int status, JsonNode body) {}

    /**
     * A stream that started: a 2xx answer whose body has not been read yet (its response paused).
     *
     * @param request the request, reset to stop the stream
     * @param response the response
     */
    record Opened(HttpClientRequest request, HttpClientResponse response) {}

    private final String provider;
    private final Vertx vertx;
    private final UpstreamClients http;
    private final ObjectMapper json;

    UpstreamCall(String provider, Vertx vertx, UpstreamClients http, ObjectMapper json) {
        this.provider = provider;
        this.vertx = vertx;
        this.http = http;
        this.json = json;
    }

    /**
     * Sends and reads the whole answer, within the timeout.
     *
     * @param options where and with which headers
     * @param payload the body
     * @param timeoutMs the whole call's bound
     * @return the answer, whatever its status
     */
    Future<Reply> whole(RequestOptions options, Buffer payload, long timeoutMs) {
        return bounded(
                options,
                payload,
                timeoutMs,
                "did not answer",
                sent -> sent.response()
                        .body()
                        .map(body -> new Reply(sent.response().statusCode(), parse(body))));
    }

    /**
     * Sends and waits for the answer's head, within the timeout: a stream's first byte.
     *
     * @param options where and with which headers
     * @param payload the body
     * @param timeoutMs the bound until the head
     * @param refused the failure for a status other than 2xx, from the status and the body read whole
     * @return the started stream
     */
    Future<Opened> streamed(
            RequestOptions options,
            Buffer payload,
            long timeoutMs,
            BiFunction<Integer, JsonNode, ProviderException> refused) {
        return bounded(options, payload, timeoutMs, "did not start answering", sent -> {
            HttpClientResponse response = sent.response();
            if (response.statusCode() / 100 != 2) {
                return response.body()
                        .transform(body -> Future.failedFuture(
                                refused.apply(response.statusCode(), body.succeeded() ? parse(body.result()) : null)));
            }
            response.pause(); // nothing is read until someone receives the stream
            return Future.succeededFuture(sent);
        });
    }

    private <T> Future<T> bounded(
            RequestOptions options, Buffer payload, long timeoutMs, String late, Function<Opened, Future<T>> read) {
        Promise<T> result = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (result.tryFail(new ProviderException(
                    ProviderException.Kind.TIMEOUT,
                    "provider " + provider + " " + late + " within " + timeoutMs + " ms"))) {
                HttpClientRequest req = inFlight.get();
                if (req != null) {
                    req.reset();
                }
            }
        });
        http.request(options)
                .compose(req -> {
                    inFlight.set(req);
                    return req.send(payload);
                })
                .transform(ar -> ar.succeeded()
                        ? read.apply(new Opened(inFlight.get(), ar.result()))
                        : Future.<T>failedFuture(unreachable(ar.cause())))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.failed()) {
                        result.tryFail(ar.cause());
                    } else if (!result.tryComplete(ar.result())) {
                        inFlight.get().reset(); // timed out while the answer was on its way
                    }
                });
        return result.future();
    }

    private ProviderException unreachable(Throwable cause) {
        String m = cause.getMessage();
        return new ProviderException(
                ProviderException.Kind.FAILED,
                "provider " + provider + " could not be reached: "
                        + (m == null ? cause.getClass().getSimpleName() : m));
    }

    private JsonNode parse(Buffer body) {
        try {
            return json.readTree(body.getBytes());
        } catch (IOException e) {
            return null;
        }
    }
}
