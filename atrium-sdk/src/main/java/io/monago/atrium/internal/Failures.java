package io.monago.atrium.internal;

import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumTimeoutException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Unwrapping and naming of failures that cross future boundaries.
 *
 * <p>Internal: not part of the public API.
 */
public final class Failures {

    private Failures() {}

    /**
     * Strips the {@link CompletionException} / {@link ExecutionException} wrappers futures add.
     *
     * @param error the failure
     * @return the underlying failure
     */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Whether a failure happened before any answer arrived, so that another attempt may succeed: a
     * timeout, or a network failure raised by the transport.
     *
     * @param error the unwrapped failure
     * @return true for connection failures and timeouts
     */
    public static boolean isConnectionFailure(Throwable error) {
        return error instanceof AtriumTimeoutException
                || (error instanceof ApiException api
                        && api.response().isEmpty()
                        && api.getCause() instanceof IOException);
    }

    /**
     * Rethrows a failure from a blocking call as an unchecked exception.
     *
     * @param error the failure, possibly wrapped
     * @return never returns; declared so callers can write {@code throw rethrow(e)}
     */
    public static RuntimeException rethrow(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new ApiException("call failed: " + t, t);
    }

    /**
     * The failure for a blocking call whose thread was interrupted; restores the interrupt flag.
     *
     * @param what what was interrupted, for the message
     * @param e the interruption
     * @return the exception to throw
     */
    public static ApiException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ApiException("interrupted while " + what, e);
    }

    /**
     * Formats a duration for a message: {@code 250 ms}, {@code 60 s}.
     *
     * @param millis the duration in milliseconds
     * @return the text
     */
    public static String formatMillis(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * The failure of a call whose retries ran out, its message completed with how many attempts
     * were made and how long they took in all, waits included: {@code POST .../chat/completions
     * timed out after 600 ms (gave up after 3 attempts, 2.1 s in all)}. The exception keeps its type and
     * cause.
     *
     * @param failure the last attempt's connection failure or timeout
     * @param attempts how many attempts were made
     * @param elapsedNanos the time from the first attempt's start to now
     * @return the failure to report
     */
    public static Throwable exhausted(Throwable failure, int attempts, long elapsedNanos) {
        String message = failure.getMessage() + " (gave up after " + attempts
                + (attempts == 1 ? " attempt, " : " attempts, ") + formatElapsed(elapsedNanos / 1_000_000) + " in all)";
        Throwable cause = failure.getCause();
        if (failure instanceof AtriumTimeoutException) {
            return new AtriumTimeoutException(message, cause != null ? cause : failure);
        }
        if (failure instanceof ApiException && cause != null) {
            return new ApiException(message, cause);
        }
        return failure;
    }

    private static String formatElapsed(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
