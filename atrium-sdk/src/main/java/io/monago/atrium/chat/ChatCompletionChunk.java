package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Governance;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One chunk of a streamed chat completion: OpenAI's {@code chat.completion.chunk} object. Most
 * chunks carry a piece of one choice's message; the last one before {@code [DONE]} has no choices
 * and carries the usage and, from an Atrium gateway, the {@code governance} object
 * (docs/protocol.md §5).
 *
 * <pre>{@code
 * try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
 *     for (ChatCompletionChunk chunk : stream) {
 *         System.out.print(chunk.content());
 *     }
 * }
 * }</pre>
 */
public final class ChatCompletionChunk {

    private static final Set<String> KNOWN = Set.of(
            "id", "object", "created", "model", "system_fingerprint", "service_tier", "choices", "usage", "governance");

    private final JsonNode raw;
    private final String id;
    private final String object;
    private final long created;
    private final String model;
    private final Optional<String> systemFingerprint;
    private final Optional<String> serviceTier;
    private final List<ChunkChoice> choices;
    private final Optional<Usage> usage;
    private final Optional<JsonNode> governance;
    private final Map<String, JsonNode> additionalProperties;

    private ChatCompletionChunk(JsonNode raw) {
        this.raw = raw;
        this.id = JsonFields.stringOrEmpty(raw, "id");
        this.object = JsonFields.string(raw, "object").orElse("chat.completion.chunk");
        this.created = JsonFields.longValue(raw, "created").orElse(0);
        this.model = JsonFields.stringOrEmpty(raw, "model");
        this.systemFingerprint = JsonFields.string(raw, "system_fingerprint");
        this.serviceTier = JsonFields.string(raw, "service_tier");
        this.choices = JsonFields.list(raw, "choices", ChunkChoice::fromJson);
        this.usage = JsonFields.object(raw, "usage").map(Usage::fromJson);
        this.governance = JsonFields.object(raw, "governance");
        this.additionalProperties = JsonFields.unknown(raw, KNOWN);
    }

    /**
     * Reads a chunk from the JSON of one event's data.
     *
     * @param chunk the chunk object
     * @return the chunk
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static ChatCompletionChunk fromJson(JsonNode chunk) {
        JsonFields.requireObject(chunk, "a chat completion chunk");
        return new ChatCompletionChunk(chunk.deepCopy());
    }

    /**
     * Reads a chunk from the JSON text of one event's data.
     *
     * <pre>{@code
     * ChatCompletionChunk chunk = ChatCompletionChunk.parse(event.data());
     * }</pre>
     *
     * @param json the text
     * @return the chunk
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static ChatCompletionChunk parse(String json) {
        JsonNode tree = Json.parse(json).orElse(null);
        JsonFields.requireObject(tree, "a chat completion chunk");
        return new ChatCompletionChunk(tree); // a tree of its own: nothing else holds it, so no copy
    }

    /**
     * The completion's id, the same in every chunk of one stream.
     *
     * @return the id, {@code ""} when absent
     */
    public String id() {
        return id;
    }

    /**
     * The object type.
     *
     * @return {@code chat.completion.chunk}
     */
    public String object() {
        return object;
    }

    /**
     * When the completion was created.
     *
     * @return Unix seconds, 0 when absent
     */
    public long created() {
        return created;
    }

    /**
     * The model that answers.
     *
     * @return the model id, {@code ""} when absent
     */
    public String model() {
        return model;
    }

    /**
     * The provider's backend configuration fingerprint.
     *
     * @return the fingerprint, or empty
     */
    public Optional<String> systemFingerprint() {
        return systemFingerprint;
    }

    /**
     * The processing tier the provider used.
     *
     * @return the tier, or empty
     */
    public Optional<String> serviceTier() {
        return serviceTier;
    }

    /**
     * What this chunk adds to each choice; empty in the last chunk, which carries usage.
     *
     * @return an unmodifiable list
     */
    public List<ChunkChoice> choices() {
        return choices;
    }

    /**
     * The token usage of the whole call, in the last chunk.
     *
     * @return the usage, or empty in every other chunk
     */
    public Optional<Usage> usage() {
        return usage;
    }

    /**
     * The piece of text this chunk adds to the first choice.
     *
     * @return the text, or {@code ""} when it adds none
     */
    public String content() {
        for (ChunkChoice choice : choices) {
            if (choice.index() == 0) {
                return choice.delta().content().orElse("");
            }
        }
        return "";
    }

    /**
     * The governance object of the last chunk, read on its own. The stream's
     * {@code governance()} merges it over the response headers, which is what to read for the
     * whole picture.
     *
     * @return the governance this chunk carries, or empty when it carries none
     */
    public Optional<Governance> governance() {
        return governance.map(Governance::fromJson);
    }

    /**
     * The {@code governance} object as sent.
     *
     * @return a copy of the object, or empty when the chunk carries none
     */
    public Optional<JsonNode> governanceJson() {
        return governance.map(JsonNode::deepCopy);
    }

    /**
     * Top-level fields this SDK does not model (e.g. {@code obfuscation}).
     *
     * @return an unmodifiable map, in document order
     */
    public Map<String, JsonNode> additionalProperties() {
        return additionalProperties;
    }

    /**
     * The whole chunk.
     *
     * @return a copy of the JSON tree
     */
    public JsonNode rawJson() {
        return raw.deepCopy();
    }

    /** The chunk's tree, shared rather than copied, for the accumulator in this package. */
    JsonNode tree() {
        return raw;
    }

    @Override
    public String toString() {
        // The text may carry personal data the caller's own input had; it stays out of toString.
        return "ChatCompletionChunk{id=" + id + ", choices=" + choices.size() + ", usage=" + usage.isPresent() + "}";
    }
}
