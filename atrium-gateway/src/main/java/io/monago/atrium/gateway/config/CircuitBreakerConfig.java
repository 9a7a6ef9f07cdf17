package io.monago.atrium.gateway.config;

/**
 * When the gateway stops calling a provider that keeps failing, and when it tries again.
 *
 * @param failures consecutive failed calls (connection failures, timeouts, 5xx) that open the
 *     circuit, default 5
 * @param openMs how long an open circuit sends no call to the provider; after that one trial call
 *     decides whether it closes again, default 30 000
 */
public record CircuitBreakerConfig(Integer failures, Long openMs) {

    /**
     * Fills defaults.
     *
     * @param failures see the record description
     * @param openMs see the record description
     */
    public CircuitBreakerConfig {
        failures = failures == null ? 5 : failures;
        openMs = openMs == null ? 30_000L : openMs;
    }

    /** {@return the defaults} */
    public static CircuitBreakerConfig defaults() {
        return new CircuitBreakerConfig(null, null);
    }
}
