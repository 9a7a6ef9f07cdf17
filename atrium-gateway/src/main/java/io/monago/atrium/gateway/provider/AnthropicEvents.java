package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.Usage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the events of Anthropic's streamed message into OpenAI {@code chat.completion.chunk}
 * objects, in order, as they come: {@code message_start} gives the role chunk; a text block's
 * deltas give content chunks; a {@code tool_use} block gives a tool call's index, id and name
 * first, then its argument fragments ({@code input_json_delta}); {@code message_delta} holds the
 * stop reason and the output tokens, and {@code message_stop} gives the chunk with the finish
 * reason and then a usage chunk with {@code choices: []}, as OpenAI sends when asked to include
 * usage. {@code ping} and event types added later are skipped; an {@code error} event fails the
 * stream. No I/O: {@link AnthropicStreamEvents} feeds it.
 */
final class AnthropicEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a content block turns into. */
    private enum Kind {
        TEXT,
        TOOL,
        /** Thinking and server-side tool blocks: OpenAI's chunks have no field for them. */
        SKIPPED
    }

    /** One content block in flight. */
    private static final class Block {
        final Kind kind;
        final int toolIndex;
        final JsonNode startInput;
        boolean argumentsSent;

        Block(Kind kind, int toolIndex, JsonNode startInput) {
            this.kind = kind;
            this.toolIndex = toolIndex;
            this.startInput = startInput;
        }
    }

    private final long created;
    private final AnthropicErrors errors;
    private final Consumer<ObjectNode> out;
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final ObjectNode usage = NODES.objectNode();
    private String id = "";
    private String model = "";
    private String stopReason = "";
    private int tools;
    private boolean stopped;

    /**
     * Creates a translator for one stream.
     *
     * @param created the chunks' {@code created} timestamp, in epoch seconds
     * @param errors makes the failure an Anthropic error event ends the stream with
     * @param out receives each chunk
     */
    AnthropicEvents(long created, AnthropicErrors errors, Consumer<ObjectNode> out) {
        this.created = created;
        this.errors = errors;
        this.out = out;
    }

    /**
     * Takes the next event.
     *
     * @param type the event's type: its {@code type} field, else the SSE event name
     * @param event the event's data
     * @return true once the message is complete ({@code message_stop})
     * @throws ProviderException for an {@code error} event
     */
    boolean accept(String type, JsonNode event) {
        switch (type) {
            case "message_start" -> start(event.path("message"));
            case "content_block_start" -> blockStart(event.path("index").asInt(), event.path("content_block"));
            case "content_block_delta" -> blockDelta(event.path("index").asInt(), event.path("delta"));
            case "content_block_stop" -> blockStop(event.path("index").asInt());
            case "message_delta" -> {
                stopReason = event.path("delta").path("stop_reason").asText(stopReason);
                overlayUsage(event.path("usage"));
            }
            case "message_stop" -> stop();
            case "error" -> throw errors.streamed(event);
            default -> {
                // ping keeps the connection alive; Anthropic may add event types, which carry nothing we map
            }
        }
        return stopped;
    }

    /** {@return the usage reported so far, if the input tokens are known} */
    Optional<Usage> usage() {
        return AnthropicAnswer.usage(usage);
    }

    private void start(JsonNode message) {
        id = message.path("id").asText("");
        model = message.path("model").asText("");
        overlayUsage(message.path("usage"));
        ObjectNode delta = NODES.objectNode();
        delta.put("role", "assistant");
        delta.put("content", "");
        emit(delta, null);
    }

    private void blockStart(int index, JsonNode block) {
        switch (block.path("type").asText()) {
            case "text" -> {
                blocks.put(index, new Block(Kind.TEXT, -1, null));
                text(block.path("text").asText(""));
            }
            case "tool_use" -> {
                int toolIndex = tools++;
                blocks.put(index, new Block(Kind.TOOL, toolIndex, block.get("input")));
                ObjectNode call = NODES.objectNode();
                call.put("index", toolIndex);
                call.set("id", block.path("id"));
                call.put("type", "function");
                ObjectNode fn = call.putObject("function");
                fn.set("name", block.path("name"));
                fn.put("arguments", "");
                ObjectNode delta = NODES.objectNode();
                delta.putArray("tool_calls").add(call);
                emit(delta, null);
            }
            default -> blocks.put(index, new Block(Kind.SKIPPED, -1, null));
        }
    }

    private void blockDelta(int index, JsonNode delta) {
        Block block = blocks.get(index);
        if (block == null) {
            return; // a delta for a block that never started carries nothing we could place
        }
        String type = delta.path("type").asText();
        if (block.kind == Kind.TEXT && type.equals("text_delta")) {
            text(delta.path("text").asText(""));
        } else if (block.kind == Kind.TOOL && type.equals("input_json_delta")) {
            arguments(block, delta.path("partial_json").asText(""));
        }
        // thinking_delta, signature_delta, citations_delta: nothing in OpenAI's chunks to put them in
    }

    private void blockStop(int index) {
        Block block = blocks.get(index);
        if (block != null && block.kind == Kind.TOOL && !block.argumentsSent) {
            // A tool without parameters streams no input; OpenAI clients parse the arguments as JSON.
            boolean hasInput = block.startInput != null && block.startInput.isObject() && !block.startInput.isEmpty();
            arguments(block, hasInput ? block.startInput.toString() : "{}");
        }
    }

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        emit(NODES.objectNode(), AnthropicAnswer.finishReason(stopReason));
        usage().ifPresent(u -> {
            ObjectNode chunk = envelope();
            chunk.putArray("choices");
            AnthropicAnswer.writeUsage(u, usage, chunk.putObject("usage"));
            out.accept(chunk);
        });
    }

    private void text(String text) {
        if (!text.isEmpty()) {
            emit(NODES.objectNode().put("content", text), null);
        }
    }

    private void arguments(Block block, String fragment) {
        if (fragment.isEmpty()) {
            return;
        }
        block.argumentsSent = true;
        ObjectNode call = NODES.objectNode();
        call.put("index", block.toolIndex);
        call.putObject("function").put("arguments", fragment);
        ObjectNode delta = NODES.objectNode();
        delta.putArray("tool_calls").add(call);
        emit(delta, null);
    }

    /** Anthropic's counts are cumulative: a later report replaces an earlier one, field by field. */
    private void overlayUsage(JsonNode reported) {
        if (!reported.isObject()) {
            return;
        }
        reported.properties().forEach(e -> {
            if (e.getValue().canConvertToLong()) {
                usage.set(e.getKey(), e.getValue());
            }
        });
    }

    private void emit(ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        out.accept(chunk);
    }

    private ObjectNode envelope() {
        ObjectNode chunk = NODES.objectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }
}
