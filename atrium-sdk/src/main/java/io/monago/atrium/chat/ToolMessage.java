package io.monago.atrium.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * The result of a tool call, sent back to the model:
 * {@code {"role": "tool", "tool_call_id": "...", "content": ...}}.
 *
 * <pre>{@code
 * ChatMessage text = ToolMessage.of(call.id(), "{\"temperature\": 31}");   // text, sent as is
 * ChatMessage json = ToolMessage.of(call.id(), new Weather(31, "cerah"));    // {"temperature":31,"sky":"cerah"}
 * }</pre>
 */
public final class ToolMessage implements ChatMessage {

    private final String toolCallId;
    private final MessageContent content;

    private ToolMessage(String toolCallId, MessageContent content) {
        this.toolCallId = Objects.requireNonNull(toolCallId, "toolCallId");
        this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * A text tool result.
     *
     * @param toolCallId the id of the tool call this answers
     * @param content the result
     * @return the message
     */
    public static ToolMessage of(String toolCallId, String content) {
        return new ToolMessage(toolCallId, MessageContent.text(content));
    }

    /**
     * A tool result serialised to JSON text with Jackson's default binding: a record, bean, map,
     * list, number or {@code JsonNode}. A {@code String} is sent as is and a {@link MessageContent}
     * as that content, whatever the static type the call was made with.
     *
     * <pre>{@code
     * ToolMessage.of(call.id(), Map.of("found", true, "ward", "paru"));   // {"found":true,"ward":"paru"}
     * }</pre>
     *
     * @param toolCallId the id of the tool call this answers
     * @param result the result; null is sent as {@code null}
     * @return the message
     * @throws IllegalArgumentException when Jackson cannot write the result (the message names its
     *     class)
     */
    public static ToolMessage of(String toolCallId, Object result) {
        if (result instanceof String text) {
            return of(toolCallId, text);
        }
        if (result instanceof MessageContent content) {
            return of(toolCallId, content);
        }
        try {
            return of(toolCallId, Json.text(result));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the result of tool call " + toolCallId + " cannot be written as JSON: "
                            + result.getClass().getName(),
                    e);
        }
    }

    /**
     * A tool result with the given content.
     *
     * @param toolCallId the id of the tool call this answers
     * @param content text or text parts
     * @return the message
     */
    public static ToolMessage of(String toolCallId, MessageContent content) {
        return new ToolMessage(toolCallId, content);
    }

    /**
     * The id of the tool call this answers.
     *
     * @return the id
     */
    public String toolCallId() {
        return toolCallId;
    }

    /**
     * The result.
     *
     * @return the content
     */
    public MessageContent content() {
        return content;
    }

    @Override
    public String role() {
        return "tool";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("role", role());
        node.set("content", content.toJson());
        node.put("tool_call_id", toolCallId);
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolMessage m && toolCallId.equals(m.toolCallId) && content.equals(m.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toolCallId, content);
    }

    @Override
    public String toString() {
        return "ToolMessage[toolCallId=" + toolCallId + ", " + content + "]";
    }
}
