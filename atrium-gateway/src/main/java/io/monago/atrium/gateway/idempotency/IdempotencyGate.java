package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.RequestLimits;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Decides what an authenticated call with an {@code Idempotency-Key} gets: processed (first
 * time), the first answer again (a retry), 409 (the first is still running) or 400 (the key was
 * used with another body). Calls without the header pass straight through.
 */
public final class IdempotencyGate {

    private final IdempotencyCache cache;

    /**
     * Creates the gate.
     *
     * @param cache where keys and answers are kept
     */
    public IdempotencyGate(IdempotencyCache cache) {
        this.cache = cache;
    }

    /**
     * Checks a call.
     *
     * @param exchange an authenticated call
     * @return what to do with it
     */
    public Decision check(Exchange exchange) {
        Optional<String> key =
                exchange.request().header(ProtocolHeaders.IDEMPOTENCY_KEY).filter(k -> !k.isBlank());
        if (key.isEmpty() || key.get().length() > RequestLimits.IDEMPOTENCY_KEY_MAX_CHARS) {
            return Decision.NONE; // an over-long key is rejected, naming the header, by validation
        }
        String keyId = exchange.principal().orElseThrow().keyId();
        IdempotencyCache.Claim claim =
                cache.claim(keyId, key.get(), sha256(exchange.request().body()));
        if (claim instanceof IdempotencyCache.Claim.Replay replay) {
            return new Decision(Optional.empty(), Optional.of(replay.reply()), Optional.empty());
        }
        if (claim == IdempotencyCache.Claim.IN_PROGRESS) {
            return new Decision(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Rejection.of(
                            ErrorCode.REQUEST_IN_PROGRESS,
                            "a request with this Idempotency-Key is still being processed; retry shortly")));
        }
        if (claim == IdempotencyCache.Claim.BODY_MISMATCH) {
            return new Decision(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Rejection.invalid(
                            "this Idempotency-Key was already used with a different request body; use a new key")));
        }
        return new Decision(Optional.of(new Ticket(cache, keyId, key.get())), Optional.empty(), Optional.empty());
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * What to do with a call.
     *
     * @param ticket present when the call is processed and its answer must be recorded
     * @param replay present when the first answer is to be sent again
     * @param rejection present when the call is refused
     */
    public record Decision(Optional<Ticket> ticket, Optional<StoredReply> replay, Optional<Rejection> rejection) {
        static final Decision NONE = new Decision(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Records the answer of a call that claimed its key. */
    public static final class Ticket {
        private final IdempotencyCache cache;
        private final String keyId;
        private final String key;

        Ticket(IdempotencyCache cache, String keyId, String key) {
            this.cache = cache;
            this.keyId = keyId;
            this.key = key;
        }

        /**
         * Records the answer sent.
         *
         * @param reply the answer
         */
        public void complete(StoredReply reply) {
            cache.complete(keyId, key, reply);
        }
    }
}
