package io.monago.atrium.gateway.config;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The entity and category names a configuration may use, read from the guard's own enums. */
final class GuardVocabulary {

    static final Set<String> ENTITY_TYPES =
            Arrays.stream(EntityType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    static final Set<String> INCIDENT_CATEGORIES = Arrays.stream(IncidentCategory.values())
            .map(IncidentCategory::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private GuardVocabulary() {}
}
