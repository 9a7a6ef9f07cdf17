package io.monago.atrium.gateway.upstream;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling a provider that keeps failing, so callers fall back at once instead of each
 * waiting out the failure. Closed, it lets every call through and counts consecutive failures;
 * at the threshold it opens and lets none through for the open time; then it lets one trial call
 * through (half-open), whose success closes it and whose failure opens it again. Shared by every
 * event loop, so its state changes under a lock (held for a few field writes).
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State {
        /** Calls go through. */
        CLOSED,
        /** No call goes through. */
        OPEN,
        /** One trial call is allowed to decide. */
        HALF_OPEN
    }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    /**
     * Creates a closed breaker.
     *
     * @param threshold consecutive failures that open it
     * @param open how long it stays open
     * @param nanoClock monotonic time, {@code System::nanoTime} outside tests
     */
    public CircuitBreaker(int threshold, Duration open, LongSupplier nanoClock) {
        this.threshold = threshold;
        this.openNanos = open.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Asks to send a call. A caller that got {@code true} must report the outcome with
     * {@link #succeeded}, {@link #failed} or {@link #abandoned}.
     *
     * @return whether the call may go to the provider
     */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED -> {
                return true;
            }
            case OPEN -> {
                if (nanoClock.getAsLong() - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            }
            default -> {
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
            }
        }
    }

    /** The provider answered (or refused the request itself, which shows it is up). */
    public synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    /** The provider failed: no connection, a timeout, 408, 429 or 5xx. */
    public synchronized void failed() {
        trialInFlight = false;
        if (state == State.HALF_OPEN || ++failures >= threshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            failures = 0;
        }
    }

    /** The call was given up for a reason that says nothing of the provider (the caller left). */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    /** {@return where the breaker stands now} */
    public synchronized State state() {
        return state;
    }
}
