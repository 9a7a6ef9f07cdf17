package io.monago.atrium.gateway.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Redis on this machine (127.0.0.1:6379) as one test sees it: a key prefix no other test
 * uses, a client to read what the gateway wrote, and on close every key under the prefix deleted
 * (never anything else: other tests share this Redis).
 */
public final class TestRedis implements AutoCloseable {

    public static final String URL = "redis://127.0.0.1:6379";

    private final Vertx vertx = Vertx.vertx();
    private final Redis redis = Redis.createClient(vertx, URL);
    private final String prefix = "atrium-test:" + UUID.randomUUID() + ":";

    /** {@return the prefix every key of this test starts with} */
    public String prefix() {
        return prefix;
    }

    /** {@return a client of the shared Redis} */
    public Redis redis() {
        return redis;
    }

    /** {@return the Vert.x the client runs on} */
    public Vertx vertx() {
        return vertx;
    }

    /** {@return a Redis URL where nothing listens: a port just bound and let go} */
    public static String unreachableUrl() {
        try (ServerSocket s = new ServerSocket(0)) {
            return "redis://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command and waits for its answer. */
    public Optional<Response> send(Command command, String... args) {
        Request r = Request.cmd(command);
        for (String a : args) {
            r.arg(a);
        }
        return Optional.ofNullable(await(redis.send(r)));
    }

    /** {@return every key under this test's prefix} */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response r = send(Command.SCAN, cursor, "MATCH", prefix + "*", "COUNT", "1000")
                    .orElseThrow();
            cursor = r.get(0).toString();
            for (Response k : r.get(1)) {
                keys.add(k.toString());
            }
        } while (!cursor.equals("0"));
        return keys;
    }

    /** {@return a key's text value, if it is set} */
    public Optional<String> get(String key) {
        return send(Command.GET, key).map(Response::toString);
    }

    public static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            for (String k : keys()) {
                send(Command.DEL, k);
            }
        } finally {
            await(redis.close());
            await(vertx.close());
        }
    }
}
