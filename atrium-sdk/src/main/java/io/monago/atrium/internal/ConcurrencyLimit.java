package io.monago.atrium.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Bounds how many async calls are in flight at once. A call beyond the bound waits in a queue, in
 * the order it was made, and is sent when a call before it ends; a waiting call cancelled before
 * its turn leaves the queue and sends nothing.
 *
 * <p>Internal: not part of the public API.
 */
public final class ConcurrencyLimit {

    private final int max;
    private final Executor executor;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int running;

    /**
     * Creates the limit.
     *
     * @param max how many calls may be in flight at once; {@link Integer#MAX_VALUE} for no bound
     * @param executor where a queued call is started once a place frees (so a long queue of calls
     *     that end at once never grows the stack)
     */
    public ConcurrencyLimit(int max, Executor executor) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + max);
        }
        this.max = max;
        this.executor = executor;
    }

    /**
     * Starts a call now if a place is free, else when one frees.
     *
     * @param call the call's future: once it is done, a queued call is dropped unsent
     * @param start sends the call; it receives the action that gives the place back, to run once
     *     when the call has ended (running it again does nothing)
     */
    public void admit(CompletableFuture<?> call, Consumer<Runnable> start) {
        Waiting w = new Waiting(call, start);
        boolean now;
        synchronized (this) {
            now = running < max;
            if (now) {
                running++;
            } else {
                queue.add(w);
            }
        }
        if (now) {
            launch(w);
            return;
        }
        var unusedDrop = call.whenComplete((value, error) -> {
            synchronized (this) {
                queue.remove(w);
            }
        });
    }

    private void launch(Waiting w) {
        AtomicBoolean given = new AtomicBoolean();
        Runnable release = () -> {
            if (given.compareAndSet(false, true)) {
                next();
            }
        };
        try {
            w.start().accept(release);
        } catch (RuntimeException e) {
            w.call().completeExceptionally(e);
            release.run();
        }
    }

    private void next() {
        Waiting w;
        synchronized (this) {
            do {
                w = queue.poll();
            } while (w != null && w.call().isDone());
            if (w == null) {
                running--;
                return;
            }
        }
        // The freed place passes straight to the next call, which keeps it.
        Waiting chosen = w;
        try {
            executor.execute(() -> launch(chosen));
        } catch (RuntimeException refused) {
            launch(chosen);
        }
    }

    private record Waiting(CompletableFuture<?> call, Consumer<Runnable> start) {}
}
