package io.monago.atrium.http;

import io.monago.atrium.internal.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * One HTTP response as it travels back through the {@link Interceptor} chain, before the client
 * turns it into a result or an exception. Immutable.
 *
 * <pre>{@code
 * // An interceptor that answers without calling the gateway:
 * Interceptor offline = chain -> CompletableFuture.completedFuture(AtriumResponse.of(
 *         chain.request(), 503, Map.of(), "offline".getBytes(StandardCharsets.UTF_8)));
 * }</pre>
 */
public final class AtriumResponse {

    private final AtriumRequest request;
    private final int statusCode;
    private final Map<String, List<String>> headers;
    private static final byte[] NO_BYTES = new byte[0];

    private final byte[] body;
    private final Flow.Publisher<List<ByteBuffer>> bodyPublisher;

    private AtriumResponse(
            AtriumRequest request,
            int statusCode,
            Map<String, List<String>> headers,
            byte[] body,
            Flow.Publisher<List<ByteBuffer>> bodyPublisher) {
        this.request = Objects.requireNonNull(request, "request");
        this.statusCode = statusCode;
        this.headers = Headers.copyOf(headers);
        this.body = body;
        this.bodyPublisher = bodyPublisher;
    }

    /**
     * Creates a response.
     *
     * @param request the request it answers
     * @param statusCode the HTTP status
     * @param headers the headers
     * @param body the body bytes (copied); empty for none
     * @return the response
     */
    public static AtriumResponse of(
            AtriumRequest request, int statusCode, Map<String, List<String>> headers, byte[] body) {
        return new AtriumResponse(
                request,
                statusCode,
                Objects.requireNonNull(headers, "headers"),
                Objects.requireNonNull(body, "body").clone(),
                null);
    }

    /**
     * Creates a response whose body arrives as it is read: a streamed answer (server-sent events).
     * The client reads the body once the response has passed the interceptors; the publisher
     * serves one subscriber.
     *
     * <pre>{@code
     * // An interceptor that answers a streaming call from a recording:
     * AtriumResponse.streamed(chain.request(), 200,
     *         Map.of("Content-Type", List.of("text/event-stream")), recordedBody);
     * }</pre>
     *
     * @param request the request it answers
     * @param statusCode the HTTP status
     * @param headers the headers
     * @param body the body as it arrives, in pieces
     * @return the response
     */
    public static AtriumResponse streamed(
            AtriumRequest request,
            int statusCode,
            Map<String, List<String>> headers,
            Flow.Publisher<List<ByteBuffer>> body) {
        return new AtriumResponse(
                request,
                statusCode,
                Objects.requireNonNull(headers, "headers"),
                NO_BYTES,
                Objects.requireNonNull(body, "body"));
    }

    /**
     * The request this response answers (the one the last interceptor sent).
     *
     * @return the request
     */
    public AtriumRequest request() {
        return request;
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Whether the status is 2xx.
     *
     * @return true for 200–299
     */
    public boolean isSuccessful() {
        return statusCode >= 200 && statusCode < 300;
    }

    /**
     * All headers.
     *
     * @return an unmodifiable, case-insensitive map
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The value of one header. Repeated lines of it are joined with {@code ", "}, as RFC 9110 §5.3
     * says, so a list sent over several lines reads as one list.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        return Headers.value(headers, name);
    }

    /**
     * The body.
     *
     * @return a copy of the body bytes; empty for none, and for a streamed body (see
     *     {@link #bodyPublisher()})
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body of a streamed answer, as it arrives. The client subscribes to it after the
     * interceptors; an interceptor that replaces a streamed response with another should cancel
     * this one's body (subscribe and cancel), so that its connection is released.
     *
     * @return the body's publisher, or empty when the whole body is in {@link #body()}
     */
    public Optional<Flow.Publisher<List<ByteBuffer>>> bodyPublisher() {
        return Optional.ofNullable(bodyPublisher);
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AtriumResponse{" + statusCode + (bodyPublisher == null ? "" : " streamed") + " for " + request + "}";
    }
}
