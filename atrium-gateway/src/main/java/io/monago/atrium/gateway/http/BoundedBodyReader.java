package io.monago.atrium.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Reads a request body up to a size limit and a time limit without blocking. A declared {@code
 * Content-Length} over the size limit is refused before any byte is read; a chunked body is refused
 * as soon as it passes it. A body that has not arrived whole within the time limit of its head is
 * refused with 408, and one whose chunked encoding is broken with 400. Every refusal goes through
 * the chat handler, so it is answered in the protocol's shape and audited like any other call.
 *
 * <p>A request with {@code Expect: 100-continue} gets its {@code 100 Continue} when its declared
 * length is within the limit; over it, it gets the 413 without the body being asked for, and the
 * connection is closed after the answer (the client need not send the body).
 */
final class BoundedBodyReader implements Handler<RoutingContext> {

    private final long maxBytes;
    private final long timeoutMs;
    private final ChatCompletionsHandler chat;

    BoundedBodyReader(long maxBytes, long timeoutMs, ChatCompletionsHandler chat) {
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
        this.chat = chat;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        boolean expectsContinue = expectsContinue(request);
        if (declared > maxBytes) {
            if (expectsContinue) {
                chat.tooLargeUnsent(ctx);
            } else {
                chat.tooLarge(ctx);
            }
            return;
        }
        new Read(ctx, declared).start(expectsContinue);
    }

    /** One body being read; every way it can end ends it once. */
    private final class Read {
        private final RoutingContext ctx;
        private final HttpServerRequest request;
        private final Buffer body;
        private final Optional<ConnectionWatch> watch;
        private final Context context;
        private long timer = -1;
        private boolean done;

        Read(RoutingContext ctx, long declared) {
            this.ctx = ctx;
            this.request = ctx.request();
            this.body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
            this.watch = ConnectionWatch.of(request.connection());
            this.context = ctx.vertx().getOrCreateContext();
        }

        void start(boolean expectsContinue) {
            request.handler(this::chunk);
            request.endHandler(v -> {
                if (finish()) {
                    chat.handle(ctx, body);
                }
            });
            // The connection closed or failed: nobody is left to answer.
            request.exceptionHandler(e -> finish());
            watch.ifPresent(w -> w.readingBody(cause -> {
                if (finish()) {
                    // The watch calls from the connection's pipeline, outside any Vert.x context;
                    // the chain runs on the request's, like every other call.
                    context.runOnContext(v -> chat.malformed(ctx));
                }
            }));
            timer = ctx.vertx().setTimer(timeoutMs, id -> {
                timer = -1;
                if (finish()) {
                    chat.timedOut(ctx, timeoutMs);
                }
            });
            if (expectsContinue) {
                request.response().writeContinue();
            }
        }

        private void chunk(Buffer chunk) {
            if (done) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                if (finish()) {
                    chat.tooLarge(ctx);
                }
            } else {
                body.appendBuffer(chunk);
            }
        }

        /** {@return whether this call ended the read; false when it had already ended} */
        private boolean finish() {
            if (done) {
                return false;
            }
            done = true;
            if (timer >= 0) {
                ctx.vertx().cancelTimer(timer);
                timer = -1;
            }
            watch.ifPresent(ConnectionWatch::bodyDone);
            return true;
        }
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        String expect = request.getHeader(HttpHeaders.EXPECT);
        return request.version() == HttpVersion.HTTP_1_1
                && expect != null
                && expect.trim().equalsIgnoreCase("100-continue");
    }

    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
