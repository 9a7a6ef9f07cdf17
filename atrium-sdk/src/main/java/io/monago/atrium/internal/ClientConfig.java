package io.monago.atrium.internal;

import io.monago.atrium.http.Interceptor;
import io.monago.atrium.telemetry.CallTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * A client's resolved settings: builder values with environment fallbacks already applied.
 *
 * <p>Internal: not part of the public API.
 *
 * @param apiKey the API key
 * @param baseUrl the base URL, without a trailing slash
 * @param timeout per-attempt timeout
 * @param streamIdleTimeout how long a stream may be silent, or null for the per-attempt timeout
 * @param maxRetries retries after the first attempt
 * @param maxConcurrentRequests how many async calls may be in flight at once
 * @param defaultHeaders headers on every request
 * @param httpClient the user's HTTP client, or null to create one
 * @param executor where async results complete, or null for the default
 * @param interceptors the user's interceptors, outermost first
 * @param log the log sink
 * @param sleeper how retries wait
 * @param clock the clock for {@code Retry-After} dates
 * @param random jitter source in [0, 1)
 * @param telemetry what watches calls and their tries (tracing, metrics); empty for none
 */
public record ClientConfig(
        String apiKey,
        URI baseUrl,
        Duration timeout,
        Duration streamIdleTimeout,
        int maxRetries,
        int maxConcurrentRequests,
        Map<String, String> defaultHeaders,
        HttpClient httpClient,
        Executor executor,
        List<Interceptor> interceptors,
        Log log,
        Sleeper sleeper,
        Clock clock,
        DoubleSupplier random,
        List<CallTelemetry> telemetry) {

    /**
     * Copies the collections.
     *
     * @param apiKey the API key
     * @param baseUrl the base URL
     * @param timeout per-attempt timeout
     * @param streamIdleTimeout stream idle timeout or null
     * @param maxRetries retries
     * @param maxConcurrentRequests async calls in flight at once
     * @param defaultHeaders default headers
     * @param httpClient HTTP client or null
     * @param executor executor or null
     * @param interceptors interceptors
     * @param log log sink
     * @param sleeper sleeper
     * @param clock clock
     * @param random jitter source
     * @param telemetry telemetry
     */
    public ClientConfig {
        defaultHeaders = Map.copyOf(defaultHeaders);
        interceptors = List.copyOf(interceptors);
        telemetry = List.copyOf(telemetry);
    }

    @Override
    public String toString() {
        return "ClientConfig{baseUrl=" + baseUrl + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "}";
    }
}
