package io.monago.atrium;

import io.monago.atrium.internal.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful response with its HTTP details: status, every header, the governance and the parsed
 * body.
 *
 * <pre>{@code
 * RawResponse<ChatCompletion> raw = client.chat().completions().withRawResponse().create(request);
 * raw.statusCode();                     // 200
 * raw.header("X-Request-Id");           // any header the gateway sent
 * ChatCompletion completion = raw.body();
 * }</pre>
 *
 * @param <T> the parsed body's type
 */
public final class RawResponse<T> {

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final Governance governance;
    private final T body;

    /**
     * Creates a raw response.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param governance the governance parsed from them
     * @param body the parsed body
     */
    public RawResponse(int statusCode, Map<String, List<String>> headers, Governance governance, T body) {
        this.statusCode = statusCode;
        this.headers = Headers.copyOf(headers);
        this.governance = Objects.requireNonNull(governance, "governance");
        this.body = Objects.requireNonNull(body, "body");
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
     * All response headers.
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
     * The governance parsed from the headers.
     *
     * @return the governance
     */
    public Governance governance() {
        return governance;
    }

    /**
     * The parsed body.
     *
     * @return the body
     */
    public T body() {
        return body;
    }

    @Override
    public String toString() {
        return "RawResponse{status=" + statusCode + ", body=" + body + "}";
    }
}
