package io.monago.atrium.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/**
 * Reads a request body up to a limit without blocking. A declared {@code Content-Length} over the
 * limit is refused before any byte is read; a chunked body is refused as soon as it passes the
 * limit. Either way the refusal goes through the caller's handler, so it is answered in the
 * protocol's shape and audited like any other call.
 */
final class BoundedBodyReader implements Handler<RoutingContext> {

    private final long maxBytes;
    private final BiConsumer<RoutingContext, Buffer> onBody;
    private final Handler<RoutingContext> onTooLarge;

    BoundedBodyReader(long maxBytes, BiConsumer<RoutingContext, Buffer> onBody, Handler<RoutingContext> onTooLarge) {
        this.maxBytes = maxBytes;
        this.onBody = onBody;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            onTooLarge.handle(ctx);
            return;
        }
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                refused[0] = true;
                onTooLarge.handle(ctx);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                onBody.accept(ctx, body);
            }
        });
        request.exceptionHandler(e -> refused[0] = true);
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
