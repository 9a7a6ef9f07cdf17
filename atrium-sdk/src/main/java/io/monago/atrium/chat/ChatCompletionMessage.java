package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model's message in a {@link Choice}.
 *
 * <pre>{@code
 * ChatCompletionMessage m = completion.choices().get(0).message();
 * m.content().ifPresent(System.out::println);
 * history.add(m.toAssistantMessage());   // continue the conversation
 * }</pre>
 *
 * @param role {@code assistant}
 * @param content the text, or empty (e.g. when the model only called tools)
 * @param refusal the model's refusal, or empty
 * @param toolCalls the tool calls the model made
 * @param functionCall the deprecated single function call, or empty
 * @param additionalProperties fields this SDK does not model (e.g. {@code annotations},
 *     {@code audio})
 */
public record ChatCompletionMessage(
        String role,
        Optional<String> content,
        Optional<String> refusal,
        List<ToolCall> toolCalls,
        Optional<FunctionCall> functionCall,
        Map<String, JsonNode> additionalProperties) {

    private static final Set<String> KNOWN = Set.of("role", "content", "refusal", "tool_calls", "function_call");

    /**
     * Copies the collections.
     *
     * @param role the role
     * @param content the text
     * @param refusal the refusal
     * @param toolCalls the tool calls
     * @param functionCall the function call
     * @param additionalProperties unmodelled fields
     */
    public ChatCompletionMessage {
        toolCalls = List.copyOf(toolCalls);
        additionalProperties = Map.copyOf(additionalProperties);
    }

    /**
     * Reads a message.
     *
     * @param node the {@code message} object
     * @return the message
     */
    public static ChatCompletionMessage fromJson(JsonNode node) {
        return new ChatCompletionMessage(
                JsonFields.string(node, "role").orElse("assistant"),
                JsonFields.string(node, "content"),
                JsonFields.string(node, "refusal"),
                JsonFields.list(node, "tool_calls", ToolCall::fromJson),
                JsonFields.object(node, "function_call").map(FunctionCall::fromJson),
                JsonFields.unknown(node, KNOWN));
    }

    /**
     * This message as an {@link AssistantMessage}, to append to the history of a follow-up request.
     *
     * @return the message
     */
    public AssistantMessage toAssistantMessage() {
        AssistantMessage.Builder b = AssistantMessage.builder().toolCalls(toolCalls);
        content.ifPresent(b::content);
        refusal.ifPresent(b::refusal);
        return b.build();
    }
}
