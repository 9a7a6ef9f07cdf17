package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * One upstream provider.
 *
 * @param type {@code echo} or {@code openai}
 * @param baseUrl for {@code openai}: the OpenAI-compatible base URL, e.g. {@code https://api.openai.com/v1}
 * @param apiKey for {@code openai}: the upstream key (use {@code ${OPENAI_API_KEY}})
 * @param timeoutMs whole-call timeout, default 60 000
 * @param connectTimeoutMs connection timeout, default 5 000
 */
public record ProviderConfig(String type, String baseUrl, String apiKey, Long timeoutMs, Long connectTimeoutMs) {

    /**
     * Fills defaults.
     *
     * @param type see the record description
     * @param baseUrl see the record description
     * @param apiKey see the record description
     * @param timeoutMs see the record description
     * @param connectTimeoutMs see the record description
     */
    public ProviderConfig {
        timeoutMs = timeoutMs == null ? 60_000L : timeoutMs;
        connectTimeoutMs = connectTimeoutMs == null ? 5_000L : connectTimeoutMs;
    }

    /** {@return the upstream key, if configured} */
    public Optional<String> apiKeyIfSet() {
        return Optional.ofNullable(apiKey).filter(k -> !k.isEmpty());
    }

    /** {@return a safe description: never includes the key} */
    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", timeoutMs=" + timeoutMs + ", connectTimeoutMs=" + connectTimeoutMs + "]";
    }
}
