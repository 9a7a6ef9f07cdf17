package io.monago.atrium.http;

import io.monago.atrium.internal.Checks;
import io.monago.atrium.internal.Headers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as it travels through the client's {@link Interceptor} chain: method, URL,
 * headers, body, and the per-call timeout and retry budget. Immutable; change it with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * Interceptor tagSession = chain -> chain.proceed(chain.request().toBuilder()
 *         .header("X-Monago-Session-Id", "ward-7")
 *         .build());
 * }</pre>
 */
public final class AtriumRequest {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Duration timeout;
    private final int maxRetries;

    private AtriumRequest(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method").toUpperCase(Locale.ROOT);
        this.uri = Objects.requireNonNull(b.uri, "uri");
        this.headers = Headers.copyOf(b.headers);
        this.body = b.body;
        this.timeout = Checks.positive(b.timeout, "timeout");
        this.maxRetries = Checks.retries(b.maxRetries);
    }

    /**
     * A builder for a new request.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this request.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.uri = uri;
        headers.forEach((name, values) -> b.headers.put(name, new ArrayList<>(values)));
        b.body = body;
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        return b;
    }

    /**
     * The HTTP method.
     *
     * @return {@code GET}, {@code POST}, ...
     */
    public String method() {
        return method;
    }

    /**
     * The full URL.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
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
     * @return a copy of the body bytes, or empty for a request without one
     */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    /**
     * How long one attempt may take, from sending to the end of the response.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How many times the client may retry this request after the first attempt.
     *
     * @return the retry budget, 0 for none
     */
    public int maxRetries() {
        return maxRetries;
    }

    @Override
    public String toString() {
        // Headers and body may hold the API key or personal data; they stay out of toString.
        return "AtriumRequest{" + method + " " + uri + "}";
    }

    /** Builds an {@link AtriumRequest}. */
    public static final class Builder {
        private String method = "GET";
        private URI uri;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries;

        private Builder() {}

        /**
         * Sets the method.
         *
         * @param method the HTTP method
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * Sets the URL.
         *
         * @param uri the absolute URL
         * @return this builder
         */
        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        /**
         * Sets a header, replacing any values it had (names compared without regard to case).
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            removeHeader(name);
            headers.put(name, new ArrayList<>(List.of(Objects.requireNonNull(value, "value"))));
            return this;
        }

        /**
         * Removes a header (names compared without regard to case).
         *
         * @param name the header name
         * @return this builder
         */
        public Builder removeHeader(String name) {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            return this;
        }

        /**
         * Sets the body.
         *
         * @param body the bytes (copied), or null for none
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = body == null ? null : body.clone();
            return this;
        }

        /**
         * Sets the per-attempt timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the retry budget.
         *
         * @param maxRetries retries after the first attempt; 0 turns retries off
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public AtriumRequest build() {
            return new AtriumRequest(this);
        }
    }
}
