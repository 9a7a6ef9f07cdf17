package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * Tracing ({@code telemetry} in {@code atrium.yaml}). Off unless an endpoint is set: then each
 * call's spans are sent over OTLP/HTTP.
 *
 * @param otlpEndpoint the collector's OTLP/HTTP traces URL, e.g.
 *     {@code http://otel-collector:4318/v1/traces}; unset (the default) turns tracing off
 * @param serviceName the {@code service.name} the spans are sent under, default {@code atrium-gateway}
 * @param sampleRatio the share of new traces kept, 0 to 1, default 1; a caller's sampled flag in
 *     its {@code traceparent} is followed
 */
public record TelemetryConfig(String otlpEndpoint, String serviceName, Double sampleRatio) {

    /**
     * Fills defaults.
     *
     * @param otlpEndpoint see the record description
     * @param serviceName see the record description
     * @param sampleRatio see the record description
     */
    public TelemetryConfig {
        serviceName = serviceName == null ? "atrium-gateway" : serviceName;
        sampleRatio = sampleRatio == null ? 1.0 : sampleRatio;
    }

    /** {@return the defaults: tracing off} */
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(null, null, null);
    }

    /** {@return the OTLP endpoint, when tracing is on} */
    public Optional<String> otlpEndpointIfSet() {
        return Optional.ofNullable(otlpEndpoint).filter(s -> !s.isBlank());
    }
}
