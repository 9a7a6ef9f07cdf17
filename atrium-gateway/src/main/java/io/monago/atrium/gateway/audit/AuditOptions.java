package io.monago.atrium.gateway.audit;

import java.time.Clock;
import java.util.Optional;

/**
 * How a store keeps its chain.
 *
 * @param chainKey the key for an HMAC-SHA-256 chain, or empty for plain SHA-256
 * @param checkpointEvery a checkpoint is written after at most this many new records
 * @param clock the time checkpoints are stamped with
 */
public record AuditOptions(Optional<ChainKey> chainKey, int checkpointEvery, Clock clock) {

    /** Records between two checkpoints by default. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 1_000;

    /** {@return an unkeyed chain, a checkpoint every {@value #DEFAULT_CHECKPOINT_EVERY} records} */
    public static AuditOptions defaults() {
        return new AuditOptions(Optional.empty(), DEFAULT_CHECKPOINT_EVERY, Clock.systemUTC());
    }
}
