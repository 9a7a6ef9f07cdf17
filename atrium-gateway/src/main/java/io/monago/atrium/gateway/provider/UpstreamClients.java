package io.monago.atrium.gateway.provider;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers' HTTP clients: one per event loop. A client's pool hands a request whichever
 * connection was used last, made on whichever loop; a call from one loop on another loop's
 * connection costs two hand-offs between threads. With a client per loop, every connection a loop
 * uses was made on it, and a call runs on one thread from the gateway's socket to the provider's and
 * back. Callers off any event loop (a worker) share one more client.
 *
 * <pre>{@code
 * try (UpstreamClients clients = new UpstreamClients(vertx, 256)) {
 *     clients.request(new RequestOptions().setAbsoluteURI(url)).compose(req -> req.send(body));
 * }
 * }</pre>
 */
public final class UpstreamClients implements AutoCloseable {

    private final Vertx vertx;
    private final int connectionsPerLoop;
    private final Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
    private final HttpClient offLoop;

    /**
     * Clients made on demand, one per event loop that calls.
     *
     * @param vertx the Vert.x instance
     * @param connectionsPerLoop the most HTTP/1.1 connections each client keeps open to one server
     */
    public UpstreamClients(Vertx vertx, int connectionsPerLoop) {
        this.vertx = vertx;
        this.connectionsPerLoop = connectionsPerLoop;
        this.offLoop = create();
    }

    /**
     * Starts a request on the calling event loop's client.
     *
     * @param options where and with which headers
     * @return the request, ready to send
     */
    public Future<HttpClientRequest> request(RequestOptions options) {
        return current().request(options);
    }

    /** {@return the client of the calling thread: its event loop's, or the shared one off any loop} */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return offLoop;
        }
        // An event loop thread lives as long as its Vert.x: the map holds at most one per loop.
        return byLoop.computeIfAbsent(Thread.currentThread(), loop -> create());
    }

    /** {@return how many event loops have a client of their own} */
    int loops() {
        return byLoop.size();
    }

    private HttpClient create() {
        return vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connectionsPerLoop));
    }

    /** Closes every client and their connections. */
    @Override
    public void close() {
        List<Future<Void>> closing = new ArrayList<>();
        closing.add(offLoop.close());
        byLoop.values().forEach(c -> closing.add(c.close()));
        try {
            Future.all(closing).toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Vert.x closes what is left when it closes.
        }
    }
}
