package io.monago.atrium.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several servers on one port: connections are spread over their event loops. */
class ServerGroupTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectionsAreServedFromEveryEventLoopOnOneFreePort() throws Exception {
        ServerGroup servers = await(ServerGroup.listen(
                vertx,
                2,
                "127.0.0.1",
                0,
                server -> server.requestHandler(
                        req -> req.response().end(Thread.currentThread().getName()))));

        assertThat(servers.size()).isEqualTo(2);
        assertThat(servers.port()).isPositive();
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            threads.add(answerOnNewConnection(servers.port()));
        }
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
    }

    @Test
    void shutdownStopsEveryServer() throws Exception {
        ServerGroup servers = await(ServerGroup.listen(
                vertx,
                2,
                "127.0.0.1",
                0,
                server -> server.requestHandler(req -> req.response().end("ok"))));
        int port = servers.port();
        assertThat(answerOnNewConnection(port)).isEqualTo("ok");

        await(servers.shutdown(1, TimeUnit.SECONDS));

        assertThatThrownBy(() -> answerOnNewConnection(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseFailsTheGroup() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Future<ServerGroup> listening = ServerGroup.listen(
                    vertx, 2, "127.0.0.1", taken.getLocalPort(), server -> server.requestHandler(req -> {}));

            assertThatThrownBy(() -> await(listening)).hasMessageContaining("Address already in use");
        }
    }

    /** One request on a connection of its own, closed after the answer; returns the answer's body. */
    private static String answerOnNewConnection(int port) throws IOException {
        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
