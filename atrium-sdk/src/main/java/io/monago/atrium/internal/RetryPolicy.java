package io.monago.atrium.internal;

import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to retry and how long to wait: exponential backoff with jitter, unless the gateway said how
 * long with {@code retry-after-ms} or {@code Retry-After} (seconds or an HTTP date).
 *
 * <p>Internal: not part of the public API.
 */
public final class RetryPolicy {

    /** Wait before the first retry, before jitter. */
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Longest computed wait. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    /** Longest server-requested wait we honour; a longer one falls back to backoff rather than stall. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final Clock clock;
    private final DoubleSupplier random;

    /**
     * Creates a policy.
     *
     * @param clock the clock that {@code Retry-After} dates are measured against
     * @param random a source of numbers in [0, 1) for jitter
     */
    public RetryPolicy(Clock clock, DoubleSupplier random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Whether a status is worth another attempt: 408, 409, 429 and every 5xx. Policy blocks (400,
     * 422, 451) and 401/403 are not: the same request gets the same answer.
     *
     * @param status the HTTP status
     * @return true to retry
     */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * The wait before a retry.
     *
     * @param retryNumber 1 for the first retry
     * @param response the failed attempt's response, or null after a network failure
     * @return the wait
     */
    public Duration delay(int retryNumber, AtriumResponse response) {
        if (response != null) {
            Optional<Duration> asked = retryAfter(response);
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        long base = Math.min(INITIAL_BACKOFF.toMillis() << Math.min(retryNumber - 1, 20), MAX_BACKOFF.toMillis());
        double jitter = 1 - 0.25 * random.getAsDouble();
        return Duration.ofMillis(Math.round(base * jitter));
    }

    /**
     * The wait the response asks for, when it asks for one we honour (0 to 60 seconds).
     *
     * @param response the response
     * @return the wait, or empty
     */
    Optional<Duration> retryAfter(AtriumResponse response) {
        Optional<Duration> asked = response.header(ProtocolHeaders.RETRY_AFTER_MS)
                .flatMap(v -> number(v).map(ms -> Duration.ofNanos(Math.round(ms * 1_000_000))))
                .or(() -> response.header(ProtocolHeaders.RETRY_AFTER).flatMap(this::secondsOrDate));
        return asked.filter(d -> !d.isNegative() && d.compareTo(MAX_RETRY_AFTER) <= 0);
    }

    private Optional<Duration> secondsOrDate(String value) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis(Math.round(seconds.get() * 1000)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            double d = Double.parseDouble(value.trim());
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
