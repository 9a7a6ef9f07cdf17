package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.Objects;

/**
 * The function a model asked to call: its name and its arguments as a JSON string (which the model
 * wrote, so parse it defensively).
 *
 * <pre>{@code
 * FunctionCall call = toolCall.function();
 * JsonNode args = new ObjectMapper().readTree(call.arguments());
 * }</pre>
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
     * The call as it is sent back in an assistant message.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        return Json.object().put("name", name).put("arguments", arguments);
    }
}
