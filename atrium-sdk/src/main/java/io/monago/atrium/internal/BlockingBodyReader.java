package io.monago.atrium.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a body published piece by piece from a blocking caller: each {@link #next} asks for one
 * piece and waits for it at most the given time. Only one piece is asked for at a time, so a
 * caller that reads slowly holds the server back rather than buffer its answer. {@link #cancel}
 * may be called from any thread and wakes a waiting {@code next}.
 *
 * <p>Internal: not part of the public API.
 */
final class BlockingBodyReader implements Flow.Subscriber<List<ByteBuffer>> {

    /** What {@link #next} can answer besides a piece. */
    enum Signal {
        /** The body ended. */
        END,
        /** Nothing came within the wait. */
        SILENT,
        /** The reader was cancelled. */
        CANCELLED
    }

    /** A failure of the body, as {@link #next} reports it. */
    record Failed(Throwable cause) {}

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private Flow.Subscription subscription;
    private boolean wanted;
    private boolean requested;
    private boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean requestNow;
        synchronized (this) {
            if (subscription != null || cancelled) {
                s.cancel();
                return;
            }
            subscription = s;
            requestNow = wanted && !requested;
            requested |= requestNow;
        }
        if (requestNow) {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        synchronized (this) {
            requested = false;
        }
        arrived.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        arrived.add(new Failed(throwable));
    }

    @Override
    public void onComplete() {
        arrived.add(Signal.END);
    }

    /**
     * The next piece of the body.
     *
     * @param wait how long to wait for it
     * @return the piece (a {@code List<ByteBuffer>}), a {@link Failed}, or a {@link Signal}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Object next(Duration wait) throws InterruptedException {
        Flow.Subscription s;
        synchronized (this) {
            if (cancelled) {
                return Signal.CANCELLED;
            }
            wanted = true;
            s = requested ? null : subscription;
            requested |= s != null;
        }
        if (s != null) {
            s.request(1);
        }
        Object item = arrived.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        return item == null ? Signal.SILENT : item;
    }

    /** Stops reading: the body's subscription is cancelled, which closes its connection. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            s = subscription;
        }
        arrived.add(Signal.CANCELLED);
        if (s != null) {
            s.cancel();
        }
    }
}
