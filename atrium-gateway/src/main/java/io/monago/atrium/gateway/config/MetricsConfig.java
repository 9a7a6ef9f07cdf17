package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * Prometheus metrics ({@code metrics} in {@code atrium.yaml}).
 *
 * @param enabled whether {@code GET /metrics} is served and calls are counted, default true
 * @param listen {@code host:port} of a separate listener that serves {@code /metrics} without a key
 *     (for a scraper on a private network); unset (the default) serves it on the gateway's own port
 *     to admin keys only
 */
public record MetricsConfig(Boolean enabled, String listen) {

    /**
     * Fills defaults.
     *
     * @param enabled see the record description
     * @param listen see the record description
     */
    public MetricsConfig {
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    /** {@return the defaults: on, on the gateway's port, admin keys only} */
    public static MetricsConfig defaults() {
        return new MetricsConfig(null, null);
    }

    /** {@return the separate listener's address, when one is set} */
    public Optional<String> listenIfSet() {
        return Optional.ofNullable(listen).filter(s -> !s.isBlank());
    }
}
