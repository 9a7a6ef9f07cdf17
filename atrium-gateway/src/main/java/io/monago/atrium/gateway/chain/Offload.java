package io.monago.atrium.gateway.chain;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Keeps CPU-heavy work on large inputs off the event loop. Work on an input of up to
 * {@code inlineMaxBytes} runs at once on the calling thread: for such inputs the hop to another
 * thread costs more than the work. Larger work runs on a small worker pool and the future
 * completes back on the caller's event loop, so the filter that asked goes on where it was and
 * the order of a call's steps does not change. Meanwhile the event loop serves other calls.
 *
 * <pre>{@code
 * return offload.run(text.length(), () -> scanner.scan(text))
 *         .map(findings -> { exchange.inspection(...); return new Step.Proceed(AnswerHalf.NONE); });
 * }</pre>
 *
 * <p>The work must not touch the exchange: it computes from values it was given and the filter
 * records the result when the future completes.
 */
public final class Offload {

    private final WorkerExecutor workers;
    private final long inlineMaxBytes;

    /**
     * Creates the offloader.
     *
     * @param workers the pool that runs large work; null runs everything inline (tests)
     * @param inlineMaxBytes inputs up to this size run on the calling thread
     */
    public Offload(WorkerExecutor workers, long inlineMaxBytes) {
        this.workers = workers;
        this.inlineMaxBytes = inlineMaxBytes;
    }

    /** {@return an offloader that runs everything on the calling thread, for tests and tools} */
    public static Offload inline() {
        return new Offload(null, Long.MAX_VALUE);
    }

    /**
     * Runs work sized to its input.
     *
     * @param inputBytes the size of what the work reads (characters count as bytes)
     * @param work the work
     * @param <T> its result
     * @return its result; a failed future when it threw
     */
    public <T> Future<T> run(long inputBytes, Callable<T> work) {
        if (workers == null || inputBytes <= inlineMaxBytes) {
            try {
                return Future.succeededFuture(work.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
        return workers.executeBlocking(work, false);
    }

    /**
     * {@return whether work on it leaves the calling thread}
     *
     * @param inputBytes the size of an input
     */
    public boolean offloads(long inputBytes) {
        return workers != null && inputBytes > inlineMaxBytes;
    }
}
