package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one chunk of a streamed answer adds to a choice's message: the next piece of text, of the
 * refusal, or of tool calls. The role comes in the first chunk only.
 *
 * <pre>{@code
 * chunk.choices().get(0).delta().content().ifPresent(System.out::print);
 * }</pre>
 *
 * @param role {@code assistant}, in the first chunk
 * @param content the next piece of text, or empty
 * @param refusal the next piece of a refusal, or empty
 * @param toolCalls pieces of tool calls
 * @param functionCall a piece of the deprecated single function call, or empty
 * @param additionalProperties fields this SDK does not model (e.g. {@code audio})
 */
public record ChunkDelta(
        Optional<String> role,
        Optional<String> content,
        Optional<String> refusal,
        List<ToolCallDelta> toolCalls,
        Optional<FunctionCallDelta> functionCall,
        Map<String, JsonNode> additionalProperties) {

    private static final Set<String> KNOWN = Set.of("role", "content", "refusal", "tool_calls", "function_call");

    /**
     * Copies the collections.
     *
     * @param role the role
     * @param content the text piece
     * @param refusal the refusal piece
     * @param toolCalls the tool call pieces
     * @param functionCall the function call piece
     * @param additionalProperties unmodelled fields
     */
    public ChunkDelta {
        toolCalls = List.copyOf(toolCalls);
        additionalProperties = Map.copyOf(additionalProperties);
    }

    /**
     * Reads a delta.
     *
     * @param node the {@code delta} object
     * @return the delta
     */
    public static ChunkDelta fromJson(JsonNode node) {
        return new ChunkDelta(
                JsonFields.string(node, "role"),
                JsonFields.string(node, "content"),
                JsonFields.string(node, "refusal"),
                JsonFields.list(node, "tool_calls", ToolCallDelta::fromJson),
                JsonFields.object(node, "function_call").map(FunctionCallDelta::fromJson),
                JsonFields.unknown(node, KNOWN));
    }
}
