package io.monago.atrium.gateway.upstream;

import io.monago.atrium.gateway.config.ProviderConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How the gateway treats one provider: its retries, its circuit breaker, and how long a stream may
 * take to send its first chunk.
 *
 * @param retry when and how a failed call is retried
 * @param breaker the provider's circuit breaker
 * @param firstByteTimeoutMs the longest wait for a stream's first chunk
 */
public record UpstreamPolicy(RetryPolicy retry, CircuitBreaker breaker, long firstByteTimeoutMs) {

    /** The longest wait between two retries, however many there are. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /**
     * Builds one policy per configured provider, each with its own breaker.
     *
     * @param providers the providers' configuration by name
     * @param nanoClock monotonic time for the breakers
     * @return the policies by provider name
     */
    public static Map<String, UpstreamPolicy> of(Map<String, ProviderConfig> providers, LongSupplier nanoClock) {
        Map<String, UpstreamPolicy> out = new LinkedHashMap<>();
        providers.forEach((name, p) -> out.put(
                name,
                new UpstreamPolicy(
                        new RetryPolicy(p.retries(), Duration.ofMillis(p.retryBackoffMs()), MAX_BACKOFF),
                        new CircuitBreaker(
                                p.circuitBreaker().failures(),
                                Duration.ofMillis(p.circuitBreaker().openMs()),
                                nanoClock),
                        p.firstByteTimeoutMs())));
        return Map.copyOf(out);
    }
}
