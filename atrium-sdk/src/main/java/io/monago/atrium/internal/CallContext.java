package io.monago.atrium.internal;

import io.monago.atrium.Governance;
import io.monago.atrium.telemetry.CallTelemetry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * State of one logical call across its attempts: whether it runs blocking or async, and which
 * in-flight step (an HTTP exchange, a retry wait) a cancellation must reach.
 *
 * <p>Internal: not part of the public API.
 */
public final class CallContext {

    private final boolean async;
    private CompletableFuture<?> current;
    private boolean cancelled;
    private volatile Governance answered;
    private volatile List<CallTelemetry.Call> watched = List.of();
    private final AtomicInteger attempts = new AtomicInteger();

    private CallContext(boolean async) {
        this.async = async;
    }

    /**
     * A context for a call whose steps run on the calling thread.
     *
     * @return the context
     */
    public static CallContext blocking() {
        return new CallContext(false);
    }

    /**
     * A context for a call whose steps complete asynchronously.
     *
     * @return the context
     */
    public static CallContext async() {
        return new CallContext(true);
    }

    /**
     * Whether steps must not block the calling thread.
     *
     * @return true for async calls
     */
    public boolean isAsync() {
        return async;
    }

    /**
     * Records the step now in flight, cancelling it at once if the call was already cancelled.
     *
     * @param step the in-flight future (as returned by the JDK, so that cancelling it aborts the work)
     * @param <T> its result type
     * @return the same future
     */
    public synchronized <T> CompletableFuture<T> track(CompletableFuture<T> step) {
        current = step;
        if (cancelled) {
            step.cancel(true);
        }
        return step;
    }

    /** Cancels the step in flight and any step tracked later. */
    public void cancel() {
        CompletableFuture<?> step;
        synchronized (this) {
            cancelled = true;
            step = current;
        }
        if (step != null) {
            step.cancel(true);
        }
    }

    /**
     * Records the governance headers of an answer, as soon as they arrive.
     *
     * @param governance the answer's governance
     */
    public void answered(Governance governance) {
        this.answered = governance;
    }

    /**
     * The governance of the latest answer to the call, once its headers arrived.
     *
     * @return the governance, or empty
     */
    public Optional<Governance> answered() {
        return Optional.ofNullable(answered);
    }

    /**
     * Whether the call was cancelled.
     *
     * @return true after {@link #cancel()}
     */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Records what watches this call, for the steps that see each try.
     *
     * @param calls the watchers, one per telemetry
     */
    public void watchedBy(List<CallTelemetry.Call> calls) {
        this.watched = List.copyOf(calls);
    }

    /**
     * What watches this call.
     *
     * @return the watchers; empty without telemetry
     */
    public List<CallTelemetry.Call> watchers() {
        return watched;
    }

    /**
     * Counts a try of the call.
     *
     * @return which try this is, from 1
     */
    public int nextAttempt() {
        return attempts.incrementAndGet();
    }
}
