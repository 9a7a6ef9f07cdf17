package io.monago.atrium.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.Objects;

/**
 * The function a model asked to call: its name and its arguments as a JSON string, which the model
 * wrote. {@link #arguments(Class)} binds them to a type of yours and {@link #argumentsJson()} gives
 * them as a tree, both with the SDK's own Jackson, so no {@code ObjectMapper} of yours is needed.
 *
 * <pre>{@code
 * record PatientQuery(String mrn) {}
 *
 * FunctionCall call = toolCall.function();
 * if (call.name().equals("lookup_patient")) {
 *     PatientQuery q = call.arguments(PatientQuery.class);
 *     String mrn = call.argumentsJson().path("mrn").asText();   // the same, untyped
 * }
 * }</pre>
 *
 * <p>On the module path, binding to your type needs its package opened to Jackson ({@code opens
 * com.example.tools to com.fasterxml.jackson.databind;}).
 *
 * @param name the function name
 * @param arguments the arguments, a JSON-encoded object
 */
public record FunctionCall(String name, String arguments) {

    /**
     * Checks the parts.
     *
     * @param name the function name
     * @param arguments the arguments
     */
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * Reads a function call from a response.
     *
     * @param node the {@code function} object
     * @return the call; missing fields read as empty strings
     */
    public static FunctionCall fromJson(JsonNode node) {
        return new FunctionCall(JsonFields.stringOrEmpty(node, "name"), JsonFields.stringOrEmpty(node, "arguments"));
    }

    /**
     * The arguments bound to a type of yours (a record, a bean, a {@code Map}) with Jackson's
     * default binding: a field the type does not have fails the call, as it means the model did
     * not follow the schema.
     *
     * @param type the type to bind to
     * @param <T> the type
     * @return the arguments
     * @throws IllegalArgumentException when the arguments are not JSON or do not fit the type; the
     *     message names the function and the type, the cause is Jackson's exception
     */
    public <T> T arguments(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            T value = Json.bind(arguments, type);
            if (value == null) {
                throw new IllegalArgumentException(
                        "the arguments of function " + name + " are null, not a " + type.getSimpleName());
            }
            return value;
        } catch (InvalidDefinitionException e) {
            // The type, not the model's text, is at fault (on the module path, often a package not
            // opened to Jackson); Jackson's message is about the type and holds no argument value.
            throw new IllegalArgumentException(
                    "cannot bind arguments to " + type.getName() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            // Names the field, never a value: the model may have copied personal data into it.
            throw new IllegalArgumentException(
                    "the arguments of function " + name + " do not fit " + type.getSimpleName() + where(e), e);
        }
    }

    private static String where(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return " (not JSON, or not the expected kind of value)";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return " (at " + path.substring(path.charAt(0) == '.' ? 1 : 0) + ")";
    }

    /**
     * The arguments as a JSON tree.
     *
     * @return a new tree, usually an object
     * @throws IllegalArgumentException when the arguments are not JSON (the message names the
     *     function)
     */
    public JsonNode argumentsJson() {
        try {
            JsonNode tree = Json.tree(arguments);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("the arguments of function " + name + " are empty, not JSON");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the arguments of function " + name + " are not JSON", e);
        }
    }

    /**
     * The call as it is sent back in an assistant message.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        return Json.object().put("name", name).put("arguments", arguments);
    }
}
