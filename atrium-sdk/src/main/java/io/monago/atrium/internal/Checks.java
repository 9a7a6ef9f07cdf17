package io.monago.atrium.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by the builders, with messages that name the setting.
 *
 * <p>Internal: not part of the public API.
 */
public final class Checks {

    private Checks() {}

    /**
     * Checks a timeout.
     *
     * @param timeout the value
     * @param name the setting's name, for the message
     * @return the timeout
     * @throws IllegalArgumentException when zero or negative
     */
    public static Duration positive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + timeout);
        }
        return timeout;
    }

    /**
     * Checks a retry budget.
     *
     * @param maxRetries the value
     * @return the value
     * @throws IllegalArgumentException when negative
     */
    public static int retries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        return maxRetries;
    }
}
