package io.monago.atrium.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.TypeSchemas;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * JSON Schemas derived from Java types, as tools and typed agent outputs send them.
 *
 * <pre>{@code
 * record Triage(@Param("1 to 5") int level, Optional<String> note) {}
 * JsonSchemas.of(Triage.class);
 * // {"type":"object","properties":{"level":{"type":"integer","description":"1 to 5"},
 * //  "note":{"type":"string"}},"required":["level"],"additionalProperties":false}
 * }</pre>
 *
 * <p>Supported: {@code String} and {@code char}, {@code boolean}, whole numbers ({@code integer}),
 * decimals ({@code number}), enums (their constant names), records (every component required but
 * the {@code Optional}s, no other field allowed), {@code List}, {@code Set}, arrays,
 * {@code Optional}, {@code Map<String, V>} and {@code JsonNode} (any value).
 */
public final class JsonSchemas {

    private JsonSchemas() {}

    /**
     * The schema of a type; record components annotated {@link Param} carry its description.
     *
     * @param type the type, e.g. a record class or a {@code List<String>} from reflection
     * @return a new schema
     * @throws IllegalArgumentException when the type, or one inside it, is not supported
     */
    public static ObjectNode of(Type type) {
        return TypeSchemas.of(type, JsonSchemas::description);
    }

    static Optional<String> description(AnnotatedElement element) {
        Param param = element.getAnnotation(Param.class);
        return param == null || param.value().isBlank() ? Optional.empty() : Optional.of(param.value());
    }
}
