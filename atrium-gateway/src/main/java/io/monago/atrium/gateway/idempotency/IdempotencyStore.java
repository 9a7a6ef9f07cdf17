package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.exchange.HttpReply;
import io.vertx.core.Future;

/**
 * Where Idempotency-Keys and the answers they were first given are kept: in this process
 * ({@link MemoryIdempotencyStore}) or in Redis, shared by every gateway instance
 * ({@link RedisIdempotencyStore}).
 */
public interface IdempotencyStore {

    /**
     * Claims a key for a call about to be processed, or says why it must not be.
     *
     * @param keyId the caller's key id
     * @param idempotencyKey the header's value
     * @param bodyHash a hash of the request body, as text
     * @return what to do; failed when the store cannot be reached
     */
    Future<IdempotencyCache.Claim> claim(String keyId, String idempotencyKey, String bodyHash);

    /**
     * Records how a claimed call ended: an answer that settles the call is kept for replays, a
     * 5xx or 429 releases the key so the retry it invites is processed afresh.
     *
     * @param keyId the caller's key id
     * @param idempotencyKey the header's value
     * @param reply the answer as sent
     * @return completes when it is recorded
     */
    Future<Void> complete(String keyId, String idempotencyKey, HttpReply reply);
}
