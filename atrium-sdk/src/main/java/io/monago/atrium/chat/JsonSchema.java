package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named JSON Schema for structured output ({@code response_format: {"type": "json_schema", ...}}).
 *
 * <pre>{@code
 * JsonSchema triage = JsonSchema.of("triage", Map.of(
 *         "type", "object",
 *         "properties", Map.of("urgency", Map.of("type", "string", "enum", List.of("low", "high"))),
 *         "required", List.of("urgency"),
 *         "additionalProperties", false)).withStrict(true);
 * }</pre>
 *
 * @param name the schema's name
 * @param description what the output is, for the model
 * @param schema the JSON Schema
 * @param strict whether the model must follow the schema exactly
 */
public record JsonSchema(String name, Optional<String> description, JsonNode schema, Optional<Boolean> strict) {

    /**
     * Checks the parts and copies the schema.
     *
     * @param name the name
     * @param description the description
     * @param schema the schema
     * @param strict strict mode
     */
    public JsonSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        schema = Objects.requireNonNull(schema, "schema").deepCopy();
        Objects.requireNonNull(strict, "strict");
    }

    /**
     * A schema.
     *
     * @param name the name
     * @param schema a JSON Schema object
     * @return the schema
     */
    public static JsonSchema of(String name, JsonNode schema) {
        return new JsonSchema(name, Optional.empty(), schema, Optional.empty());
    }

    /**
     * A schema given as plain Java maps and lists.
     *
     * @param name the name
     * @param schema a JSON Schema object
     * @return the schema
     */
    public static JsonSchema of(String name, Map<String, ?> schema) {
        return of(name, Json.toTree(schema));
    }

    /**
     * A copy with a description.
     *
     * @param description what the output is
     * @return the new schema
     */
    public JsonSchema withDescription(String description) {
        return new JsonSchema(name, Optional.of(description), schema, strict);
    }

    /**
     * A copy with strict mode set.
     *
     * @param strict whether the model must follow the schema exactly
     * @return the new schema
     */
    public JsonSchema withStrict(boolean strict) {
        return new JsonSchema(name, description, schema, Optional.of(strict));
    }

    /**
     * The {@code json_schema} object as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("name", name);
        Json.putIfPresent(node, "description", description.orElse(null));
        node.set("schema", schema.deepCopy());
        Json.putIfPresent(node, "strict", strict.orElse(null));
        return node;
    }
}
