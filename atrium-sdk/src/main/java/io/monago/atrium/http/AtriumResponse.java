package io.monago.atrium.http;

import io.monago.atrium.internal.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private final byte[] body;

    private AtriumResponse(AtriumRequest request, int statusCode, Map<String, List<String>> headers, byte[] body) {
        this.request = Objects.requireNonNull(request, "request");
        this.statusCode = statusCode;
        this.headers = Headers.copyOf(headers);
        this.body = body.clone();
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
                request, statusCode, Objects.requireNonNull(headers, "headers"), Objects.requireNonNull(body, "body"));
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
     * The first value of one header.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /**
     * The body.
     *
     * @return a copy of the body bytes; empty for none
     */
    public byte[] body() {
        return body.clone();
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
        return "AtriumResponse{" + statusCode + " for " + request + "}";
    }
}
