package io.monago.atrium.guard.security;

import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * Per-category actions and thresholds: the part of a workspace's configuration that turns a
 * {@link SecurityReport} into a {@link SecurityVerdict}. Immutable; build one per workspace.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.defaults().toBuilder()
 *         .set(IncidentCategory.ADVERSARIAL_SUFFIX, CategoryPolicy.flag(0.7))
 *         .set(IncidentCategory.HIDDEN_INSTRUCTIONS, CategoryPolicy.off())
 *         .build();
 * SecurityVerdict verdict = policy.evaluate(analyzer.analyze(segments));
 * }</pre>
 *
 * <p>The defaults block every category; their thresholds were chosen on the training split of the
 * project's own corpus (docs/guard.md, "Security analysis", gives the measured rates).
 */
public final class SecurityPolicy {

    /** Default threshold of the three learned categories (injection, jailbreak, extraction). */
    public static final double DEFAULT_LEARNED_THRESHOLD = 0.55;

    private final Map<IncidentCategory, CategoryPolicy> policies;

    private SecurityPolicy(Map<IncidentCategory, CategoryPolicy> policies) {
        this.policies = Collections.unmodifiableMap(new EnumMap<>(policies));
    }

    /**
     * The product default: block every category at its measured threshold.
     *
     * @return the default policy
     */
    public static SecurityPolicy defaults() {
        return new Builder()
                .set(IncidentCategory.PROMPT_INJECTION, CategoryPolicy.block(DEFAULT_LEARNED_THRESHOLD))
                .set(IncidentCategory.JAILBREAK_ATTEMPT, CategoryPolicy.block(DEFAULT_LEARNED_THRESHOLD))
                .set(IncidentCategory.SYSTEM_PROMPT_EXTRACTION, CategoryPolicy.block(DEFAULT_LEARNED_THRESHOLD))
                // A stray zero-width space scores 0.3 and is copy-paste noise; tag characters,
                // bidi overrides and disguised keywords score 0.7 and up.
                .set(IncidentCategory.HIDDEN_INSTRUCTIONS, CategoryPolicy.block(0.7))
                .set(IncidentCategory.ENCODED_PAYLOAD, CategoryPolicy.block(DEFAULT_LEARNED_THRESHOLD))
                .set(IncidentCategory.ADVERSARIAL_SUFFIX, CategoryPolicy.block(0.8))
                .build();
    }

    /**
     * A builder with every category {@code OFF}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.policies.putAll(policies);
        return builder;
    }

    /**
     * The policy of one category.
     *
     * @param category the category
     * @return its action and threshold ({@code OFF} when never set)
     */
    public CategoryPolicy policyFor(IncidentCategory category) {
        return policies.getOrDefault(category, CategoryPolicy.off());
    }

    /**
     * Decides: a category is blocked (or flagged) when its policy is {@code BLOCK} (or {@code FLAG})
     * and its highest score in the report reaches the threshold.
     *
     * @param report what the analyzer found
     * @return the verdict
     */
    public SecurityVerdict evaluate(SecurityReport report) {
        Objects.requireNonNull(report, "report");
        EnumSet<IncidentCategory> blocked = EnumSet.noneOf(IncidentCategory.class);
        EnumSet<IncidentCategory> flagged = EnumSet.noneOf(IncidentCategory.class);
        for (Map.Entry<IncidentCategory, Double> entry : report.maxScores().entrySet()) {
            CategoryPolicy policy = policyFor(entry.getKey());
            if (policy.appliesTo(entry.getValue())) {
                (policy.action() == SecurityAction.BLOCK ? blocked : flagged).add(entry.getKey());
            }
        }
        return new SecurityVerdict(blocked, flagged);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityPolicy that && that.policies.equals(policies);
    }

    @Override
    public int hashCode() {
        return policies.hashCode();
    }

    @Override
    public String toString() {
        return "SecurityPolicy" + policies;
    }

    /** Builds a {@link SecurityPolicy}. */
    public static final class Builder {
        private final EnumMap<IncidentCategory, CategoryPolicy> policies = new EnumMap<>(IncidentCategory.class);

        private Builder() {}

        /**
         * Sets one category's policy.
         *
         * @param category the category
         * @param policy its action and threshold
         * @return this builder
         */
        public Builder set(IncidentCategory category, CategoryPolicy policy) {
            policies.put(Objects.requireNonNull(category, "category"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return an immutable policy
         */
        public SecurityPolicy build() {
            return new SecurityPolicy(policies);
        }
    }
}
