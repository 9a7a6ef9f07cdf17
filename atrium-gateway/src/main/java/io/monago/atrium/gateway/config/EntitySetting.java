package io.monago.atrium.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Optional;

/**
 * The action for one PII entity type or security category, written either as a word
 * ({@code SSN: block}) or as an object ({@code SSN: {action: block, min_confidence: 0.8}}).
 *
 * @param action the action word
 * @param minConfidence minimum confidence (PII) or score threshold (security); empty: the section's
 */
public record EntitySetting(String action, Optional<Double> minConfidence) {

    /**
     * The short form: just an action word.
     *
     * @param action the action word
     * @return the setting
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EntitySetting of(String action) {
        return new EntitySetting(action, Optional.empty());
    }

    /**
     * The long form.
     *
     * @param action the action word
     * @param minConfidence the threshold, may be null
     * @param threshold synonym of {@code minConfidence} for security categories, may be null
     * @return the setting
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static EntitySetting of(
            @com.fasterxml.jackson.annotation.JsonProperty("action") String action,
            @com.fasterxml.jackson.annotation.JsonProperty("min_confidence") Double minConfidence,
            @com.fasterxml.jackson.annotation.JsonProperty("threshold") Double threshold) {
        return new EntitySetting(action, Optional.ofNullable(minConfidence != null ? minConfidence : threshold));
    }
}
