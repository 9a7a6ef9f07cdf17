package io.monago.atrium.guard.security;

import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link SecurityPolicy} decided about a {@link SecurityReport}. The gateway renders it: a
 * blocked verdict answers 400 {@code security_block} with {@link #blockReason()}; a flagged one
 * forwards with decision {@code flagged}; either way {@link #headerValue()} goes into
 * {@code X-Monago-Security-Incident}.
 *
 * <pre>{@code
 * SecurityVerdict v = SecurityPolicy.defaults().evaluate(report);
 * if (v.isBlocked()) {
 *     respond400("security_block", v.blockReason().orElseThrow(), v.headerValue());
 * }
 * }</pre>
 *
 * @param blocked categories whose policy is {@code BLOCK} and whose score reached the threshold
 * @param flagged categories whose policy is {@code FLAG} and whose score reached the threshold
 */
public record SecurityVerdict(Set<IncidentCategory> blocked, Set<IncidentCategory> flagged) {
    /**
     * Copies the sets (iteration follows the enum's order).
     *
     * @param blocked see the record description
     * @param flagged see the record description
     */
    public SecurityVerdict {
        blocked = Collections.unmodifiableSet(copy(blocked));
        flagged = Collections.unmodifiableSet(copy(flagged));
    }

    private static EnumSet<IncidentCategory> copy(Set<IncidentCategory> categories) {
        return categories.isEmpty() ? EnumSet.noneOf(IncidentCategory.class) : EnumSet.copyOf(categories);
    }

    /**
     * Whether the request must be refused.
     *
     * @return true when at least one category is blocked
     */
    public boolean isBlocked() {
        return !blocked.isEmpty();
    }

    /**
     * Whether the request goes on but is marked.
     *
     * @return true when nothing is blocked and at least one category is flagged
     */
    public boolean isFlagged() {
        return !isBlocked() && !flagged.isEmpty();
    }

    /**
     * Every category acted on, blocked or flagged, in the enum's order.
     *
     * @return the categories for the incident header and the audit record
     */
    public Set<IncidentCategory> incidents() {
        EnumSet<IncidentCategory> all = copy(blocked);
        all.addAll(flagged);
        return Collections.unmodifiableSet(all);
    }

    /**
     * The value of {@code X-Monago-Security-Incident}.
     *
     * @return e.g. {@code prompt_injection,jailbreak_attempt}; empty when nothing was acted on
     */
    public String headerValue() {
        return incidents().stream().map(IncidentCategory::wireName).collect(Collectors.joining(","));
    }

    /**
     * A sentence naming the blocked categories, for {@code X-Monago-Block-Reason} and the error
     * message, e.g. {@code prompt injection detected} or
     * {@code prompt injection and jailbreak attempt detected}.
     *
     * @return the reason, empty when nothing is blocked
     */
    public Optional<String> blockReason() {
        if (blocked.isEmpty()) {
            return Optional.empty();
        }
        String[] labels = blocked.stream().map(IncidentCategory::label).toArray(String[]::new);
        String names = labels.length == 1
                ? labels[0]
                : String.join(", ", java.util.Arrays.copyOf(labels, labels.length - 1)) + " and "
                        + labels[labels.length - 1];
        return Optional.of(names + " detected");
    }
}
