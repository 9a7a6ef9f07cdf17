package io.monago.atrium.gateway.audit;

import java.util.Optional;

/**
 * The outcome of walking a chain.
 *
 * @param records records the chain holds from its start (removed ones included) up to where the walk
 *     stopped
 * @param headAuditId the last record that verified
 * @param headHash that record's hash
 * @param algorithm the chain's hash algorithm
 * @param checkpointsMatched checkpoints whose head was found at their place with their hash
 * @param problem the first break, or empty when the chain is intact
 */
public record VerifyReport(
        long records,
        Optional<String> headAuditId,
        Optional<String> headHash,
        String algorithm,
        int checkpointsMatched,
        Optional<ChainBreak> problem) {

    /** {@return whether the chain is intact} */
    public boolean intact() {
        return problem.isEmpty();
    }
}
