package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.Map;
import java.util.Set;

/**
 * Token usage of a call.
 *
 * <pre>{@code
 * Usage u = completion.usage();
 * System.out.printf("%d in, %d out, %d cached%n",
 *         u.promptTokens(), u.completionTokens(), u.promptTokensDetails().cachedTokens());
 * }</pre>
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens in the answer
 * @param totalTokens both
 * @param promptTokensDetails breakdown of the request's tokens (zeros when not sent)
 * @param completionTokensDetails breakdown of the answer's tokens (zeros when not sent)
 * @param additionalProperties fields this SDK does not model
 */
public record Usage(
        long promptTokens,
        long completionTokens,
        long totalTokens,
        PromptTokensDetails promptTokensDetails,
        CompletionTokensDetails completionTokensDetails,
        Map<String, JsonNode> additionalProperties) {

    /** Usage of a response that carried none: all zeros. */
    public static final Usage EMPTY = fromJson(Json.object());

    private static final Set<String> KNOWN = Set.of(
            "prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details", "completion_tokens_details");

    /**
     * Copies the map.
     *
     * @param promptTokens request tokens
     * @param completionTokens answer tokens
     * @param totalTokens both
     * @param promptTokensDetails request breakdown
     * @param completionTokensDetails answer breakdown
     * @param additionalProperties unmodelled fields
     */
    public Usage {
        additionalProperties = Map.copyOf(additionalProperties);
    }

    /**
     * Reads usage; missing numbers read as 0.
     *
     * @param node the {@code usage} object
     * @return the usage
     */
    public static Usage fromJson(JsonNode node) {
        JsonNode prompt = JsonFields.object(node, "prompt_tokens_details").orElse(Json.object());
        JsonNode completion =
                JsonFields.object(node, "completion_tokens_details").orElse(Json.object());
        return new Usage(
                count(node, "prompt_tokens"),
                count(node, "completion_tokens"),
                count(node, "total_tokens"),
                new PromptTokensDetails(count(prompt, "cached_tokens"), count(prompt, "audio_tokens")),
                new CompletionTokensDetails(
                        count(completion, "reasoning_tokens"),
                        count(completion, "audio_tokens"),
                        count(completion, "accepted_prediction_tokens"),
                        count(completion, "rejected_prediction_tokens")),
                JsonFields.unknown(node, KNOWN));
    }

    private static long count(JsonNode node, String field) {
        return JsonFields.longValue(node, field).orElse(0);
    }

    /**
     * Breakdown of a request's tokens.
     *
     * @param cachedTokens tokens served from the provider's prompt cache
     * @param audioTokens audio input tokens
     */
    public record PromptTokensDetails(long cachedTokens, long audioTokens) {}

    /**
     * Breakdown of an answer's tokens.
     *
     * @param reasoningTokens tokens the model spent reasoning
     * @param audioTokens audio output tokens
     * @param acceptedPredictionTokens predicted tokens that appeared in the answer
     * @param rejectedPredictionTokens predicted tokens that did not
     */
    public record CompletionTokensDetails(
            long reasoningTokens, long audioTokens, long acceptedPredictionTokens, long rejectedPredictionTokens) {}
}
