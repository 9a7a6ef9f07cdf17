package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One choice in a chunk of a streamed answer: its index, what the chunk adds to its message, and
 * why generation stopped once it has.
 *
 * <pre>{@code
 * for (ChunkChoice choice : chunk.choices()) {
 *     choice.delta().content().ifPresent(text -> answers[choice.index()].append(text));
 * }
 * }</pre>
 *
 * @param index the choice's position; pieces of one choice share it
 * @param delta what this chunk adds
 * @param finishReason why generation stopped, in the choice's last chunk: {@code stop},
 *     {@code length}, {@code tool_calls}, {@code content_filter}...
 * @param logprobs log probabilities of this chunk's tokens, when requested
 * @param additionalProperties fields this SDK does not model
 */
public record ChunkChoice(
        int index,
        ChunkDelta delta,
        Optional<FinishReason> finishReason,
        Optional<ChoiceLogprobs> logprobs,
        Map<String, JsonNode> additionalProperties) {

    private static final Set<String> KNOWN = Set.of("index", "delta", "finish_reason", "logprobs");

    /**
     * Copies the map.
     *
     * @param index the position
     * @param delta the delta
     * @param finishReason the finish reason
     * @param logprobs the log probabilities
     * @param additionalProperties unmodelled fields
     */
    public ChunkChoice {
        additionalProperties = Map.copyOf(additionalProperties);
    }

    /**
     * Reads a choice.
     *
     * @param node one element of a chunk's {@code choices}
     * @return the choice
     */
    public static ChunkChoice fromJson(JsonNode node) {
        return new ChunkChoice(
                JsonFields.intValue(node, "index").orElse(0),
                ChunkDelta.fromJson(JsonFields.object(node, "delta").orElse(Json.object())),
                JsonFields.string(node, "finish_reason").map(FinishReason::of),
                JsonFields.object(node, "logprobs").map(ChoiceLogprobs::fromJson),
                JsonFields.unknown(node, KNOWN));
    }
}
