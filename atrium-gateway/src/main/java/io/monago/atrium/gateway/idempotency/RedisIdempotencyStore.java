package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.redis.LuaScript;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Keeps keys in Redis, shared by every gateway instance that names the same Redis, so a retry that
 * reaches another instance still gets the first answer (with the first call's audit id: audited
 * and billed once), a retry while the first call still runs anywhere gets 409, and a key reused
 * with another body is refused. Claiming is one Lua script, so of two instances that see the same
 * key at once exactly one proceeds.
 *
 * <p>An entry is named by a digest of the key id and the Idempotency-Key and holds a fingerprint
 * of the body and the answer sealed with a key only the retry can derive ({@link SealedReply}), so
 * the store keeps no key, no body and nothing readable of the answer. A kept answer lives 24 hours
 * from its claim; an unfinished claim lapses after {@link #CLAIM_LEASE}, so a call whose instance
 * died can be retried.
 *
 * <pre>{@code
 * IdempotencyStore store = new RedisIdempotencyStore(redis, "atrium:", Clock.systemUTC());
 * }</pre>
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    /** How long a claim holds while its call runs; longer than any call is allowed to take. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(15);

    /** How long a script may take before Redis counts as unreachable. */
    static final long TIMEOUT_MS = 2_000;

    private static final LuaScript CLAIM = LuaScript.resource(RedisIdempotencyStore.class, "claim.lua", TIMEOUT_MS);
    private static final LuaScript COMPLETE =
            LuaScript.resource(RedisIdempotencyStore.class, "complete.lua", TIMEOUT_MS);

    private final Redis redis;
    private final String prefix;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param redis the client
     * @param keyPrefix what every key starts with
     * @param clock when a claim is made
     */
    public RedisIdempotencyStore(Redis redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "idem:";
        this.clock = clock;
    }

    @Override
    public Future<IdempotencyCache.Claim> claim(String keyId, String idempotencyKey, String bodyHash) {
        SealedReply seal = SealedReply.of(keyId, idempotencyKey);
        List<String> args = List.of(
                seal.fingerprint(bodyHash), Long.toString(CLAIM_LEASE.toMillis()), Long.toString(clock.millis()));
        return CLAIM.run(redis, List.of(prefix + seal.name()), args).compose(r -> claim(seal, r));
    }

    private static Future<IdempotencyCache.Claim> claim(SealedReply seal, Response r) {
        return switch (r.get(0).toString()) {
            case "proceed" -> Future.succeededFuture(IdempotencyCache.Claim.PROCEED);
            case "mismatch" -> Future.succeededFuture(IdempotencyCache.Claim.BODY_MISMATCH);
            case "in_progress" -> Future.succeededFuture(IdempotencyCache.Claim.IN_PROGRESS);
            default ->
                seal.open(r.get(1).toString())
                        .<Future<IdempotencyCache.Claim>>map(
                                reply -> Future.succeededFuture(new IdempotencyCache.Claim.Replay(reply)))
                        .orElseGet(() -> Future.failedFuture(
                                new IllegalStateException("a kept answer does not open: it was altered in the store")));
        };
    }

    @Override
    public Future<Void> complete(String keyId, String idempotencyKey, HttpReply reply) {
        SealedReply seal = SealedReply.of(keyId, idempotencyKey);
        boolean release = reply.status() >= 500 || reply.status() == 429;
        List<String> args = List.of(release ? "" : seal.seal(reply), Long.toString(IdempotencyCache.TTL.toMillis()));
        return COMPLETE.run(redis, List.of(prefix + seal.name()), args).mapEmpty();
    }
}
