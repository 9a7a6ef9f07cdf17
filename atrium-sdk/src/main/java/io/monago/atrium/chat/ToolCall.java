package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.Objects;

/**
 * A tool call the model made, as found in a response and as sent back in an assistant message of
 * the history.
 *
 * <pre>{@code
 * ChatCompletionMessage answer = completion.choices().get(0).message();
 * next.addMessage(answer);                                  // the assistant's turn, tool calls included
 * for (ToolCall call : answer.toolCalls()) {
 *     Weather w = weather(call.function().arguments(WeatherQuery.class));
 *     next.addMessage(ToolMessage.of(call.id(), w));        // the result, as JSON
 * }
 * }</pre>
 *
 * @param id the call's id, which the tool message answering it repeats
 * @param type the tool type, {@code function}
 * @param function the function and its arguments
 */
public record ToolCall(String id, String type, FunctionCall function) {

    /**
     * Checks the parts.
     *
     * @param id the id
     * @param type the type
     * @param function the function
     */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
    }

    /**
     * A function tool call, e.g. to write a conversation's history by hand.
     *
     * <pre>{@code
     * ToolCall call = ToolCall.ofFunction("call_1", "lookup_patient", "{\"mrn\": \"RM-0042\"}");
     * }</pre>
     *
     * @param id the call id
     * @param name the function name
     * @param arguments the arguments, a JSON-encoded object
     * @return the call
     */
    public static ToolCall ofFunction(String id, String name, String arguments) {
        return new ToolCall(id, "function", new FunctionCall(name, arguments));
    }

    /**
     * Reads a tool call from a response.
     *
     * @param node one element of {@code tool_calls}
     * @return the call; missing fields read as empty strings, the type as {@code function}
     */
    public static ToolCall fromJson(JsonNode node) {
        return new ToolCall(
                JsonFields.stringOrEmpty(node, "id"),
                JsonFields.string(node, "type").orElse("function"),
                FunctionCall.fromJson(JsonFields.object(node, "function").orElse(Json.object())));
    }

    /**
     * The call as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("id", id).put("type", type);
        node.set("function", function.toJson());
        return node;
    }
}
