package io.monago.atrium.gateway.exchange;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One try at a provider, as the audit record lists it. It holds no text of the provider's error,
 * which could echo the request.
 *
 * @param provider the provider's configured name
 * @param fallbackModel the fallback model this try served; empty for the model the caller asked for
 * @param outcome what happened: one of the {@code Attempt.*} outcome words
 * @param status the HTTP status the provider answered, if it answered one
 * @param latencyMs how long the try took
 */
public record Attempt(
        String provider, Optional<String> fallbackModel, String outcome, OptionalInt status, double latencyMs) {

    /** The provider answered (for a stream: sent its first chunk). */
    public static final String ANSWERED = "answered";

    /** The provider failed: no connection, an error status, a broken answer. */
    public static final String FAILED = "failed";

    /** The provider did not answer in time. */
    public static final String TIMED_OUT = "timed_out";

    /** The provider's circuit was open, so it was not called. */
    public static final String CIRCUIT_OPEN = "circuit_open";

    /** The fallback model is not allowed for the caller, so it was not called. */
    public static final String NOT_ALLOWED = "not_allowed";
}
