package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.Usage;
import java.util.Optional;

/**
 * Translates an Anthropic answer back into OpenAI's shapes: a whole {@code message} into a
 * {@code chat.completion}, and, for both the whole and the streamed answer, the stop reason into a
 * finish reason and the usage into OpenAI's token counts.
 */
final class AnthropicAnswer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicAnswer() {}

    /**
     * Whether a parsed body is an Anthropic message.
     *
     * @param body the parsed answer
     * @return true when it is one
     */
    static boolean isMessage(JsonNode body) {
        return body instanceof ObjectNode
                && body.path("type").asText().equals("message")
                && body.path("content").isArray();
    }

    /**
     * Translates a whole message. Text blocks join into the content; {@code tool_use} blocks
     * become tool calls with their input as a JSON string; blocks OpenAI has no place for
     * (thinking, for one) are left out.
     *
     * @param message Anthropic's {@code message} object
     * @param created the {@code created} timestamp, in epoch seconds
     * @return the {@code chat.completion} object
     */
    static ObjectNode completion(JsonNode message, long created) {
        ObjectNode out = NODES.objectNode();
        out.put("id", message.path("id").asText(""));
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", message.path("model").asText(""));
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode reply = choice.putObject("message");
        reply.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText(""));
                case "tool_use" -> {
                    ObjectNode call = calls.addObject();
                    call.set("id", block.path("id"));
                    call.put("type", "function");
                    ObjectNode fn = call.putObject("function");
                    fn.set("name", block.path("name"));
                    JsonNode input = block.get("input");
                    fn.put("arguments", input == null || input.isNull() ? "{}" : input.toString());
                }
                default -> {
                    // thinking, redacted_thinking and server-side tool blocks have no OpenAI field
                }
            }
        }
        // OpenAI's convention: a message that only calls tools has no content.
        if (text.length() == 0 && !calls.isEmpty()) {
            reply.putNull("content");
        } else {
            reply.put("content", text.toString());
        }
        reply.putNull("refusal");
        if (!calls.isEmpty()) {
            reply.set("tool_calls", calls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(message.path("stop_reason").asText("")));
        usage(message.path("usage")).ifPresent(u -> writeUsage(u, message.path("usage"), out.putObject("usage")));
        return out;
    }

    /**
     * OpenAI's finish reason for Anthropic's stop reason.
     *
     * @param stopReason Anthropic's {@code stop_reason}, empty when it gave none
     * @return {@code stop}, {@code length}, {@code tool_calls} or {@code content_filter}
     */
    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            // end_turn, stop_sequence, pause_turn and any reason added later: the model stopped.
            default -> "stop";
        };
    }

    /**
     * OpenAI's token counts from Anthropic's usage. Anthropic counts cached input apart from
     * {@code input_tokens}; OpenAI's {@code prompt_tokens} includes it, so the parts are added.
     *
     * @param usage Anthropic's {@code usage} object
     * @return the usage, or empty when the object reports no input tokens
     */
    static Optional<Usage> usage(JsonNode usage) {
        if (!usage.path("input_tokens").canConvertToLong()) {
            return Optional.empty();
        }
        long prompt = usage.path("input_tokens").asLong()
                + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
        return Optional.of(new Usage(prompt, usage.path("output_tokens").asLong(0)));
    }

    /**
     * Writes OpenAI's {@code usage} object, with the cached input tokens where OpenAI reports them.
     *
     * @param usage the counts
     * @param anthropic Anthropic's {@code usage} object, for the cached tokens
     * @param out the object to fill
     */
    static void writeUsage(Usage usage, JsonNode anthropic, ObjectNode out) {
        usage.writeTo(out);
        out.putObject("prompt_tokens_details")
                .put("cached_tokens", anthropic.path("cache_read_input_tokens").asLong(0));
    }
}
