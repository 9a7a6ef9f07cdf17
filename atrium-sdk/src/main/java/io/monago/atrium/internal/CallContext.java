package io.monago.atrium.internal;

import java.util.concurrent.CompletableFuture;

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
     * Whether the call was cancelled.
     *
     * @return true after {@link #cancel()}
     */
    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
