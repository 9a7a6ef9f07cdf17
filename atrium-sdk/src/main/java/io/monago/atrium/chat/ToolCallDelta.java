package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.Optional;

/**
 * A piece of a tool call in a streamed answer. Pieces of one call share its {@link #index()}; the
 * first carries the id, type and function name, the later ones fragments of the arguments.
 *
 * <pre>{@code
 * for (ToolCallDelta piece : chunk.choices().get(0).delta().toolCalls()) {
 *     calls.computeIfAbsent(piece.index(), i -> new StringBuilder())
 *             .append(piece.function().flatMap(FunctionCallDelta::arguments).orElse(""));
 * }
 * }</pre>
 *
 * @param index which of the message's tool calls this piece belongs to
 * @param id the call's id, in the first piece
 * @param type the tool type ({@code function}), in the first piece
 * @param function the function's name and a fragment of its arguments
 */
public record ToolCallDelta(
        int index, Optional<String> id, Optional<String> type, Optional<FunctionCallDelta> function) {

    /**
     * Reads a piece.
     *
     * @param node one element of a delta's {@code tool_calls}
     * @return the piece; a missing index reads as 0
     */
    public static ToolCallDelta fromJson(JsonNode node) {
        return new ToolCallDelta(
                JsonFields.intValue(node, "index").orElse(0),
                JsonFields.string(node, "id"),
                JsonFields.string(node, "type"),
                JsonFields.object(node, "function").map(FunctionCallDelta::fromJson));
    }
}
