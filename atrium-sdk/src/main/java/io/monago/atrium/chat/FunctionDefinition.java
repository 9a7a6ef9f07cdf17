package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function the model may call: name, description and a JSON Schema for its arguments.
 *
 * <pre>{@code
 * FunctionDefinition lookup = FunctionDefinition.of("lookup_patient")
 *         .withDescription("Finds a patient by medical record number")
 *         .withParameters(Map.of(
 *                 "type", "object",
 *                 "properties", Map.of("mrn", Map.of("type", "string")),
 *                 "required", List.of("mrn")))
 *         .withStrict(true);
 * }</pre>
 *
 * @param name the function name
 * @param description what it does, for the model
 * @param parameters the JSON Schema of its arguments
 * @param strict whether the model must follow the schema exactly
 */
public record FunctionDefinition(
        String name, Optional<String> description, Optional<JsonNode> parameters, Optional<Boolean> strict) {

    /**
     * Checks the parts and copies the schema.
     *
     * @param name the function name
     * @param description the description
     * @param parameters the schema
     * @param strict strict mode
     */
    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = Objects.requireNonNull(parameters, "parameters").map(JsonNode::deepCopy);
        Objects.requireNonNull(strict, "strict");
    }

    /**
     * A function with only a name.
     *
     * @param name the function name
     * @return the definition
     */
    public static FunctionDefinition of(String name) {
        return new FunctionDefinition(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy with a description.
     *
     * @param description what the function does
     * @return the new definition
     */
    public FunctionDefinition withDescription(String description) {
        return new FunctionDefinition(name, Optional.of(description), parameters, strict);
    }

    /**
     * A copy with an argument schema.
     *
     * @param schema a JSON Schema object
     * @return the new definition
     */
    public FunctionDefinition withParameters(JsonNode schema) {
        return new FunctionDefinition(name, description, Optional.of(schema), strict);
    }

    /**
     * A copy with an argument schema given as plain Java maps and lists.
     *
     * @param schema a JSON Schema object
     * @return the new definition
     */
    public FunctionDefinition withParameters(Map<String, ?> schema) {
        return withParameters(Json.toTree(schema));
    }

    /**
     * A copy with strict mode set.
     *
     * @param strict whether the model must follow the schema exactly
     * @return the new definition
     */
    public FunctionDefinition withStrict(boolean strict) {
        return new FunctionDefinition(name, description, parameters, Optional.of(strict));
    }

    /**
     * The definition as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("name", name);
        Json.putIfPresent(node, "description", description.orElse(null));
        Json.putIfPresent(node, "parameters", parameters.orElse(null));
        Json.putIfPresent(node, "strict", strict.orElse(null));
        return node;
    }
}
