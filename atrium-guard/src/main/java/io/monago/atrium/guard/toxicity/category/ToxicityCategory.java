package io.monago.atrium.guard.toxicity.category;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of toxic language the classifier names, as the lexicon sorts its terms. The model
 * scores toxicity as one probability; the categories say which kinds of term a text holds.
 *
 * <pre>{@code
 * ToxicityCategory.fromWireName("threats"); // Optional[THREATS]
 * }</pre>
 */
public enum ToxicityCategory {
    /** Insults and profanity aimed at someone. */
    ABUSE,
    /** Slurs and attacks on a group (race, religion, ethnicity, gender, sexuality). */
    HATE,
    /** Demeaning or hounding a person ("nobody wants you", "go die"). */
    HARASSMENT,
    /** Threats of violence. */
    THREATS,
    /** Sexual content and sexual vulgarity. */
    SEXUAL;

    /**
     * The name used in configuration, the audit record and the lexicon file.
     *
     * @return the lower-case name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param name a name such as {@code hate}
     * @return the category, or empty when the name is unknown
     */
    public static Optional<ToxicityCategory> fromWireName(String name) {
        for (ToxicityCategory category : values()) {
            if (category.wireName().equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
