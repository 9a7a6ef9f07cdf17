package io.monago.atrium.gateway.audit;

import java.util.Optional;

/**
 * The first place the chain does not hold, and what most likely happened there.
 *
 * @param kind what was found
 * @param position the record's place in the chain, counting from 1 at the chain's start
 * @param auditId the audit id of the record at that place, when there is one
 * @param message one sentence for the operator: where, what, and what it means
 */
public record ChainBreak(Kind kind, long position, Optional<String> auditId, String message) {

    /** What was found. */
    public enum Kind {
        /** A record's content (or a column beside it) no longer matches its hash. */
        ALTERED,
        /** A record is missing: the next one names a predecessor that is not there. */
        DELETED,
        /** A record that the chain never linked sits between two that it did. */
        INSERTED,
        /** A record was replaced together with its hash, or the chain was rewritten from there. */
        REWRITTEN,
        /** The chain ends before a checkpoint's head: its tail was cut off. */
        TRUNCATED,
        /** A checkpoint's signature is not the chain key's. */
        FORGED_CHECKPOINT,
        /** The chain key given is not the one the records were written with, or none was given. */
        WRONG_KEY
    }
}
