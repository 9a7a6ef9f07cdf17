package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per entity type, what to do with a finding and how confident it must be. Immutable.
 *
 * <p>The product default: redact every kind of personal data, block payment cards, social security
 * numbers and secrets (they have no business in a prompt), each at confidence 0.5 or more (every
 * finding the scanner reports by default).
 *
 * <pre>{@code
 * PiiPolicy policy = PiiPolicy.builder()                 // starts from the defaults
 *         .action(EntityType.EMAIL, PiiAction.ALLOW)
 *         .rule(EntityType.NIK, new EntityRule(PiiAction.BLOCK, 0.9))
 *         .build();
 * PiiVerdict verdict = policy.evaluate(scanner.scan(text));
 * if (verdict.blocked()) { ... 400 pii_blocked, verdict.summary().blockReason() ... }
 * }</pre>
 */
public final class PiiPolicy {
    /** Confidence the default rules require. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    /**
     * Confidence the default rules require of {@code PERSON} and {@code ADDRESS}: the scanner
     * reports capitalised words after a role word ({@code Pasien Diabetes}) at 0.5 and one-part
     * addresses at lower confidence, for a workspace that wants them; by default only names with a
     * title, a label, a known name or a verb of a person, and addresses with a shape, are acted on.
     */
    public static final double DEFAULT_NAME_MIN_CONFIDENCE = 0.6;

    private static final PiiPolicy DEFAULTS = builder().build();

    private final Map<EntityType, EntityRule> rules;

    private PiiPolicy(Map<EntityType, EntityRule> rules) {
        this.rules = new EnumMap<>(rules);
    }

    /**
     * The product's default policy.
     *
     * @return redact all personal data; block {@code CREDIT_CARD}, {@code SSN} and {@code SECRET}
     */
    public static PiiPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Starts from the default policy.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rule for a type.
     *
     * @param type an entity type
     * @return its rule
     */
    public EntityRule rule(EntityType type) {
        return rules.get(type);
    }

    /**
     * Sorts findings by the action their type's rule prescribes; findings below their rule's
     * minimum confidence are dropped.
     *
     * @param findings findings of one text (or of several; offsets are not used)
     * @return the verdict
     */
    public PiiVerdict evaluate(List<PiiFinding> findings) {
        if (findings.isEmpty()) {
            return PiiVerdict.NONE;
        }
        List<PiiFinding> redact = new ArrayList<>();
        List<PiiFinding> block = new ArrayList<>();
        List<PiiFinding> flag = new ArrayList<>();
        List<PiiFinding> allow = new ArrayList<>();
        for (PiiFinding f : findings) {
            EntityRule rule = rules.get(f.type());
            if (!rule.applies(f)) {
                continue;
            }
            switch (rule.action()) {
                case REDACT -> redact.add(f);
                case BLOCK -> block.add(f);
                case FLAG -> flag.add(f);
                default -> allow.add(f);
            }
        }
        return new PiiVerdict(redact, block, flag, allow);
    }

    @Override
    public String toString() {
        return "PiiPolicy" + rules;
    }

    /** Sets rules; unset types keep the default. */
    public static final class Builder {
        private final Map<EntityType, EntityRule> rules = new EnumMap<>(EntityType.class);

        private Builder() {
            EntityRule redact = new EntityRule(PiiAction.REDACT, DEFAULT_MIN_CONFIDENCE);
            EntityRule block = new EntityRule(PiiAction.BLOCK, DEFAULT_MIN_CONFIDENCE);
            for (EntityType t : EntityType.values()) {
                rules.put(t, redact);
            }
            EntityRule redactNames = new EntityRule(PiiAction.REDACT, DEFAULT_NAME_MIN_CONFIDENCE);
            rules.put(EntityType.PERSON, redactNames);
            rules.put(EntityType.ADDRESS, redactNames);
            rules.put(EntityType.CREDIT_CARD, block);
            rules.put(EntityType.SSN, block);
            rules.put(EntityType.SECRET, block);
        }

        /**
         * Sets the rule of one type.
         *
         * @param type the entity type
         * @param rule its rule
         * @return this builder
         */
        public Builder rule(EntityType type, EntityRule rule) {
            rules.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Sets the action of one type, keeping its minimum confidence.
         *
         * @param type the entity type
         * @param action the action
         * @return this builder
         */
        public Builder action(EntityType type, PiiAction action) {
            return rule(type, new EntityRule(action, rules.get(type).minConfidence()));
        }

        /**
         * Sets the minimum confidence of one type, keeping its action.
         *
         * @param type the entity type
         * @param minConfidence in [0, 1]
         * @return this builder
         */
        public Builder minConfidence(EntityType type, double minConfidence) {
            return rule(type, new EntityRule(rules.get(type).action(), minConfidence));
        }

        /**
         * Sets the same rule for every type.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder allTypes(EntityRule rule) {
            for (EntityType t : EntityType.values()) {
                rule(t, rule);
            }
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return an immutable policy
         */
        public PiiPolicy build() {
            return new PiiPolicy(rules);
        }
    }
}
