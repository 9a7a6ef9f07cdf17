package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.exchange.HttpReply;
import io.vertx.core.Future;

/**
 * Keeps keys in this process's {@link IdempotencyCache}: one instance, forgotten on restart.
 *
 * <pre>{@code
 * IdempotencyStore store = new MemoryIdempotencyStore(new IdempotencyCache(10_000, Clock.systemUTC()));
 * }</pre>
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {

    private final IdempotencyCache cache;

    /**
     * Creates the store.
     *
     * @param cache where keys and answers are kept
     */
    public MemoryIdempotencyStore(IdempotencyCache cache) {
        this.cache = cache;
    }

    @Override
    public Future<IdempotencyCache.Claim> claim(String keyId, String idempotencyKey, String bodyHash) {
        return Future.succeededFuture(cache.claim(keyId, idempotencyKey, bodyHash));
    }

    @Override
    public Future<Void> complete(String keyId, String idempotencyKey, HttpReply reply) {
        cache.complete(keyId, idempotencyKey, reply);
        return Future.succeededFuture();
    }
}
