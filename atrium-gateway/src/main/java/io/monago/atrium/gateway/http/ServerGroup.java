package io.monago.atrium.gateway.http;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The gateway's HTTP servers: one per event loop, all listening on one port. Vert.x accepts on one
 * socket and hands each new connection to the next server in turn, so connections spread over the
 * loops and every step of a call stays on its connection's loop; a single server would serve every
 * connection from one loop, one core, whatever the machine has.
 *
 * <pre>{@code
 * ServerGroup.listen(vertx, 2, "127.0.0.1", 8080, routes::installOn)
 *         .onSuccess(servers -> System.out.println("listening on " + servers.port()));
 * }</pre>
 */
public final class ServerGroup {

    private final List<HttpServer> servers;

    private ServerGroup(List<HttpServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /**
     * Starts {@code count} servers, each made on an event loop of its own and set up by {@code install},
     * and listens with all of them on one port.
     *
     * @param vertx the Vert.x instance; with fewer than {@code count} event loops, some loops serve two
     * @param count how many servers, at least 1
     * @param host the interface to bind
     * @param port the port; {@code 0} picks a free one, the same for every server
     * @param install sets up a server not yet listening (routes, handlers)
     * @return the group once every server listens, or the first failure
     */
    public static Future<ServerGroup> listen(
            Vertx vertx, int count, String host, int port, Consumer<HttpServer> install) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        // Port 0 would give each server a port of its own; a negative port asks Vert.x for one free
        // port shared by every server that listens with the same negative number.
        int shared = port == 0 ? -1 : port;
        List<EventLoop> loops = eventLoops(vertx);
        Future<List<HttpServer>> started = Future.succeededFuture(List.of());
        for (int i = 0; i < count; i++) {
            EventLoop loop = loops.get(i % loops.size());
            // One after another: the first binds the socket, the others join it.
            started = started.compose(
                    servers -> listenOn(vertx, loop, host, shared, install).map(server -> {
                        List<HttpServer> more = new ArrayList<>(servers);
                        more.add(server);
                        return more;
                    }));
        }
        return started.map(ServerGroup::new);
    }

    /**
     * The event loops, in order. A context is given one explicitly: deploying instances takes
     * the next loop of a shared round robin, which a timer or client made at the same moment can
     * advance, leaving two servers on one loop and a core idle.
     */
    private static List<EventLoop> eventLoops(Vertx vertx) {
        List<EventLoop> loops = new ArrayList<>();
        ((VertxInternal) vertx).nettyEventLoopGroup().forEach(e -> loops.add((EventLoop) e));
        return loops;
    }

    private static Future<HttpServer> listenOn(
            Vertx vertx, EventLoop loop, String host, int port, Consumer<HttpServer> install) {
        ContextInternal context =
                ((VertxInternal) vertx).contextBuilder().withEventLoop(loop).build();
        Promise<HttpServer> listening = context.promise();
        context.runOnContext(v -> {
            HttpServer server = vertx.createHttpServer(GatewayRoutes.serverOptions());
            install.accept(server);
            server.listen(port, host).onComplete(listening);
        });
        return listening.future();
    }

    /** {@return the port every server listens on} */
    public int port() {
        return servers.get(0).actualPort();
    }

    /** {@return how many servers listen} */
    public int size() {
        return servers.size();
    }

    /**
     * Stops accepting and lets each server's in-flight requests finish, up to the timeout.
     *
     * @param timeout how long to wait for in-flight requests
     * @param unit the timeout's unit
     * @return completes when every server has shut down
     */
    public Future<Void> shutdown(long timeout, TimeUnit unit) {
        return Future.all(servers.stream().map(s -> s.shutdown(timeout, unit)).toList())
                .mapEmpty();
    }
}
