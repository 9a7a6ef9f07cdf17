package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * What a workspace's calls get when the limit store cannot be reached ({@code on_store_error}).
 *
 * <pre>{@code
 * OnStoreError.of(Optional.empty()).budgetsFailOpen();        // false: budgets fail closed
 * OnStoreError.of(Optional.empty()).rateLimitsFailOpen();     // true: rate limits fail open
 * OnStoreError.of(Optional.of("fail_open")).budgetsFailOpen(); // true
 * }</pre>
 *
 * @param rateLimitsFailOpen whether a call under rate limits is admitted, uncounted
 * @param budgetsFailOpen whether a call under a budget is admitted, uncounted
 */
public record OnStoreError(boolean rateLimitsFailOpen, boolean budgetsFailOpen) {

    /** The word that refuses the call. */
    public static final String FAIL_CLOSED = "fail_closed";

    /** The word that admits the call. */
    public static final String FAIL_OPEN = "fail_open";

    /**
     * Budgets fail closed (an outage must not become unbounded spend), rate limits fail open (an
     * outage of the counter must not become an outage of the gateway).
     */
    public static final OnStoreError DEFAULT = new OnStoreError(true, false);

    /**
     * Whether a call with an {@code Idempotency-Key} is processed without it when the idempotency
     * store cannot be reached: unless the workspace wrote {@code fail_closed}, since refusing would
     * fail every call of a client that sends a key on each call.
     *
     * @return true to process the call, false to refuse it
     */
    public boolean idempotencyFailsOpen() {
        return rateLimitsFailOpen;
    }

    /**
     * Reads the setting.
     *
     * @param word {@code fail_closed}, {@code fail_open}, or empty for the default
     * @return the choice
     * @throws IllegalArgumentException for any other word
     */
    public static OnStoreError of(Optional<String> word) {
        if (word.isEmpty()) {
            return DEFAULT;
        }
        return switch (word.get()) {
            case FAIL_CLOSED -> new OnStoreError(false, false);
            case FAIL_OPEN -> new OnStoreError(true, true);
            default ->
                throw new IllegalArgumentException(
                        "must be " + FAIL_CLOSED + " or " + FAIL_OPEN + ", got '" + word.get() + "'");
        };
    }
}
