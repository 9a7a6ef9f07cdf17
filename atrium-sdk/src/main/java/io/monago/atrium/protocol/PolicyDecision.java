package io.monago.atrium.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * What policy decided for a call, as carried by {@link ProtocolHeaders#POLICY_DECISION}.
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
    /** Not forwarded. */
    BLOCKED("blocked");

    private final String wire;

    PolicyDecision(String wire) {
        this.wire = wire;
    }

    /**
     * The word sent on the wire.
     *
     * @return {@code allowed}, {@code flagged} or {@code blocked}
     */
    public String wire() {
        return wire;
    }

    /**
     * Parses a wire word, ignoring case and surrounding space.
     *
     * @param value the header value; may be null
     * @return the decision, or empty when the value is absent or unknown
     */
    public static Optional<PolicyDecision> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (PolicyDecision d : values()) {
            if (d.wire.equals(v)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
