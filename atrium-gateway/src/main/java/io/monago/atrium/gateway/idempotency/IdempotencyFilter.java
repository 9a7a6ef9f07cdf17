package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.RequestLimits;
import io.vertx.core.Future;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an authenticated call with an {@code Idempotency-Key} gets: processed (the first time, and
 * its answer kept once sent), the first answer again (a retry: a local reply, not governed, billed
 * or audited again), 409 (the first is still running) or 400 (the key was used with another body).
 * Calls without the header, and calls whose body was over the limit, pass straight through.
 */
public final class IdempotencyFilter implements Filter {

    private final IdempotencyCache cache;
    private final Offload offload;

    /**
     * Creates the filter.
     *
     * @param cache where keys and answers are kept
     * @param offload moves hashing a large body off the event loop
     */
    public IdempotencyFilter(IdempotencyCache cache, Offload offload) {
        this.cache = cache;
        this.offload = offload;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        Optional<String> key =
                exchange.request().header(ProtocolHeaders.IDEMPOTENCY_KEY).filter(k -> !k.isBlank());
        if (key.isEmpty()
                || key.get().length() > RequestLimits.IDEMPOTENCY_KEY_MAX_CHARS
                || exchange.request().oversized()) {
            return Step.proceed(); // an over-long key is rejected, naming the header, by validation
        }
        byte[] body = exchange.request().body();
        return offload.run(body.length, () -> sha256(body)).map(hash -> claim(exchange, key.get(), hash));
    }

    private Step claim(Exchange exchange, String key, String bodyHash) {
        String keyId = exchange.principal().orElseThrow().keyId();
        IdempotencyCache.Claim claim = cache.claim(keyId, key, bodyHash);
        if (claim instanceof IdempotencyCache.Claim.Replay replay) {
            return new Step.Reply(new Answer.Replay(replay.reply()));
        }
        if (claim == IdempotencyCache.Claim.IN_PROGRESS) {
            return new Step.Reject(Rejection.of(
                    ErrorCode.REQUEST_IN_PROGRESS,
                    "a request with this Idempotency-Key is still being processed; retry shortly"));
        }
        if (claim == IdempotencyCache.Claim.BODY_MISMATCH) {
            return new Step.Reject(Rejection.invalid(
                    "this Idempotency-Key was already used with a different request body; use a new key"));
        }
        exchange.onReplied(reply -> cache.complete(keyId, key, reply));
        return Step.CONTINUE;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
