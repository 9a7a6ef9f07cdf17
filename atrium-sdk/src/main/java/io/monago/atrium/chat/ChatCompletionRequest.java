package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.RequestLimitsCheck;
import io.monago.atrium.protocol.RequestLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /chat/completions}: OpenAI's chat-completions request, every field typed,
 * plus {@link Builder#putAdditionalProperty} for fields this SDK does not model yet. Immutable;
 * {@link #toBuilder()} starts a changed copy.
 *
 * <pre>{@code
 * ChatCompletionRequest request = ChatCompletionRequest.builder()
 *         .model("gpt-5.4-mini")
 *         .addSystemMessage("Kamu asisten klinis untuk dokter.")
 *         .addUserMessage("Pasien batuk 2 minggu. Diagnosa banding?")
 *         .temperature(0.2)
 *         .user("dr-siti")
 *         .sessionId("ward-7")
 *         .putMetadata("department", "paru")
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks {@code user} and {@code metadata} against the protocol's limits
 * ({@link RequestLimits}) and fails with an {@link IllegalArgumentException} naming the field, so a
 * request that the gateway would refuse never leaves the process.
 */
public final class ChatCompletionRequest {

    private final Builder state;
    private final ObjectNode json;

    private ChatCompletionRequest(Builder state) {
        this.state = state;
        this.json = render(state);
        RequestLimitsCheck.check(json);
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return state.copy();
    }

    /**
     * The model.
     *
     * @return the model id
     */
    public String model() {
        return state.model;
    }

    /**
     * The conversation.
     *
     * @return an unmodifiable list of the messages
     */
    public List<ChatMessage> messages() {
        return Collections.unmodifiableList(state.messages);
    }

    /**
     * The end user's id.
     *
     * @return the id, or empty
     */
    public Optional<String> user() {
        return Optional.ofNullable(state.user);
    }

    /**
     * The metadata tags attached to the call's audit record, as sent: the tags given with {@code
     * metadata} and {@code putMetadata}, and the session id under {@value RequestLimits#SESSION_ID_KEY}.
     *
     * @return an unmodifiable map, empty when none
     */
    public Map<String, String> metadata() {
        Map<String, String> sent = sentMetadata(state);
        return sent == null ? Map.of() : Collections.unmodifiableMap(sent);
    }

    /**
     * The session id: the one given with {@code sessionId}, else the metadata tag
     * {@value RequestLimits#SESSION_ID_KEY}.
     *
     * @return the session id, or empty
     */
    public Optional<String> sessionId() {
        return Optional.ofNullable(metadata().get(RequestLimits.SESSION_ID_KEY));
    }

    // The session id lives apart from the tags until the body is written, so that neither
    // metadata(...) after sessionId(...) nor the reverse loses it.
    private static Map<String, String> sentMetadata(Builder s) {
        if (s.sessionId == null) {
            return s.metadata;
        }
        Map<String, String> sent = s.metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(s.metadata);
        sent.put(RequestLimits.SESSION_ID_KEY, s.sessionId);
        return sent;
    }

    /**
     * The tools the model may call.
     *
     * @return an unmodifiable list, empty when none
     */
    public List<Tool> tools() {
        return state.tools == null ? List.of() : Collections.unmodifiableList(state.tools);
    }

    /**
     * Whether the body asks for a streamed answer.
     *
     * @return the {@code stream} value, false when unset
     */
    public boolean stream() {
        JsonNode stream = json.get("stream");
        return stream != null && stream.asBoolean();
    }

    /**
     * Fields set through {@link Builder#putAdditionalProperty}.
     *
     * @return an unmodifiable map of copies
     */
    public Map<String, JsonNode> additionalProperties() {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        state.additional.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The body exactly as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatCompletionRequest r && json.equals(r.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        // Messages may carry personal data; only the shape is shown.
        return "ChatCompletionRequest{model=" + state.model + ", messages=" + state.messages.size() + "}";
    }

    private static ObjectNode render(Builder s) {
        ObjectNode node = Json.object().put("model", s.model);
        ArrayNode messages = node.putArray("messages");
        s.messages.forEach(m -> messages.add(m.toJson()));
        Json.putIfPresent(node, "temperature", s.temperature);
        Json.putIfPresent(node, "top_p", s.topP);
        Json.putIfPresent(node, "max_tokens", s.maxTokens);
        Json.putIfPresent(node, "max_completion_tokens", s.maxCompletionTokens);
        Json.putIfPresent(node, "n", s.n);
        Json.putIfPresent(node, "stop", s.stop);
        Json.putIfPresent(node, "seed", s.seed);
        Json.putIfPresent(node, "presence_penalty", s.presencePenalty);
        Json.putIfPresent(node, "frequency_penalty", s.frequencyPenalty);
        Json.putIfPresent(node, "logit_bias", s.logitBias);
        Json.putIfPresent(node, "logprobs", s.logprobs);
        Json.putIfPresent(node, "top_logprobs", s.topLogprobs);
        if (s.responseFormat != null) {
            node.set("response_format", s.responseFormat.toJson());
        }
        if (s.tools != null) {
            ArrayNode tools = node.putArray("tools");
            s.tools.forEach(t -> tools.add(t.toJson()));
        }
        if (s.toolChoice != null) {
            node.set("tool_choice", s.toolChoice.toJson());
        }
        Json.putIfPresent(node, "parallel_tool_calls", s.parallelToolCalls);
        Json.putIfPresent(node, "stream", s.stream);
        if (s.streamOptions != null) {
            node.set("stream_options", s.streamOptions.toJson());
        }
        Json.putIfPresent(node, "user", s.user);
        Json.putIfPresent(node, "metadata", sentMetadata(s));
        Json.putIfPresent(node, "store", s.store);
        Json.putIfPresent(node, "reasoning_effort", s.reasoningEffort);
        Json.putIfPresent(node, "verbosity", s.verbosity);
        Json.putIfPresent(node, "service_tier", s.serviceTier);
        Json.putIfPresent(node, "modalities", s.modalities);
        if (s.audio != null) {
            node.set("audio", s.audio.toJson());
        }
        if (s.prediction != null) {
            node.set("prediction", s.prediction.toJson());
        }
        if (s.webSearchOptions != null) {
            node.set("web_search_options", s.webSearchOptions.toJson());
        }
        Json.putIfPresent(node, "safety_identifier", s.safetyIdentifier);
        Json.putIfPresent(node, "prompt_cache_key", s.promptCacheKey);
        if (s.functions != null) {
            ArrayNode functions = node.putArray("functions");
            s.functions.forEach(f -> functions.add(f.toJson()));
        }
        Json.putIfPresent(node, "function_call", s.functionCall);
        // Written last, so an additional property replaces a typed field of the same name.
        s.additional.forEach((name, value) -> node.set(name, value.deepCopy()));
        return node;
    }

    /** Builds a {@link ChatCompletionRequest}; {@link #model} and at least one message are required. */
    public static final class Builder {
        private String model;
        private List<ChatMessage> messages = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private Integer maxCompletionTokens;
        private Integer n;
        private JsonNode stop;
        private Long seed;
        private Double presencePenalty;
        private Double frequencyPenalty;
        private Map<String, Integer> logitBias;
        private Boolean logprobs;
        private Integer topLogprobs;
        private ResponseFormat responseFormat;
        private List<Tool> tools;
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private Boolean stream;
        private StreamOptions streamOptions;
        private String user;
        private Map<String, String> metadata;
        private String sessionId;
        private Boolean store;
        private String reasoningEffort;
        private String verbosity;
        private String serviceTier;
        private List<String> modalities;
        private AudioOutput audio;
        private Prediction prediction;
        private WebSearchOptions webSearchOptions;
        private String safetyIdentifier;
        private String promptCacheKey;
        private List<FunctionDefinition> functions;
        private JsonNode functionCall;
        private Map<String, JsonNode> additional = new LinkedHashMap<>();

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.model = model;
            b.messages = new ArrayList<>(messages);
            b.temperature = temperature;
            b.topP = topP;
            b.maxTokens = maxTokens;
            b.maxCompletionTokens = maxCompletionTokens;
            b.n = n;
            b.stop = stop;
            b.seed = seed;
            b.presencePenalty = presencePenalty;
            b.frequencyPenalty = frequencyPenalty;
            b.logitBias = logitBias == null ? null : new LinkedHashMap<>(logitBias);
            b.logprobs = logprobs;
            b.topLogprobs = topLogprobs;
            b.responseFormat = responseFormat;
            b.tools = tools == null ? null : new ArrayList<>(tools);
            b.toolChoice = toolChoice;
            b.parallelToolCalls = parallelToolCalls;
            b.stream = stream;
            b.streamOptions = streamOptions;
            b.user = user;
            b.metadata = metadata == null ? null : new LinkedHashMap<>(metadata);
            b.sessionId = sessionId;
            b.store = store;
            b.reasoningEffort = reasoningEffort;
            b.verbosity = verbosity;
            b.serviceTier = serviceTier;
            b.modalities = modalities == null ? null : new ArrayList<>(modalities);
            b.audio = audio;
            b.prediction = prediction;
            b.webSearchOptions = webSearchOptions;
            b.safetyIdentifier = safetyIdentifier;
            b.promptCacheKey = promptCacheKey;
            b.functions = functions == null ? null : new ArrayList<>(functions);
            b.functionCall = functionCall;
            b.additional = new LinkedHashMap<>(additional);
            return b;
        }

        /**
         * Sets the model ({@code model}).
         *
         * @param model the model id, e.g. {@code gpt-5.4-mini}
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Replaces the conversation ({@code messages}).
         *
         * @param messages the messages, oldest first
         * @return this builder
         */
        public Builder messages(List<? extends ChatMessage> messages) {
            this.messages = new ArrayList<>(messages);
            return this;
        }

        /**
         * Appends a message.
         *
         * @param message the message
         * @return this builder
         */
        public Builder addMessage(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * Appends a model's answer as the assistant's turn, tool calls included (its
         * {@link ChatCompletionMessage#toAssistantMessage()}), to continue the conversation.
         *
         * <pre>{@code
         * ChatCompletionMessage answer = completion.choices().get(0).message();
         * next.addMessage(answer).addMessage(ToolMessage.of(answer.toolCalls().get(0).id(), result));
         * }</pre>
         *
         * @param answer the message of a {@link Choice}
         * @return this builder
         */
        public Builder addMessage(ChatCompletionMessage answer) {
            return addMessage(Objects.requireNonNull(answer, "answer").toAssistantMessage());
        }

        /**
         * Appends a system message.
         *
         * @param text the instructions
         * @return this builder
         */
        public Builder addSystemMessage(String text) {
            return addMessage(SystemMessage.of(text));
        }

        /**
         * Appends a developer message.
         *
         * @param text the instructions
         * @return this builder
         */
        public Builder addDeveloperMessage(String text) {
            return addMessage(DeveloperMessage.of(text));
        }

        /**
         * Appends a user message.
         *
         * @param text the text
         * @return this builder
         */
        public Builder addUserMessage(String text) {
            return addMessage(UserMessage.of(text));
        }

        /**
         * Appends a multi-part user message.
         *
         * @param parts text, images, audio or files
         * @return this builder
         */
        public Builder addUserMessage(ContentPart... parts) {
            return addMessage(UserMessage.of(parts));
        }

        /**
         * Appends an assistant message (an earlier answer).
         *
         * @param text the text
         * @return this builder
         */
        public Builder addAssistantMessage(String text) {
            return addMessage(AssistantMessage.of(text));
        }

        /**
         * Appends a tool result.
         *
         * @param toolCallId the id of the tool call this answers
         * @param content the result
         * @return this builder
         */
        public Builder addToolMessage(String toolCallId, String content) {
            return addMessage(ToolMessage.of(toolCallId, content));
        }

        /**
         * Sets the sampling temperature ({@code temperature}).
         *
         * @param temperature 0 to 2; lower is more deterministic
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets nucleus sampling ({@code top_p}).
         *
         * @param topP probability mass to sample from, 0 to 1
         * @return this builder
         */
        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * Sets the answer's token limit the older way ({@code max_tokens}).
         *
         * @param maxTokens the limit
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the answer's token limit, reasoning tokens included ({@code max_completion_tokens}).
         *
         * @param maxCompletionTokens the limit
         * @return this builder
         */
        public Builder maxCompletionTokens(int maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /**
         * Sets how many answers to generate ({@code n}).
         *
         * @param n the number of choices
         * @return this builder
         */
        public Builder n(int n) {
            this.n = n;
            return this;
        }

        /**
         * Sets one stop sequence ({@code stop} as a string).
         *
         * @param stop the sequence
         * @return this builder
         */
        public Builder stop(String stop) {
            this.stop = TextNode.valueOf(Objects.requireNonNull(stop, "stop"));
            return this;
        }

        /**
         * Sets stop sequences ({@code stop} as a list).
         *
         * @param stop up to 4 sequences
         * @return this builder
         */
        public Builder stop(List<String> stop) {
            this.stop = Json.toTree(List.copyOf(stop));
            return this;
        }

        /**
         * Sets the seed for best-effort deterministic sampling ({@code seed}).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the presence penalty ({@code presence_penalty}).
         *
         * @param presencePenalty -2 to 2
         * @return this builder
         */
        public Builder presencePenalty(double presencePenalty) {
            this.presencePenalty = presencePenalty;
            return this;
        }

        /**
         * Sets the frequency penalty ({@code frequency_penalty}).
         *
         * @param frequencyPenalty -2 to 2
         * @return this builder
         */
        public Builder frequencyPenalty(double frequencyPenalty) {
            this.frequencyPenalty = frequencyPenalty;
            return this;
        }

        /**
         * Replaces the token biases ({@code logit_bias}).
         *
         * @param logitBias token id (as a string) to bias, -100 to 100
         * @return this builder
         */
        public Builder logitBias(Map<String, Integer> logitBias) {
            this.logitBias = new LinkedHashMap<>(logitBias);
            return this;
        }

        /**
         * Adds one token bias.
         *
         * @param tokenId the token id
         * @param bias -100 to 100
         * @return this builder
         */
        public Builder putLogitBias(String tokenId, int bias) {
            if (logitBias == null) {
                logitBias = new LinkedHashMap<>();
            }
            logitBias.put(Objects.requireNonNull(tokenId, "tokenId"), bias);
            return this;
        }

        /**
         * Asks for log probabilities of the answer's tokens ({@code logprobs}).
         *
         * @param logprobs true to return them
         * @return this builder
         */
        public Builder logprobs(boolean logprobs) {
            this.logprobs = logprobs;
            return this;
        }

        /**
         * Sets how many alternatives to return per token ({@code top_logprobs}); needs
         * {@link #logprobs(boolean)}.
         *
         * @param topLogprobs 0 to 20
         * @return this builder
         */
        public Builder topLogprobs(int topLogprobs) {
            this.topLogprobs = topLogprobs;
            return this;
        }

        /**
         * Sets the answer format ({@code response_format}).
         *
         * @param responseFormat text, JSON object or JSON schema
         * @return this builder
         */
        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat");
            return this;
        }

        /**
         * Replaces the tools ({@code tools}).
         *
         * @param tools the tools
         * @return this builder
         */
        public Builder tools(List<Tool> tools) {
            this.tools = new ArrayList<>(tools);
            return this;
        }

        /**
         * Adds a tool.
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder addTool(Tool tool) {
            if (tools == null) {
                tools = new ArrayList<>();
            }
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * Sets whether and which tool the model must call ({@code tool_choice}).
         *
         * @param toolChoice the choice
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = Objects.requireNonNull(toolChoice, "toolChoice");
            return this;
        }

        /**
         * Sets whether the model may call several tools at once ({@code parallel_tool_calls}).
         *
         * @param parallelToolCalls true to allow
         * @return this builder
         */
        public Builder parallelToolCalls(boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /**
         * Sets {@code stream}. This SDK version returns whole completions:
         * {@code create} refuses {@code stream = true}.
         *
         * @param stream whether to stream
         * @return this builder
         */
        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /**
         * Sets options for a streamed answer ({@code stream_options}).
         *
         * @param streamOptions the options
         * @return this builder
         */
        public Builder streamOptions(StreamOptions streamOptions) {
            this.streamOptions = Objects.requireNonNull(streamOptions, "streamOptions");
            return this;
        }

        /**
         * Sets the end user's id ({@code user}), recorded in the audit record.
         *
         * @param user at most {@value RequestLimits#USER_MAX_CHARS} characters
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * Replaces the metadata tags ({@code metadata}), recorded in the audit record. A session id
         * set with {@link #sessionId(String)} is kept, whichever is called first.
         *
         * @param metadata at most {@value RequestLimits#METADATA_MAX_KEYS} keys (the session id
         *     counts as one) of at most {@value RequestLimits#METADATA_KEY_MAX_CHARS} characters,
         *     values of at most {@value RequestLimits#METADATA_VALUE_MAX_CHARS}
         * @return this builder
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = new LinkedHashMap<>(metadata);
            return this;
        }

        /**
         * Adds one metadata tag.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder putMetadata(String key, String value) {
            if (metadata == null) {
                metadata = new LinkedHashMap<>();
            }
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Tags the call with a session id, sent as the metadata tag {@value
         * RequestLimits#SESSION_ID_KEY}. It survives a later {@link #metadata(Map)}, which replaces
         * only the other tags, and counts as one of the {@value RequestLimits#METADATA_MAX_KEYS}
         * metadata keys. A metadata tag {@value RequestLimits#SESSION_ID_KEY} with another value makes
         * {@link #build()} fail rather than send one of the two.
         *
         * <pre>{@code
         * builder.sessionId("ward-7").metadata(Map.of("department", "paru"));
         * // metadata sent: {"department": "paru", "session_id": "ward-7"}
         * }</pre>
         *
         * @param sessionId the session id
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
            return this;
        }

        /**
         * Sets whether the provider stores the completion ({@code store}).
         *
         * @param store true to store
         * @return this builder
         */
        public Builder store(boolean store) {
            this.store = store;
            return this;
        }

        /**
         * Sets the reasoning effort of reasoning models ({@code reasoning_effort}).
         *
         * @param reasoningEffort e.g. {@code minimal}, {@code low}, {@code medium}, {@code high}
         * @return this builder
         */
        public Builder reasoningEffort(String reasoningEffort) {
            this.reasoningEffort = Objects.requireNonNull(reasoningEffort, "reasoningEffort");
            return this;
        }

        /**
         * Sets how verbose the answer is ({@code verbosity}).
         *
         * @param verbosity {@code low}, {@code medium} or {@code high}
         * @return this builder
         */
        public Builder verbosity(String verbosity) {
            this.verbosity = Objects.requireNonNull(verbosity, "verbosity");
            return this;
        }

        /**
         * Sets the provider's processing tier ({@code service_tier}).
         *
         * @param serviceTier e.g. {@code auto}, {@code default}, {@code flex}, {@code priority}
         * @return this builder
         */
        public Builder serviceTier(String serviceTier) {
            this.serviceTier = Objects.requireNonNull(serviceTier, "serviceTier");
            return this;
        }

        /**
         * Sets the output modalities ({@code modalities}).
         *
         * @param modalities e.g. {@code ["text"]} or {@code ["text", "audio"]}
         * @return this builder
         */
        public Builder modalities(List<String> modalities) {
            this.modalities = new ArrayList<>(modalities);
            return this;
        }

        /**
         * Sets spoken output ({@code audio}).
         *
         * @param audio voice and format
         * @return this builder
         */
        public Builder audio(AudioOutput audio) {
            this.audio = Objects.requireNonNull(audio, "audio");
            return this;
        }

        /**
         * Sets predicted output ({@code prediction}).
         *
         * @param prediction the predicted text
         * @return this builder
         */
        public Builder prediction(Prediction prediction) {
            this.prediction = Objects.requireNonNull(prediction, "prediction");
            return this;
        }

        /**
         * Sets web search options ({@code web_search_options}).
         *
         * @param webSearchOptions the options
         * @return this builder
         */
        public Builder webSearchOptions(WebSearchOptions webSearchOptions) {
            this.webSearchOptions = Objects.requireNonNull(webSearchOptions, "webSearchOptions");
            return this;
        }

        /**
         * Sets a stable, hashed id of the end user for the provider's abuse detection
         * ({@code safety_identifier}).
         *
         * @param safetyIdentifier the id
         * @return this builder
         */
        public Builder safetyIdentifier(String safetyIdentifier) {
            this.safetyIdentifier = Objects.requireNonNull(safetyIdentifier, "safetyIdentifier");
            return this;
        }

        /**
         * Sets the provider's prompt cache key ({@code prompt_cache_key}).
         *
         * @param promptCacheKey the key
         * @return this builder
         */
        public Builder promptCacheKey(String promptCacheKey) {
            this.promptCacheKey = Objects.requireNonNull(promptCacheKey, "promptCacheKey");
            return this;
        }

        /**
         * Sets the deprecated function list ({@code functions}).
         *
         * @param functions the functions
         * @return this builder
         * @deprecated use {@link #tools(List)}
         */
        @Deprecated
        public Builder functions(List<FunctionDefinition> functions) {
            this.functions = new ArrayList<>(functions);
            return this;
        }

        /**
         * Sets the deprecated {@code function_call} mode.
         *
         * @param mode {@code none} or {@code auto}
         * @return this builder
         * @deprecated use {@link #toolChoice(ToolChoice)}
         */
        @Deprecated
        public Builder functionCall(String mode) {
            this.functionCall = TextNode.valueOf(Objects.requireNonNull(mode, "mode"));
            return this;
        }

        /**
         * Forces the deprecated {@code function_call} to one function.
         *
         * @param name the function name
         * @return this builder
         * @deprecated use {@link #toolChoice(ToolChoice)} with {@link ToolChoice#function(String)}
         */
        @Deprecated
        public Builder functionCallByName(String name) {
            this.functionCall = Json.object().put("name", Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Sets a body field this SDK does not model. Written after the typed fields, so it replaces
         * a typed field of the same name. The gateway refuses names outside docs/protocol.md §2.
         *
         * @param name the field name
         * @param value a {@link JsonNode}, or plain Java values (maps, lists, strings, numbers,
         *     booleans, null)
         * @return this builder
         */
        public Builder putAdditionalProperty(String name, Object value) {
            additional.put(Objects.requireNonNull(name, "name"), Json.toTree(value));
            return this;
        }

        /**
         * Sets several body fields this SDK does not model, as {@link #putAdditionalProperty}.
         *
         * @param fields field names to values
         * @return this builder
         */
        public Builder extraBody(Map<String, ?> fields) {
            fields.forEach(this::putAdditionalProperty);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when the model or the messages are missing, or
         *     {@code user} or {@code metadata} break the protocol's limits (the message names the
         *     field and the limit), or the session id and the metadata tag {@code session_id} differ
         */
        public ChatCompletionRequest build() {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model is required");
            }
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("messages must hold at least one message");
            }
            if (sessionId != null && metadata != null) {
                String tagged = metadata.get(RequestLimits.SESSION_ID_KEY);
                if (tagged != null && !tagged.equals(sessionId)) {
                    throw new IllegalArgumentException("sessionId and the metadata tag " + RequestLimits.SESSION_ID_KEY
                            + " differ; set the session id one way");
                }
            }
            return new ChatCompletionRequest(copy());
        }
    }
}
