package io.monago.atrium.gateway.idempotency;

import io.monago.atrium.gateway.exchange.HttpReply;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, per API key and {@code Idempotency-Key}, the body of a call and its answer, so a
 * retried call returns the first answer instead of being governed, forwarded, billed and audited
 * again (docs/protocol.md §2). Entries live 24 hours; the oldest go first beyond the capacity. Held in
 * memory: a restart forgets them, and instances do not share them.
 *
 * <p>Only answers that settle the call are kept: successes and client errors. A 5xx or 429 is
 * forgotten so the retry it invites is processed afresh.
 */
public final class IdempotencyCache {

    /** How long a key is remembered. */
    public static final Duration TTL = Duration.ofHours(24);

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    /**
     * Creates the cache.
     *
     * @param capacity most entries kept
     * @param clock time source for expiry
     */
    public IdempotencyCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * Claims a key for a call about to be processed, or says why it must not be.
     *
     * @param keyId the caller's key id
     * @param idempotencyKey the header's value
     * @param bodyHash a hash of the request body, as text
     * @return what to do
     */
    public synchronized Claim claim(String keyId, String idempotencyKey, String bodyHash) {
        long now = clock.millis();
        expire(now);
        String k = keyId + '\n' + idempotencyKey;
        Entry e = entries.get(k);
        if (e == null) {
            entries.put(k, new Entry(bodyHash, now, null));
            trim();
            return Claim.PROCEED;
        }
        if (!e.bodyHash.equals(bodyHash)) {
            return Claim.BODY_MISMATCH;
        }
        return e.reply == null ? Claim.IN_PROGRESS : new Claim.Replay(e.reply);
    }

    /**
     * Records how a claimed call ended.
     *
     * @param keyId the caller's key id
     * @param idempotencyKey the header's value
     * @param reply the answer sent
     */
    public synchronized void complete(String keyId, String idempotencyKey, HttpReply reply) {
        String k = keyId + '\n' + idempotencyKey;
        Entry e = entries.get(k);
        if (e == null) {
            return;
        }
        if (reply.status() >= 500 || reply.status() == 429) {
            entries.remove(k);
        } else {
            entries.put(k, new Entry(e.bodyHash, e.createdMillis, reply));
        }
    }

    /** {@return how many keys are remembered} */
    public synchronized int size() {
        return entries.size();
    }

    private void expire(long now) {
        long cutoff = now - TTL.toMillis();
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().createdMillis < cutoff) {
                it.remove();
            } else {
                break; // insertion order is creation order
            }
        }
    }

    private void trim() {
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** What a claim decided. */
    public sealed interface Claim {
        /** First time: process the call. */
        Claim PROCEED = new Proceed();
        /** The first call with this key is still being processed. */
        Claim IN_PROGRESS = new InProgress();
        /** The key was used before with another body. */
        Claim BODY_MISMATCH = new BodyMismatch();

        /** Process the call. */
        record Proceed() implements Claim {}

        /** Answer 409: try again shortly. */
        record InProgress() implements Claim {}

        /** Answer 400: a key belongs to one body. */
        record BodyMismatch() implements Claim {}

        /**
         * Answer with the stored reply.
         *
         * @param reply the first call's answer
         */
        record Replay(HttpReply reply) implements Claim {}
    }

    private record Entry(String bodyHash, long createdMillis, HttpReply reply) {}
}
