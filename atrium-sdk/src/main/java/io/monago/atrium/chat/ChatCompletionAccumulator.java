package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.Governance;
import io.monago.atrium.internal.Json;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rebuilds the whole {@link ChatCompletion} from the chunks of a streamed answer: each choice's
 * text and refusal joined, its tool calls assembled from their pieces (id, name, and the argument
 * fragments in order), its finish reason and log probabilities, the usage from the last chunk, and
 * the governance of the headers with the last chunk's {@code governance} object merged over it
 * (docs/protocol.md §5). The result is what the same call without streaming would have answered.
 *
 * <p>A stream keeps one of its own ({@code ChatCompletionStream.completion()}); make one yourself to
 * rebuild the answer from chunks you handle, for example those of an async stream. Not
 * thread-safe: feed it from one thread at a time, in the stream's order.
 *
 * <pre>{@code
 * ChatCompletionAccumulator acc = ChatCompletionAccumulator.create(stream.governance());
 * for (ChatCompletionChunk chunk : stream) {
 *     System.out.print(acc.add(chunk).content());
 * }
 * ChatCompletion whole = acc.completion();
 * whole.choices().get(0).message().toolCalls();   // arguments joined
 * }</pre>
 */
public final class ChatCompletionAccumulator {

    private String id;
    private long created;
    private String model;
    private JsonNode systemFingerprint;
    private JsonNode serviceTier;
    private JsonNode usage;
    private Governance governance;
    private final Map<Integer, ChoiceParts> choices = new TreeMap<>();
    private long chunks;

    private ChatCompletionAccumulator(Governance governance) {
        this.governance = Objects.requireNonNull(governance, "governance");
    }

    /**
     * An accumulator whose governance starts empty.
     *
     * @return the accumulator
     */
    public static ChatCompletionAccumulator create() {
        return new ChatCompletionAccumulator(Governance.empty());
    }

    /**
     * An accumulator whose governance starts from the stream's headers.
     *
     * @param fromHeaders the governance the response headers carried
     * @return the accumulator
     */
    public static ChatCompletionAccumulator create(Governance fromHeaders) {
        return new ChatCompletionAccumulator(fromHeaders);
    }

    /**
     * Adds the next chunk.
     *
     * @param chunk the chunk, in stream order
     * @return the same chunk, so that adding fits in a loop or a {@code map}
     */
    public ChatCompletionChunk add(ChatCompletionChunk chunk) {
        JsonNode tree = chunk.tree();
        chunks++;
        if (id == null && !chunk.id().isEmpty()) {
            id = chunk.id();
        }
        if (created == 0) {
            created = chunk.created();
        }
        if (model == null && !chunk.model().isEmpty()) {
            model = chunk.model();
        }
        systemFingerprint = lastPresent(systemFingerprint, tree.get("system_fingerprint"));
        serviceTier = lastPresent(serviceTier, tree.get("service_tier"));
        JsonNode u = tree.get("usage");
        if (u != null && u.isObject()) {
            usage = u;
        }
        JsonNode g = tree.get("governance");
        if (g != null && g.isObject()) {
            governance = governance.mergedWith(g);
        }
        JsonNode cs = tree.get("choices");
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs) {
                choices.computeIfAbsent(c.path("index").asInt(0), ChoiceParts::new)
                        .add(c);
            }
        }
        return chunk;
    }

    /**
     * How many chunks were added.
     *
     * @return the count
     */
    public long chunkCount() {
        return chunks;
    }

    /**
     * The governance so far: the starting one with every {@code governance} object added merged
     * over it.
     *
     * @return the governance
     */
    public Governance governance() {
        return governance;
    }

    /**
     * The completion built from the chunks added so far: the whole answer once the last chunk is
     * in, a partial one before.
     *
     * @return the completion, {@code object} {@code chat.completion}
     */
    public ChatCompletion completion() {
        ObjectNode root = Json.object();
        root.put("id", id == null ? "" : id);
        root.put("object", "chat.completion");
        root.put("created", created);
        root.put("model", model == null ? "" : model);
        if (systemFingerprint != null) {
            root.set("system_fingerprint", systemFingerprint);
        }
        if (serviceTier != null) {
            root.set("service_tier", serviceTier);
        }
        ArrayNode out = root.putArray("choices");
        choices.values().forEach(c -> out.add(c.toJson()));
        if (usage != null) {
            root.set("usage", usage);
        }
        return ChatCompletion.fromJson(root, governance);
    }

    private static JsonNode lastPresent(JsonNode current, JsonNode next) {
        return next == null || next.isNull() ? current : next;
    }

    private static StringBuilder append(StringBuilder target, JsonNode piece) {
        if (piece == null || !piece.isTextual()) {
            return target;
        }
        return (target == null ? new StringBuilder() : target).append(piece.textValue());
    }

    /** One choice as its pieces arrive. */
    private static final class ChoiceParts {
        private final int index;
        private String role;
        private StringBuilder content;
        private StringBuilder refusal;
        private final Map<Integer, CallParts> toolCalls = new TreeMap<>();
        private CallParts functionCall;
        private String finishReason;
        private ArrayNode contentLogprobs;
        private ArrayNode refusalLogprobs;
        private ObjectNode other;

        ChoiceParts(int index) {
            this.index = index;
        }

        void add(JsonNode choice) {
            JsonNode reason = choice.get("finish_reason");
            if (reason != null && reason.isTextual()) {
                finishReason = reason.textValue();
            }
            JsonNode logprobs = choice.get("logprobs");
            if (logprobs != null && logprobs.isObject()) {
                contentLogprobs = appendAll(contentLogprobs, logprobs.get("content"));
                refusalLogprobs = appendAll(refusalLogprobs, logprobs.get("refusal"));
            }
            JsonNode delta = choice.get("delta");
            if (delta == null || !delta.isObject()) {
                return;
            }
            for (Map.Entry<String, JsonNode> field : delta.properties()) {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "role" -> {
                        if (role == null && value.isTextual()) {
                            role = value.textValue();
                        }
                    }
                    case "content" -> content = append(content, value);
                    case "refusal" -> refusal = append(refusal, value);
                    case "tool_calls" -> {
                        for (JsonNode call : value) {
                            toolCalls
                                    .computeIfAbsent(call.path("index").asInt(0), i -> new CallParts())
                                    .add(call, call.get("function"));
                        }
                    }
                    case "function_call" -> {
                        if (value.isObject()) {
                            functionCall = functionCall == null ? new CallParts() : functionCall;
                            functionCall.add(value, value);
                        }
                    }
                    default -> mergeOther(field.getKey(), value);
                }
            }
        }

        /** Fields the SDK does not model: text pieces are joined, anything else replaced. */
        private void mergeOther(String name, JsonNode value) {
            if (value.isNull()) {
                return;
            }
            other = other == null ? Json.object() : other;
            JsonNode previous = other.get(name);
            if (value.isTextual() && previous != null && previous.isTextual()) {
                other.put(name, previous.textValue() + value.textValue());
            } else {
                other.set(name, value);
            }
        }

        private static ArrayNode appendAll(ArrayNode target, JsonNode items) {
            if (items == null || !items.isArray()) {
                return target;
            }
            ArrayNode out = target == null ? Json.array() : target;
            out.addAll((ArrayNode) items);
            return out;
        }

        ObjectNode toJson() {
            ObjectNode choice = Json.object();
            choice.put("index", index);
            ObjectNode message = choice.putObject("message");
            message.put("role", role == null ? "assistant" : role);
            if (content == null) {
                message.putNull("content");
            } else {
                message.put("content", content.toString());
            }
            if (refusal != null) {
                message.put("refusal", refusal.toString());
            }
            if (!toolCalls.isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                toolCalls.values().forEach(c -> calls.add(c.toToolCall()));
            }
            if (functionCall != null) {
                message.set("function_call", functionCall.toFunction());
            }
            if (other != null) {
                other.properties().forEach(e -> message.set(e.getKey(), e.getValue()));
            }
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
            if (contentLogprobs != null || refusalLogprobs != null) {
                ObjectNode logprobs = choice.putObject("logprobs");
                logprobs.set("content", contentLogprobs == null ? Json.array() : contentLogprobs);
                logprobs.set("refusal", refusalLogprobs == null ? Json.array() : refusalLogprobs);
            }
            return choice;
        }
    }

    /** One tool call (or the deprecated function call) as its pieces arrive. */
    private static final class CallParts {
        private String id;
        private String type;
        private StringBuilder name;
        private StringBuilder arguments;

        void add(JsonNode call, JsonNode function) {
            JsonNode i = call.get("id");
            if (id == null && i != null && i.isTextual() && !i.textValue().isEmpty()) {
                id = i.textValue();
            }
            JsonNode t = call.get("type");
            if (type == null && t != null && t.isTextual()) {
                type = t.textValue();
            }
            if (function != null && function.isObject()) {
                // OpenAI sends the name once and the arguments in fragments; both are joined as they
                // come, as OpenAI's own clients do.
                name = append(name, function.get("name"));
                arguments = append(arguments, function.get("arguments"));
            }
        }

        ObjectNode toFunction() {
            ObjectNode function = Json.object();
            function.put("name", name == null ? "" : name.toString());
            function.put("arguments", arguments == null ? "" : arguments.toString());
            return function;
        }

        ObjectNode toToolCall() {
            ObjectNode call = Json.object();
            call.put("id", id == null ? "" : id);
            call.put("type", type == null ? "function" : type);
            call.set("function", toFunction());
            return call;
        }
    }
}
