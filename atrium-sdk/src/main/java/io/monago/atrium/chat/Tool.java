package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * A tool the model may call: {@code {"type": "function", "function": {...}}}.
 *
 * <pre>{@code
 * Tool tool = Tool.function(FunctionDefinition.of("get_weather").withParameters(schema));
 * }</pre>
 *
 * @param function the function
 */
public record Tool(FunctionDefinition function) {

    /**
     * Checks the function.
     *
     * @param function the function
     */
    public Tool {
        Objects.requireNonNull(function, "function");
    }

    /**
     * A function tool.
     *
     * @param function the function
     * @return the tool
     */
    public static Tool function(FunctionDefinition function) {
        return new Tool(function);
    }

    /**
     * The tool type.
     *
     * @return {@code function}
     */
    public String type() {
        return "function";
    }

    /**
     * The tool as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type());
        node.set("function", function.toJson());
        return node;
    }
}
