package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from the model, replayed in the history: text, a refusal, and the tool calls it made.
 *
 * <pre>{@code
 * ChatMessage earlier = AssistantMessage.of("Batuk 2 minggu bisa karena ...");
 * ChatMessage withTools = AssistantMessage.builder()
 *         .addToolCall(ToolCall.ofFunction("call_1", "lookup_patient", "{\"mrn\":\"A-1\"}"))
 *         .build();
 * }</pre>
 */
public final class AssistantMessage implements ChatMessage {

    private final MessageContent content;
    private final String refusal;
    private final String name;
    private final List<ToolCall> toolCalls;
    private final String audioId;
    private final FunctionCall functionCall;

    private AssistantMessage(Builder b) {
        this.content = b.content;
        this.refusal = b.refusal;
        this.name = b.name;
        this.toolCalls = List.copyOf(b.toolCalls);
        this.audioId = b.audioId;
        this.functionCall = b.functionCall;
    }

    /**
     * A text answer.
     *
     * @param text the text
     * @return the message
     */
    public static AssistantMessage of(String text) {
        return builder().content(text).build();
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
     * The content.
     *
     * @return the content, or empty (e.g. for a message with only tool calls)
     */
    public Optional<MessageContent> content() {
        return Optional.ofNullable(content);
    }

    /**
     * The refusal.
     *
     * @return the refusal text, or empty
     */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * The participant name.
     *
     * @return the name, or empty
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The tool calls the model made.
     *
     * @return an unmodifiable list, empty when none
     */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /**
     * The id of an earlier audio answer this message refers to.
     *
     * @return the id, or empty
     */
    public Optional<String> audioId() {
        return Optional.ofNullable(audioId);
    }

    /**
     * The deprecated single function call.
     *
     * @return the call, or empty
     * @deprecated use {@link #toolCalls()}
     */
    @Deprecated
    public Optional<FunctionCall> functionCall() {
        return Optional.ofNullable(functionCall);
    }

    @Override
    public String role() {
        return "assistant";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("role", role());
        if (content != null) {
            node.set("content", content.toJson());
        } else {
            node.putNull("content");
        }
        Json.putIfPresent(node, "refusal", refusal);
        Json.putIfPresent(node, "name", name);
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            toolCalls.forEach(call -> calls.add(call.toJson()));
        }
        if (audioId != null) {
            node.putObject("audio").put("id", audioId);
        }
        if (functionCall != null) {
            node.set("function_call", functionCall.toJson());
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssistantMessage m
                && Objects.equals(content, m.content)
                && Objects.equals(refusal, m.refusal)
                && Objects.equals(name, m.name)
                && toolCalls.equals(m.toolCalls)
                && Objects.equals(audioId, m.audioId)
                && Objects.equals(functionCall, m.functionCall);
    }

    @Override
    public int hashCode() {
        return Objects.hash(content, refusal, name, toolCalls, audioId, functionCall);
    }

    @Override
    public String toString() {
        return "AssistantMessage[" + content + ", toolCalls=" + toolCalls.size() + "]";
    }

    /** Builds an {@link AssistantMessage}. */
    public static final class Builder {
        private MessageContent content;
        private String refusal;
        private String name;
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private String audioId;
        private FunctionCall functionCall;

        private Builder() {}

        /**
         * Sets text content.
         *
         * @param text the text
         * @return this builder
         */
        public Builder content(String text) {
            this.content = MessageContent.text(text);
            return this;
        }

        /**
         * Sets content (text, or text and refusal parts).
         *
         * @param content the content
         * @return this builder
         */
        public Builder content(MessageContent content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /**
         * Sets the refusal.
         *
         * @param refusal the refusal text
         * @return this builder
         */
        public Builder refusal(String refusal) {
            this.refusal = Objects.requireNonNull(refusal, "refusal");
            return this;
        }

        /**
         * Sets the participant name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Replaces the tool calls.
         *
         * @param toolCalls the calls
         * @return this builder
         */
        public Builder toolCalls(List<ToolCall> toolCalls) {
            this.toolCalls.clear();
            this.toolCalls.addAll(toolCalls);
            return this;
        }

        /**
         * Adds a tool call.
         *
         * @param toolCall the call
         * @return this builder
         */
        public Builder addToolCall(ToolCall toolCall) {
            this.toolCalls.add(Objects.requireNonNull(toolCall, "toolCall"));
            return this;
        }

        /**
         * Refers to an earlier audio answer.
         *
         * @param audioId the audio id from that answer
         * @return this builder
         */
        public Builder audioId(String audioId) {
            this.audioId = Objects.requireNonNull(audioId, "audioId");
            return this;
        }

        /**
         * Sets the deprecated single function call.
         *
         * @param functionCall the call
         * @return this builder
         * @deprecated use {@link #addToolCall(ToolCall)}
         */
        @Deprecated
        public Builder functionCall(FunctionCall functionCall) {
            this.functionCall = Objects.requireNonNull(functionCall, "functionCall");
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public AssistantMessage build() {
            return new AssistantMessage(this);
        }
    }
}
