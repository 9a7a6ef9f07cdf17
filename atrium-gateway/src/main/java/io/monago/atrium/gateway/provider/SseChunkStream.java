package io.monago.atrium.gateway.provider;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * A provider's streamed answer as a {@link ChunkSource}: its server-sent events read as they
 * arrive and turned into chunks by the provider's {@link StreamEvents}. Back-pressure pauses the
 * upstream response itself; cancel resets the upstream request. No bytes within the idle timeout,
 * an error event, or a connection that ends before the format's end event fails the stream with
 * a {@link ProviderException}. Runs on the event loop of the upstream connection.
 */
final class SseChunkStream implements ChunkSource {

    private final String provider;
    private final Vertx vertx;
    private final HttpClientRequest request;
    private final HttpClientResponse response;
    private final long idleTimeoutMs;
    private final StreamEvents events;
    private ChunkReceiver receiver;
    private long idleTimer = -1;
    private boolean done;

    /**
     * Wraps an upstream response that answered 2xx.
     *
     * @param provider the provider's name, for messages
     * @param vertx for the idle timer
     * @param request the upstream request, reset to stop it
     * @param response the upstream response, paused until {@link #start}
     * @param idleTimeoutMs the longest silence between two pieces of the stream
     * @param events the provider's streaming format
     */
    SseChunkStream(
            String provider,
            Vertx vertx,
            HttpClientRequest request,
            HttpClientResponse response,
            long idleTimeoutMs,
            StreamEvents events) {
        this.provider = provider;
        this.vertx = vertx;
        this.request = request;
        this.response = response;
        this.idleTimeoutMs = idleTimeoutMs;
        this.events = events;
        response.pause(); // nothing is read until someone receives it
    }

    @Override
    public void start(ChunkReceiver receiver) {
        this.receiver = receiver;
        SseEventReader reader =
                new SseEventReader("provider " + provider, SseEventReader.DEFAULT_MAX_EVENT_BYTES, this::event);
        response.handler(bytes -> {
            armIdleTimer();
            try {
                reader.feed(bytes);
            } catch (ProviderException e) {
                fail(e);
            }
        });
        response.endHandler(v -> {
            try {
                reader.end();
            } catch (ProviderException e) {
                fail(e);
                return;
            }
            fail(new ProviderException(
                    ProviderException.Kind.FAILED,
                    "provider " + provider + " ended its stream before " + events.endEvent()));
        });
        response.exceptionHandler(e -> fail(
                new ProviderException(ProviderException.Kind.FAILED, "provider " + provider + "'s stream broke off")));
        armIdleTimer();
        response.resume();
    }

    private void event(SseEventReader.Event event) {
        if (done) {
            return;
        }
        boolean ended;
        try {
            ended = events.accept(event, chunk -> {
                if (!done) {
                    receiver.chunk(chunk);
                }
            });
        } catch (ProviderException e) {
            fail(e);
            return;
        }
        if (ended && !done) {
            done = true;
            cancelTimer();
            receiver.end();
        }
    }

    private void armIdleTimer() {
        cancelTimer();
        if (done) {
            return;
        }
        idleTimer = vertx.setTimer(idleTimeoutMs, id -> {
            idleTimer = -1;
            // Failed first: the reset breaks the response, which must not be reported as the cause.
            fail(new ProviderException(
                    ProviderException.Kind.TIMEOUT,
                    "provider " + provider + " sent nothing for " + idleTimeoutMs + " ms in its stream"));
            request.reset();
        });
    }

    private void fail(ProviderException e) {
        if (done) {
            return;
        }
        done = true;
        cancelTimer();
        receiver.fail(e);
    }

    private void cancelTimer() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }

    @Override
    public void pause() {
        response.pause();
    }

    @Override
    public void resume() {
        if (!done) {
            response.resume();
        }
    }

    @Override
    public void cancel() {
        if (done) {
            return;
        }
        done = true;
        cancelTimer();
        request.reset();
    }
}
