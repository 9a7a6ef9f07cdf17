package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts of findings per entity type and action, summed over every text of a request (or of an
 * answer): what the {@code X-Monago-Pii-*} headers and the audit record are rendered from. Holds no
 * value, only types and counts. Immutable; combine with {@link #plus}.
 *
 * <pre>{@code
 * PiiSummary input = PiiSummary.empty();
 * for (TextSegment s : segments) input = input.plus(policy.evaluate(scanner.scan(s.text())).summary());
 * input.detected();          // X-Monago-Pii-Detected
 * input.redactedWire();      // X-Monago-Pii-Redacted: "NIK,PHONE"
 * input.blockReason();       // Optional["PII detected: SSN"]
 * }</pre>
 *
 * @param redactedCounts findings redacted, per type
 * @param blockedCounts findings that block, per type
 * @param flaggedCounts findings flagged, per type
 * @param allowedCounts findings allowed, per type
 */
public record PiiSummary(
        Map<EntityType, Integer> redactedCounts,
        Map<EntityType, Integer> blockedCounts,
        Map<EntityType, Integer> flaggedCounts,
        Map<EntityType, Integer> allowedCounts) {
    private static final PiiSummary EMPTY = new PiiSummary(Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * Copies the maps into unmodifiable maps in entity-type order.
     *
     * @param redactedCounts redacted per type
     * @param blockedCounts blocking per type
     * @param flaggedCounts flagged per type
     * @param allowedCounts allowed per type
     */
    public PiiSummary {
        redactedCounts = freeze(redactedCounts);
        blockedCounts = freeze(blockedCounts);
        flaggedCounts = freeze(flaggedCounts);
        allowedCounts = freeze(allowedCounts);
    }

    private static Map<EntityType, Integer> freeze(Map<EntityType, Integer> counts) {
        EnumMap<EntityType, Integer> copy = new EnumMap<>(EntityType.class);
        counts.forEach((type, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative for " + type);
            }
            if (count > 0) {
                copy.put(type, count);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * No findings.
     *
     * @return the empty summary
     */
    public static PiiSummary empty() {
        return EMPTY;
    }

    static PiiSummary of(PiiVerdict v) {
        if (v.redact().isEmpty()
                && v.block().isEmpty()
                && v.flag().isEmpty()
                && v.allow().isEmpty()) {
            return EMPTY;
        }
        return new PiiSummary(count(v.redact()), count(v.block()), count(v.flag()), count(v.allow()));
    }

    private static Map<EntityType, Integer> count(List<PiiFinding> findings) {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (PiiFinding f : findings) {
            counts.merge(f.type(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Adds another summary's counts.
     *
     * @param other another summary
     * @return the sum
     */
    public PiiSummary plus(PiiSummary other) {
        if (!other.detected()) {
            return this;
        }
        if (!detected()) {
            return other;
        }
        return new PiiSummary(
                sum(redactedCounts, other.redactedCounts),
                sum(blockedCounts, other.blockedCounts),
                sum(flaggedCounts, other.flaggedCounts),
                sum(allowedCounts, other.allowedCounts));
    }

    private static Map<EntityType, Integer> sum(Map<EntityType, Integer> a, Map<EntityType, Integer> b) {
        Map<EntityType, Integer> s = new EnumMap<>(EntityType.class);
        s.putAll(a);
        b.forEach((type, count) -> s.merge(type, count, Integer::sum));
        return s;
    }

    /**
     * Whether any personal data was found at or above its rule's confidence, whatever the action.
     *
     * @return the value of {@code X-Monago-Pii-Detected}
     */
    public boolean detected() {
        return !redactedCounts.isEmpty()
                || !blockedCounts.isEmpty()
                || !flaggedCounts.isEmpty()
                || !allowedCounts.isEmpty();
    }

    /**
     * Whether the request must be refused.
     *
     * @return true when any finding blocks
     */
    public boolean blocked() {
        return !blockedCounts.isEmpty();
    }

    /**
     * Whether the decision is {@code flagged} (when nothing blocks).
     *
     * @return true when any finding is flagged
     */
    public boolean flagged() {
        return !flaggedCounts.isEmpty();
    }

    /**
     * Every type found, with its total count over all actions.
     *
     * @return counts in entity-type order, for the audit record
     */
    public Map<EntityType, Integer> detectedCounts() {
        return sum(sum(redactedCounts, blockedCounts), sum(flaggedCounts, allowedCounts));
    }

    /**
     * The redacted types as the {@code X-Monago-Pii-Redacted} header wants them.
     *
     * @return e.g. {@code "NIK,PHONE"}, empty when nothing was redacted
     */
    public String redactedWire() {
        return wire(redactedCounts.keySet());
    }

    /**
     * The reason a blocked request is given, naming the types that blocked it and never a value.
     *
     * @return e.g. {@code "PII detected: SSN"}, empty when nothing blocks
     */
    public Optional<String> blockReason() {
        if (blockedCounts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("PII detected: "
                + blockedCounts.keySet().stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static String wire(Set<EntityType> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
