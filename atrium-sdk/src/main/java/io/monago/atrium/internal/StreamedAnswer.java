package io.monago.atrium.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A successful streamed answer whose headers are in and whose body is still to be read, as the
 * client hands it to a stream reader.
 *
 * <p>Internal: not part of the public API.
 */
public final class StreamedAnswer {

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final Flow.Publisher<List<ByteBuffer>> body;
    private final Duration idleTimeout;
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * Creates the answer.
     *
     * @param statusCode the status, 2xx
     * @param headers the headers
     * @param body the body as it arrives; one subscriber
     * @param idleTimeout how long the server may send nothing before the stream fails
     * @param onRelease run once when the reader is done with the answer
     */
    StreamedAnswer(
            int statusCode,
            Map<String, List<String>> headers,
            Flow.Publisher<List<ByteBuffer>> body,
            Duration idleTimeout,
            Runnable onRelease) {
        this.statusCode = statusCode;
        this.headers = Headers.copyOf(headers);
        this.body = Objects.requireNonNull(body, "body");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.onRelease = Objects.requireNonNull(onRelease, "onRelease");
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The response headers.
     *
     * @return an unmodifiable, case-insensitive map
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The body as it arrives.
     *
     * @return the publisher; subscribe once
     */
    public Flow.Publisher<List<ByteBuffer>> body() {
        return body;
    }

    /**
     * How long the server may send nothing, while the reader waits for it, before the stream fails.
     *
     * @return the idle timeout
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Tells the client the reader is done with this answer (ended, failed or closed); once. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }
}
