package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message of a conversation. The five roles of the chat-completions API each have their own
 * type; the static factories cover the common cases.
 *
 * <pre>{@code
 * List<ChatMessage> messages = List.of(
 *         ChatMessage.system("Kamu asisten klinis untuk dokter."),
 *         ChatMessage.user("Pasien batuk 2 minggu"));
 * }</pre>
 */
public sealed interface ChatMessage
        permits SystemMessage, DeveloperMessage, UserMessage, AssistantMessage, ToolMessage {

    /**
     * The message's role on the wire.
     *
     * @return {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
     */
    String role();

    /**
     * The message as it is sent.
     *
     * @return a new JSON object
     */
    ObjectNode toJson();

    /**
     * A system message.
     *
     * @param text the instructions
     * @return the message
     */
    static SystemMessage system(String text) {
        return SystemMessage.of(text);
    }

    /**
     * A developer message (the newer models' name for system instructions).
     *
     * @param text the instructions
     * @return the message
     */
    static DeveloperMessage developer(String text) {
        return DeveloperMessage.of(text);
    }

    /**
     * A user message.
     *
     * @param text the text
     * @return the message
     */
    static UserMessage user(String text) {
        return UserMessage.of(text);
    }

    /**
     * An assistant message, e.g. an earlier answer replayed as history.
     *
     * @param text the text
     * @return the message
     */
    static AssistantMessage assistant(String text) {
        return AssistantMessage.of(text);
    }

    /**
     * A tool result.
     *
     * @param toolCallId the id of the tool call this answers
     * @param content the result
     * @return the message
     */
    static ToolMessage tool(String toolCallId, String content) {
        return ToolMessage.of(toolCallId, content);
    }
}
