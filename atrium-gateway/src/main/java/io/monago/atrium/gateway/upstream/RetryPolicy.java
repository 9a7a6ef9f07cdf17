package io.monago.atrium.gateway.upstream;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often a failed provider call is tried again on the same provider, and how long to wait
 * first. Which failures are retried at all is {@link TryFailure}'s to say.
 *
 * @param retries how many times a call is tried again after its first try
 * @param initialBackoff the wait before the first retry; each next one doubles it
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int retries, Duration initialBackoff, Duration maxBackoff) {

    /**
     * The wait before a retry: exponential, capped, with "equal jitter" (half fixed, half random)
     * so that callers failed together do not all come back at once.
     *
     * @param retry which retry, from 1
     * @param random the source of jitter
     * @return the wait
     */
    public Duration backoff(int retry, RandomGenerator random) {
        long base = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(Math.max(base, 1), maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(capped - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
