package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One answer of a {@link ChatCompletion}.
 *
 * <pre>{@code
 * Choice first = completion.choices().get(0);
 * if (first.finishReason().filter(FinishReason.TOOL_CALLS::equals).isPresent()) {
 *     first.message().toolCalls().forEach(this::dispatch);
 * }
 * }</pre>
 *
 * @param index the choice's position
 * @param message the model's message
 * @param finishReason why generation stopped: {@code stop}, {@code length}, {@code tool_calls},
 *     {@code content_filter}, or a word this SDK does not know, kept as sent
 * @param logprobs token log probabilities, when requested
 * @param additionalProperties fields this SDK does not model
 */
public record Choice(
        int index,
        ChatCompletionMessage message,
        Optional<FinishReason> finishReason,
        Optional<ChoiceLogprobs> logprobs,
        Map<String, JsonNode> additionalProperties) {

    private static final Set<String> KNOWN = Set.of("index", "message", "finish_reason", "logprobs");

    /**
     * Copies the map.
     *
     * @param index the position
     * @param message the message
     * @param finishReason the finish reason
     * @param logprobs the log probabilities
     * @param additionalProperties unmodelled fields
     */
    public Choice {
        additionalProperties = Map.copyOf(additionalProperties);
    }

    /**
     * Reads a choice.
     *
     * @param node one element of {@code choices}
     * @return the choice
     */
    public static Choice fromJson(JsonNode node) {
        return new Choice(
                JsonFields.intValue(node, "index").orElse(0),
                ChatCompletionMessage.fromJson(
                        JsonFields.object(node, "message").orElse(Json.object())),
                JsonFields.string(node, "finish_reason").map(FinishReason::of),
                JsonFields.object(node, "logprobs").map(ChoiceLogprobs::fromJson),
                JsonFields.unknown(node, KNOWN));
    }
}
