package io.monago.atrium.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retry attempts. Tests substitute one that records the waits and returns at once.
 *
 * <p>Internal: not part of the public API.
 */
public interface Sleeper {

    /** The real one: {@link Thread#sleep} for blocking calls, a delayed completion for async ones. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            return new CompletableFuture<Void>().completeOnTimeout(null, duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    };

    /**
     * Blocks the calling thread.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * A future that completes after the duration; cancelling it ends the wait.
     *
     * @param duration how long
     * @return the future
     */
    CompletableFuture<Void> delay(Duration duration);
}
