package io.monago.atrium.guard.security.category;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of attack a {@link io.monago.atrium.guard.security.SecurityIncident} is. The wire name is what the gateway puts in the
 * {@code X-Monago-Security-Incident} header and the audit record.
 *
 * <pre>{@code
 * IncidentCategory.PROMPT_INJECTION.wireName();   // "prompt_injection"
 * IncidentCategory.fromWire("jailbreak_attempt"); // Optional[JAILBREAK_ATTEMPT]
 * }</pre>
 */
public enum IncidentCategory {
    /** An instruction override: "ignore all previous instructions and ...". */
    PROMPT_INJECTION("prompt_injection", "prompt injection"),
    /** A role-play or persona jailbreak: DAN, "developer mode", "no restrictions" templates. */
    JAILBREAK_ATTEMPT("jailbreak_attempt", "jailbreak attempt"),
    /** An attempt to make the model reveal its system prompt or hidden configuration. */
    SYSTEM_PROMPT_EXTRACTION("system_prompt_extraction", "system prompt extraction"),
    /** Invisible, bidi-control or Unicode tag characters, or keywords disguised with homoglyphs. */
    HIDDEN_INSTRUCTIONS("hidden_instructions", "hidden instructions"),
    /** Base64, hex, rot13 or URL-encoded text that decodes to an attack. */
    ENCODED_PAYLOAD("encoded_payload", "encoded payload"),
    /** A machine-generated gibberish suffix of the GCG kind. */
    ADVERSARIAL_SUFFIX("adversarial_suffix", "adversarial suffix");

    private final String wireName;
    private final String label;

    IncidentCategory(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /**
     * The protocol spelling.
     *
     * @return e.g. {@code prompt_injection}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The words a block reason uses for this category.
     *
     * @return e.g. {@code prompt injection}
     */
    public String label() {
        return label;
    }

    /**
     * Parses a wire name (case-insensitive, trimmed).
     *
     * @param wireName e.g. {@code "jailbreak_attempt"}; may be null
     * @return the category, empty when the name is not one of ours
     */
    public static Optional<IncidentCategory> fromWire(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String wanted = wireName.trim().toLowerCase(Locale.ROOT);
        for (IncidentCategory category : values()) {
            if (category.wireName.equals(wanted)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
