package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * One upstream provider, with how hard the gateway tries it before it gives up or falls back.
 *
 * @param type {@code echo}, {@code openai} or {@code anthropic}
 * @param baseUrl for {@code openai}: the OpenAI-compatible base URL, e.g. {@code https://api.openai.com/v1};
 *     for {@code anthropic}: the Messages API's base URL, none for {@code https://api.anthropic.com/v1}
 * @param apiKey the upstream key (use {@code ${OPENAI_API_KEY}}, {@code ${ANTHROPIC_API_KEY}})
 * @param timeoutMs whole-call timeout of an answer sent whole, default 60 000
 * @param connectTimeoutMs connection timeout, default 5 000
 * @param firstByteTimeoutMs for a stream, the time until its first chunk, default 60 000
 * @param idleTimeoutMs for a stream, the longest silence between two chunks, default 30 000
 * @param retries how many times a failed call is tried again on this provider before the next in
 *     the model's fallback chain (connection failures, 408, 429 and 5xx only), default 2
 * @param retryBackoffMs the wait before the first retry, doubled for each next one, default 200
 * @param circuitBreaker when to stop calling a provider that keeps failing
 * @param anthropicVersion for {@code anthropic}: the {@code anthropic-version} header, none for the
 *     provider's default
 */
public record ProviderConfig(
        String type,
        String baseUrl,
        String apiKey,
        Long timeoutMs,
        Long connectTimeoutMs,
        Long firstByteTimeoutMs,
        Long idleTimeoutMs,
        Integer retries,
        Long retryBackoffMs,
        CircuitBreakerConfig circuitBreaker,
        String anthropicVersion) {

    /**
     * Fills defaults.
     *
     * @param type see the record description
     * @param baseUrl see the record description
     * @param apiKey see the record description
     * @param timeoutMs see the record description
     * @param connectTimeoutMs see the record description
     * @param firstByteTimeoutMs see the record description
     * @param idleTimeoutMs see the record description
     * @param retries see the record description
     * @param retryBackoffMs see the record description
     * @param circuitBreaker see the record description
     * @param anthropicVersion see the record description
     */
    public ProviderConfig {
        timeoutMs = timeoutMs == null ? 60_000L : timeoutMs;
        connectTimeoutMs = connectTimeoutMs == null ? 5_000L : connectTimeoutMs;
        firstByteTimeoutMs = firstByteTimeoutMs == null ? 60_000L : firstByteTimeoutMs;
        idleTimeoutMs = idleTimeoutMs == null ? 30_000L : idleTimeoutMs;
        retries = retries == null ? 2 : retries;
        retryBackoffMs = retryBackoffMs == null ? 200L : retryBackoffMs;
        circuitBreaker = circuitBreaker == null ? CircuitBreakerConfig.defaults() : circuitBreaker;
    }

    /**
     * A provider of a type with every other setting at its default.
     *
     * @param type the provider type
     * @return the provider
     */
    public static ProviderConfig ofType(String type) {
        return new ProviderConfig(type, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@return the upstream key, if configured} */
    public Optional<String> apiKeyIfSet() {
        return Optional.ofNullable(apiKey).filter(k -> !k.isEmpty());
    }

    /** {@return a safe description: never includes the key} */
    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", timeoutMs=" + timeoutMs + ", connectTimeoutMs=" + connectTimeoutMs + ", firstByteTimeoutMs="
                + firstByteTimeoutMs + ", idleTimeoutMs=" + idleTimeoutMs + ", retries=" + retries
                + ", retryBackoffMs=" + retryBackoffMs + ", circuitBreaker=" + circuitBreaker + ", anthropicVersion="
                + anthropicVersion + "]";
    }
}
