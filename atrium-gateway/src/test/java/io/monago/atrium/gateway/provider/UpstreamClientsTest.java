package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client per event loop: a loop's calls go out on connections made for that loop only. */
class UpstreamClientsTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopCallsOnConnectionsOfItsOwn() throws Exception {
        // The server answers with the caller's port: one port per client connection.
        HttpServer server = await(vertx.createHttpServer()
                .requestHandler(req ->
                        req.response().end(String.valueOf(req.remoteAddress().port())))
                .listen(0, "127.0.0.1"));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost("127.0.0.1")
                .setPort(server.actualPort())
                .setURI("/");
        try (UpstreamClients clients = new UpstreamClients(vertx, 8)) {
            Map<String, List<String>> portsByLoop = new ConcurrentHashMap<>();
            List<Future<Void>> callers = new ArrayList<>();
            // Two callers, each on an event loop of its own, five calls one after another each.
            ((VertxInternal) vertx).nettyEventLoopGroup().forEach(loop -> {
                ContextInternal context = ((VertxInternal) vertx)
                        .contextBuilder()
                        .withEventLoop((EventLoop) loop)
                        .build();
                Promise<Void> done = context.promise();
                context.runOnContext(v -> {
                    List<String> ports = portsByLoop.computeIfAbsent(
                            Thread.currentThread().getName(), l -> new CopyOnWriteArrayList<>());
                    Future<Void> calls = Future.succeededFuture();
                    for (int i = 0; i < 5; i++) {
                        calls = calls.compose(x -> clients.request(options)
                                .compose(req -> req.send())
                                .compose(HttpClientResponse::body)
                                .map(body -> {
                                    ports.add(body.toString());
                                    return null;
                                }));
                    }
                    calls.onComplete(done);
                });
                callers.add(done.future());
            });
            await(Future.all(callers));

            assertThat(portsByLoop).hasSize(2);
            assertThat(clients.loops()).isEqualTo(2);
            List<Set<String>> connections =
                    portsByLoop.values().stream().map(Set::copyOf).toList();
            // No connection served both loops: each loop's calls went out on connections of its own.
            assertThat(connections.get(0)).doesNotContainAnyElementsOf(connections.get(1));
        }
    }

    @Test
    void callersOffTheEventLoopsShareOneClient() {
        try (UpstreamClients clients = new UpstreamClients(vertx, 8)) {
            assertThat(clients.current()).isSameAs(clients.current());
            assertThat(clients.loops()).isZero();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
