package io.monago.atrium.protocol;

import java.util.Optional;

/**
 * What the gateway decided about a call, as carried by {@link ProtocolHeaders#POLICY_DECISION} and
 * recorded in the audit record's {@code decision}: forwarded ({@code allowed}, {@code flagged}),
 * stopped by policy ({@code blocked}), or answered with any other error ({@code rejected}, in the
 * audit record only: such an answer's decision header is empty).
 *
 * <pre>{@code
 * PolicyDecision.fromWire("blocked").orElseThrow() == PolicyDecision.BLOCKED
 * }</pre>
 */
public enum PolicyDecision {
    /** Forwarded; input may have been redacted. */
    ALLOWED("allowed"),
    /** Forwarded, but a rule in monitor mode matched. */
    FLAGGED("flagged"),
    /** Not forwarded: policy stopped it (a block reason says why). */
    BLOCKED("blocked"),
    /**
     * Answered with an error status that is not a policy block (401, 403, 404, 408, 409, 413, 429,
     * an invalid body, a failed or silent provider, the audit store down): the error code says
     * why. Such a call is neither allowed nor blocked by policy, whatever policy said before it
     * failed. Recorded in the audit record; the answer's decision header is empty, as the header
     * carries the protocol's three words only.
     */
    REJECTED("rejected");

    private final String wire;

    PolicyDecision(String wire) {
        this.wire = wire;
    }

    /**
     * The word sent on the wire.
     *
     * @return {@code allowed}, {@code flagged}, {@code blocked} or {@code rejected}
     */
    public String wire() {
        return wire;
    }

    /**
     * Parses a wire word. The comparison is exact, as docs/protocol.md §3 specifies the words: a
     * decision spelled {@code Blocked} or {@code " blocked"} is not one of them.
     *
     * <pre>{@code
     * PolicyDecision.fromWire("rejected")   // Optional[REJECTED]
     * }</pre>
     *
     * @param value the word; may be null
     * @return the decision, or empty when the value is absent or not exactly a protocol word
     */
    public static Optional<PolicyDecision> fromWire(String value) {
        for (PolicyDecision d : values()) {
            if (d.wire.equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
