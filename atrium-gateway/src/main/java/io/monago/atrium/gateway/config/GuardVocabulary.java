package io.monago.atrium.gateway.config;

import java.util.Set;

/** The entity and category names a configuration may use; they mirror the guard's enums. */
final class GuardVocabulary {

    static final Set<String> ENTITY_TYPES = Set.of("NIK", "KK", "NPWP", "BPJS", "PHONE", "EMAIL", "CREDIT_CARD",
            "IBAN", "SSN", "PASSPORT", "IP_ADDRESS", "DATE_OF_BIRTH", "BANK_ACCOUNT", "MRN", "SECRET");
    static final Set<String> INCIDENT_CATEGORIES = Set.of("prompt_injection", "jailbreak_attempt",
            "system_prompt_extraction", "hidden_instructions", "encoded_payload", "adversarial_suffix");

    private GuardVocabulary() {
    }
}
