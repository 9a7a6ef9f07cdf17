package io.monago.atrium.gateway.audit;

import java.util.Optional;

/**
 * What a store says about its chain as a whole.
 *
 * @param keyed whether records are hashed with HMAC-SHA-256 under a chain key
 * @param keyCheck the check value of that key ({@link ChainKey#checkValue()}), when keyed
 * @param baseRecords records removed from the start of the chain by retention
 * @param baseHash the hash of the last removed record (the first kept record's {@code prev_hash}),
 *     or {@link AuditChain#GENESIS} when nothing was removed
 */
public record ChainInfo(boolean keyed, Optional<String> keyCheck, long baseRecords, String baseHash) {

    /** {@return a new, unkeyed chain's info} */
    public static ChainInfo plain() {
        return new ChainInfo(false, Optional.empty(), 0, AuditChain.GENESIS);
    }

    /** {@return the chain's algorithm as shown to people} */
    public String algorithm() {
        return keyed ? "HMAC-SHA-256" : "SHA-256";
    }
}
