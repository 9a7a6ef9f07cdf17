package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.config.OnStoreError;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.RequestLimits;
import io.vertx.core.Future;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an authenticated call with an {@code Idempotency-Key} gets: processed (the first time, and
 * its answer kept once sent), the first answer again (a retry: a local reply, not governed, billed
 * or audited again), 409 (the first is still running) or 400 (the key was used with another body).
 * Calls without the header, and calls whose body was over the limit, pass straight through. When
 * the store cannot be reached the call is processed without its key (a retry of it may then be
 * processed again), or, in a workspace whose {@code on_store_error} is {@code fail_closed}, refused
 * with 503 {@code service_unavailable}; the audit record's matched rules say which.
 */
public final class IdempotencyFilter implements Filter {

    /** Matched in the audit record of a call refused because the idempotency store was unreachable. */
    public static final String STORE_FAILED_CLOSED = "idempotency.store_unavailable.fail_closed";

    /** Matched in the audit record of a call processed without its key because the store was unreachable. */
    public static final String STORE_FAILED_OPEN = "idempotency.store_unavailable.fail_open";

    /** When to retry a call refused because the store was unreachable. */
    static final long STORE_RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final Offload offload;
    private final Map<String, OnStoreError> onStoreError;

    /**
     * Creates the filter; every workspace has the default {@code on_store_error}.
     *
     * @param store where keys and answers are kept
     * @param offload moves hashing a large body off the event loop
     */
    public IdempotencyFilter(IdempotencyStore store, Offload offload) {
        this(store, offload, Map.of());
    }

    /**
     * Creates the filter.
     *
     * @param store where keys and answers are kept
     * @param offload moves hashing a large body off the event loop
     * @param onStoreError each workspace's choice when the store cannot be reached, by workspace id
     */
    public IdempotencyFilter(IdempotencyStore store, Offload offload, Map<String, OnStoreError> onStoreError) {
        this.store = store;
        this.offload = offload;
        this.onStoreError = Map.copyOf(onStoreError);
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
        String keyId = exchange.principal().orElseThrow().keyId();
        return offload.run(body.length, () -> sha256(body))
                .compose(hash -> store.claim(keyId, key.get(), hash)
                        .map(claim -> step(exchange, keyId, key.get(), claim))
                        .recover(e -> Future.succeededFuture(storeUnreachable(exchange, e))));
    }

    /**
     * The store did not answer. Refusing would fail every call of a client that sends a key on each
     * call (the Java SDK does), so by default the call is processed without its key, and a retry of
     * it may be processed again; a workspace that set {@code on_store_error: fail_closed} refuses it.
     */
    private Step storeUnreachable(Exchange exchange, Throwable e) {
        boolean open = onStoreError
                .getOrDefault(exchange.workspace().id(), OnStoreError.DEFAULT)
                .idempotencyFailsOpen();
        LOG.warn(
                "the idempotency store cannot be reached ({}); the call is {}",
                e.toString(),
                open ? "processed without its Idempotency-Key" : "refused");
        if (!open) {
            exchange.matchedRule(STORE_FAILED_CLOSED);
            return new Step.Reject(Rejection.limited(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "the Idempotency-Key store cannot be reached; retry shortly",
                    STORE_RETRY_AFTER_SECONDS));
        }
        exchange.matchedRule(STORE_FAILED_OPEN);
        return Step.CONTINUE;
    }

    private Step step(Exchange exchange, String keyId, String key, IdempotencyCache.Claim claim) {
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
        exchange.onReplied(reply -> store.complete(keyId, key, reply)
                .onFailure(e -> LOG.warn("an answer could not be kept for replays ({})", e.toString())));
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
