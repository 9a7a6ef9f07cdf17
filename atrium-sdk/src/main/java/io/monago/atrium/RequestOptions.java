package io.monago.atrium;

import io.monago.atrium.internal.Checks;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings for one call that override the client's: retry budget, timeout, extra headers and the
 * idempotency key.
 *
 * <pre>{@code
 * ChatCompletion res = client.chat().completions().create(request, RequestOptions.builder()
 *         .maxRetries(0)
 *         .timeout(Duration.ofSeconds(5))
 *         .header("X-Monago-Session-Id", "ward-7")
 *         .idempotencyKey(orderId)
 *         .build());
 * }</pre>
 */
public final class RequestOptions {

    private static final RequestOptions NONE = builder().build();

    private final Integer maxRetries;
    private final Duration timeout;
    private final Duration streamIdleTimeout;
    private final Map<String, String> headers;
    private final String idempotencyKey;

    private RequestOptions(Builder b) {
        this.maxRetries = b.maxRetries;
        this.timeout = b.timeout;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.idempotencyKey = b.idempotencyKey;
    }

    /**
     * Options that change nothing.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The retry budget for this call.
     *
     * @return retries after the first attempt, or empty for the client's setting
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * The per-attempt timeout for this call.
     *
     * @return the timeout, or empty for the client's setting
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * How long a stream of this call may send nothing while it is read before it fails.
     *
     * @return the idle timeout, or empty for the client's setting (by default, the per-attempt
     *     timeout)
     */
    public Optional<Duration> streamIdleTimeout() {
        return Optional.ofNullable(streamIdleTimeout);
    }

    /**
     * Headers added to this call, replacing the client's of the same name.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The {@code Idempotency-Key} every attempt of this call carries.
     *
     * @return the key, or empty to have the client generate one per call
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Integer maxRetries;
        private Duration timeout;
        private Duration streamIdleTimeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String idempotencyKey;

        private Builder() {}

        /**
         * Sets the retry budget.
         *
         * @param maxRetries retries after the first attempt; 0 turns retries off
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Checks.retries(maxRetries);
            return this;
        }

        /**
         * Sets the per-attempt timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long a stream may send nothing, while it is read, before it fails with an
         * {@link io.monago.atrium.errors.AtriumTimeoutException}. The per-attempt timeout covers
         * a stream up to its headers; this one the time between its events.
         *
         * @param streamIdleTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = Checks.positive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /**
         * Adds a header to this call.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the idempotency key. A retried request with the same key and body, within 24 hours,
         * is answered, audited and billed once by the gateway.
         *
         * @param idempotencyKey the key, e.g. an order or message id
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
