package io.monago.atrium.guard.security;

import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link SecurityAnalyzer#analyze(java.util.List)} found: every incident (one per category and
 * segment at most, with its path and role) and the highest score per category over all segments.
 * Turn it into a decision with {@link SecurityPolicy#evaluate(SecurityReport)}.
 *
 * <pre>{@code
 * SecurityReport report = analyzer.analyze(segments);
 * double injection = report.maxScore(IncidentCategory.PROMPT_INJECTION);
 * }</pre>
 *
 * @param incidents incidents in segment order, then category order
 * @param maxScores the highest score seen per category; categories with no incident are absent
 * @param stats how much work the analysis did
 */
public record SecurityReport(
        List<SecurityIncident> incidents, Map<IncidentCategory, Double> maxScores, ScanStats stats) {
    /**
     * Copies the components into immutable collections.
     *
     * @param incidents see the record description
     * @param maxScores see the record description
     * @param stats see the record description
     */
    public SecurityReport {
        incidents = List.copyOf(incidents);
        EnumMap<IncidentCategory, Double> copy = new EnumMap<>(IncidentCategory.class);
        copy.putAll(maxScores);
        maxScores = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(stats, "stats");
    }

    /**
     * Builds a report from incidents, computing the maximum per category.
     *
     * @param incidents the incidents
     * @param stats the work counters
     * @return the report
     */
    public static SecurityReport of(List<SecurityIncident> incidents, ScanStats stats) {
        EnumMap<IncidentCategory, Double> max = new EnumMap<>(IncidentCategory.class);
        for (SecurityIncident incident : incidents) {
            max.merge(incident.category(), incident.score(), Math::max);
        }
        return new SecurityReport(incidents, max, stats);
    }

    /**
     * The highest score of a category.
     *
     * @param category the category
     * @return its highest score over all segments, 0 when it has no incident
     */
    public double maxScore(IncidentCategory category) {
        return maxScores.getOrDefault(category, 0.0);
    }

    /**
     * Whether anything at all was reported.
     *
     * @return true when there is at least one incident
     */
    public boolean hasIncidents() {
        return !incidents.isEmpty();
    }
}
