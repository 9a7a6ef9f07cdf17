package io.monago.atrium.gateway.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's Redis clients, one per URL, so limits and idempotency that name the same Redis
 * share one pool of connections. A client connects when first used: a gateway starts, and answers
 * as its {@code on_store_error} says, while Redis is down.
 *
 * <pre>{@code
 * try (RedisClients clients = new RedisClients(vertx)) {
 *     Redis redis = clients.client("redis://127.0.0.1:6379");
 * }
 * }</pre>
 */
public final class RedisClients implements AutoCloseable {

    /** Connections kept per URL: enough for the calls of a busy instance in flight at once. */
    static final int POOL_SIZE = 32;

    /** Calls that may wait for a connection before one fails as unreachable. */
    static final int POOL_WAITING = 4_096;

    private final Vertx vertx;
    private final Map<String, Redis> clients = new LinkedHashMap<>();

    /**
     * Creates the holder.
     *
     * @param vertx the gateway's Vert.x
     */
    public RedisClients(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * The client of a URL, created on first use.
     *
     * @param url a {@code redis://} URL
     * @return its client
     */
    public synchronized Redis client(String url) {
        return clients.computeIfAbsent(
                url,
                u -> Redis.createClient(
                        vertx,
                        new RedisOptions()
                                .setConnectionString(u)
                                .setMaxPoolSize(POOL_SIZE)
                                .setMaxPoolWaiting(POOL_WAITING)));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(Redis::close);
        clients.clear();
    }
}
