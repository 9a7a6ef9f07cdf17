package io.monago.atrium.gateway.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.gateway.provider.ChunkSource;
import io.monago.atrium.gateway.provider.ProviderException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Holds a provider's stream back until its first chunk arrived, so that a provider that accepts
 * the call and then fails or stays silent can still be retried or replaced: nothing has reached
 * the caller yet. The first chunk (and any that came with it) is replayed to the real consumer,
 * then the stream flows on unchanged. All on the event loop that runs the call.
 */
final class FirstChunkGate implements ChunkSource, ChunkReceiver {

    private final ChunkSource source;
    private final Promise<ChunkSource> opened = Promise.promise();
    private final Queue<ObjectNode> early = new ArrayDeque<>(2);
    private ChunkReceiver consumer;
    private boolean ended;
    private Throwable failed;
    private boolean pausedByConsumer;
    private boolean timedOut;

    private FirstChunkGate(ChunkSource source) {
        this.source = source;
    }

    /**
     * Starts a stream and waits for its first chunk.
     *
     * @param vertx for the timer
     * @param source the provider's stream, not yet started
     * @param timeoutMs the longest wait for the first chunk
     * @param provider the provider's name, for the timeout's message
     * @return the stream once its first chunk (or its end) arrived; failed when it failed first or
     *     timed out, the provider's stream then cancelled
     */
    static Future<ChunkSource> open(Vertx vertx, ChunkSource source, long timeoutMs, String provider) {
        FirstChunkGate gate = new FirstChunkGate(source);
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (!gate.opened.future().isComplete()) {
                // Cancelled before the failure is told, as its listeners may start the next try at
                // once; whatever the cancelled source reports meanwhile is not the cause.
                gate.timedOut = true;
                source.cancel();
                gate.opened.tryFail(new ProviderException(
                        ProviderException.Kind.TIMEOUT,
                        "provider " + provider + " sent no chunk within " + timeoutMs + " ms"));
            }
        });
        Future<ChunkSource> result = gate.opened.future();
        result.onComplete(ar -> vertx.cancelTimer(timer));
        source.start(gate);
        return result;
    }

    @Override
    public void chunk(ObjectNode chunk) {
        if (consumer != null) {
            consumer.chunk(chunk);
        } else if (!timedOut && !opened.future().failed()) {
            early.add(chunk);
            if (!opened.future().isComplete()) {
                // Paused before the consumer hears of it, as it may start (and resume) at once.
                source.pause();
                opened.complete(this);
            }
        }
    }

    @Override
    public void end() {
        if (consumer != null) {
            consumer.end();
        } else if (!timedOut && !opened.future().failed()) {
            ended = true;
            opened.tryComplete(this); // an empty stream is an answer too
        }
    }

    @Override
    public void fail(Throwable cause) {
        if (consumer != null) {
            consumer.fail(cause);
        } else if (!timedOut && !opened.tryFail(cause) && !opened.future().failed()) {
            failed = cause; // after the first chunk: the consumer gets it after the replay
        }
    }

    @Override
    public void start(ChunkReceiver receiver) {
        consumer = receiver;
        while (!early.isEmpty()) {
            receiver.chunk(early.remove());
        }
        if (ended) {
            receiver.end();
        } else if (failed != null) {
            receiver.fail(failed);
        } else if (!pausedByConsumer) {
            source.resume();
        }
    }

    @Override
    public void pause() {
        pausedByConsumer = true;
        source.pause();
    }

    @Override
    public void resume() {
        pausedByConsumer = false;
        if (consumer != null) {
            source.resume();
        }
    }

    @Override
    public void cancel() {
        source.cancel();
    }
}
