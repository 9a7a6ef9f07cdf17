package io.monago.atrium.gateway.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Watches one HTTP/1.1 connection from inside its Netty pipeline, between the HTTP decoder and
 * Vert.x, where it sees every request head as it is decoded and every answer as it is written.
 *
 * <p><b>Request-head and idle timeouts.</b> A new connection must deliver a complete request head
 * within the head timeout. Once every request on it is answered, a kept-alive connection may sit
 * idle for the idle timeout; from the first byte of its next request, that request's head must be
 * complete within the head timeout. Bytes that arrive do not restart either clock, so a head sent
 * one byte every few seconds cannot hold the connection. While a request is in flight nothing is
 * timed here: its body has its own limit (the body reader) and an answer the provider takes long
 * to give must not be cut. Vert.x's idle timeout fails both ways: every byte restarts it, and it
 * fires while the gateway waits upstream with no byte flowing. Nor does Vert.x tell, for every
 * answer, that it was written (a response has a single end handler, which vertx-web takes over),
 * hence a watch in the pipeline rather than timers on Vert.x's events.
 *
 * <p>The idle timeout is longer than the head timeout because clients keep pooled connections for
 * a while (Vert.x 60 s, Go 90 s): a server that closes an idle connection first races the client's
 * next request on it, which then fails with "connection closed" although the gateway was healthy.
 *
 * <p>The clocks are deadlines checked by one timer per connection that wakes at most every head
 * timeout (so a head deadline is never checked late), not a timer scheduled and cancelled for every
 * request.
 *
 * <p><b>Malformed bodies.</b> A chunked body whose chunk sizes cannot be parsed makes Vert.x close
 * the connection at once, with no answer. When a body reader waits on the connection, the decoder's
 * failure is handed to it instead, so the call is refused with a 400 through the filter chain (and
 * audited) before the connection is closed.
 *
 * <p>Whoever closes the connection, what was written to it is flushed first.
 *
 * <p><b>Unsupported versions.</b> A request line with a version other than HTTP/1.0 or HTTP/1.1
 * ({@code HTTP/1.2}, say) is marked as a decoding failure, so it reaches the server's invalid
 * request handler and gets the protocol's JSON error rather than Vert.x's empty 501.
 *
 * <p>Every method runs on the connection's event loop, so the state needs no locking.
 */
final class ConnectionWatch extends ChannelDuplexHandler {

    /** The name the watch has in the pipeline. */
    static final String NAME = "atrium-connection-watch";

    private final long headTimeoutNanos;
    private final long idleTimeoutNanos;
    /** The longest the timer sleeps: no longer than either timeout, so no deadline is checked late. */
    private final long tickNanos;

    private int heads;
    private int answers;
    /** When the connection is closed unless a request head completes; 0 while a request is in flight. */
    private long deadline;
    /** Every request answered and no byte of the next one yet: the idle clock runs. */
    private boolean idle;

    private ScheduledFuture<?> timer;
    private MalformedBody bodyReader;

    /** A body reader waiting for the rest of a body on this connection. */
    @FunctionalInterface
    interface MalformedBody {
        /**
         * The body could not be decoded; no more of it will come.
         *
         * @param cause what the decoder found wrong
         */
        void malformed(Throwable cause);
    }

    /** Marks a request line whose HTTP version the gateway does not speak. */
    static final class UnsupportedVersion extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedVersion(String version) {
            super(version, null, false, false);
        }

        /** {@return the version as the request line gave it} */
        String version() {
            return getMessage();
        }
    }

    ConnectionWatch(long headTimeoutMs, long idleTimeoutMs) {
        this.headTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(headTimeoutMs);
        this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs);
        this.tickNanos = Math.min(headTimeoutNanos, idleTimeoutNanos);
    }

    /**
     * Puts a watch into a connection's pipeline, just before Vert.x's own handler.
     *
     * @param connection a connection the server just accepted
     * @param headTimeoutMs the request-head timeout
     * @param idleTimeoutMs how long a kept-alive connection may wait for its next request
     */
    static void install(HttpConnection connection, long headTimeoutMs, long idleTimeoutMs) {
        // Vert.x has no public way to the pipeline under a connection; its connections all extend
        // ConnectionBase, which gives it. The gateway serves HTTP/1.x only (no TLS, no cleartext
        // HTTP/2), whose connections always do; the tests fail should a Vert.x release change that.
        if (connection instanceof ConnectionBase base) {
            ChannelHandlerContext vertx = base.channelHandlerContext();
            ConnectionWatch watch = new ConnectionWatch(headTimeoutMs, idleTimeoutMs);
            vertx.pipeline().addBefore(vertx.name(), NAME, watch);
            // Before the HTTP decoder, which hands on a request only once its head is complete.
            vertx.pipeline().addFirst(NAME + "-bytes", watch.new FirstBytes());
        }
    }

    /**
     * Finds the watch of a connection.
     *
     * @param connection the connection a request came on
     * @return its watch, if it has one
     */
    static Optional<ConnectionWatch> of(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            return Optional.ofNullable(base.channel().pipeline().get(ConnectionWatch.class));
        }
        return Optional.empty();
    }

    /**
     * Hands the next decoding failure of a body on this connection to a reader, until {@link
     * #bodyDone} is called.
     *
     * @param reader the reader
     */
    void readingBody(MalformedBody reader) {
        this.bodyReader = reader;
    }

    /** The body reader has what it needs (or has given up): decoding failures go to Vert.x again. */
    void bodyDone() {
        this.bodyReader = null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = System.nanoTime() + headTimeoutNanos;
        schedule(ctx, tickNanos);
    }

    /** Notes the first bytes of a kept-alive connection's next request: its head clock starts. */
    private final class FirstBytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (idle) {
                idle = false;
                deadline = System.nanoTime() + headTimeoutNanos;
            }
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            heads++;
            idle = false;
            deadline = 0;
            HttpVersion version = request.protocolVersion();
            if (request.decoderResult().isSuccess()
                    && !version.equals(HttpVersion.HTTP_1_1)
                    && !version.equals(HttpVersion.HTTP_1_0)) {
                // Answered in a version the client can read; the failure sends it to the invalid
                // request handler, and Vert.x closes the connection after the answer.
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
                request.setDecoderResult(DecoderResult.failure(new UnsupportedVersion(version.text())));
            }
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure() && bodyReader != null) {
            MalformedBody reader = bodyReader;
            bodyReader = null;
            Throwable cause = content.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            reader.malformed(cause);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !informational(msg)) {
            answers++;
            if (answers >= heads) {
                idle = true;
                deadline = System.nanoTime() + idleTimeoutNanos;
            }
        }
        var unused = ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        // Vert.x closes a connection whose input it cannot decode from within its own handler, past
        // the step where it flushes what it wrote: an answer already written but not yet flushed
        // (a 405 to a request whose chunked body then breaks, in the same read) would be dropped.
        ctx.flush();
        var unused = ctx.close(promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        bodyReader = null;
        ctx.fireChannelInactive();
    }

    /** A {@code 100 Continue} is not the answer: the request is still in flight. */
    private static boolean informational(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        timer = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long left = deadline == 0 ? tickNanos : deadline - System.nanoTime();
        if (left <= 0) {
            // From the tail, so Vert.x sees the close like any other.
            var unused = ctx.channel().close();
            return;
        }
        schedule(ctx, Math.min(left, tickNanos));
    }
}
