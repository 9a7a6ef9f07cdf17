package io.monago.atrium.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's connection handler: counts open connections across every event loop, closes those
 * over the limit as soon as they are accepted, and puts a {@link ConnectionWatch} on the others.
 */
final class Connections implements Handler<HttpConnection> {

    private final int maxConnections;
    private final long headTimeoutMs;
    private final long idleTimeoutMs;
    private final AtomicInteger open = new AtomicInteger();

    Connections(int maxConnections, long headTimeoutMs, long idleTimeoutMs) {
        this.maxConnections = maxConnections;
        this.headTimeoutMs = headTimeoutMs;
        this.idleTimeoutMs = idleTimeoutMs;
    }

    @Override
    public void handle(HttpConnection connection) {
        // Registered before counting, so every counted connection is uncounted exactly once.
        connection.closeHandler(v -> open.decrementAndGet());
        if (open.incrementAndGet() > maxConnections) {
            connection.close();
            return;
        }
        ConnectionWatch.install(connection, headTimeoutMs, idleTimeoutMs);
    }
}
