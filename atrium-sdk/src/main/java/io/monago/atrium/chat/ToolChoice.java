package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * Whether and which tool the model must call ({@code tool_choice}).
 *
 * <pre>{@code
 * builder.toolChoice(ToolChoice.REQUIRED);
 * builder.toolChoice(ToolChoice.function("lookup_patient"));
 * }</pre>
 */
public final class ToolChoice {

    /** The model calls no tool. */
    public static final ToolChoice NONE = new ToolChoice(TextNode.valueOf("none"));
    /** The model decides. */
    public static final ToolChoice AUTO = new ToolChoice(TextNode.valueOf("auto"));
    /** The model calls at least one tool. */
    public static final ToolChoice REQUIRED = new ToolChoice(TextNode.valueOf("required"));

    private final JsonNode value;

    private ToolChoice(JsonNode value) {
        this.value = value;
    }

    /**
     * The model must call this function.
     *
     * @param name the function name
     * @return the choice
     */
    public static ToolChoice function(String name) {
        ObjectNode node = Json.object().put("type", "function");
        node.putObject("function").put("name", Objects.requireNonNull(name, "name"));
        return new ToolChoice(node);
    }

    /**
     * The choice as it is sent.
     *
     * @return a JSON string or object
     */
    public JsonNode toJson() {
        return value.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolChoice c && value.equals(c.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ToolChoice" + value;
    }
}
