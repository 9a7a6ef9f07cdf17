package io.monago.atrium.chat;

import java.util.Objects;

/**
 * Instructions from the application that the model follows throughout the conversation: {@code {"role": "system", "content": ...}}.
 *
 * <pre>{@code
 * ChatMessage m = SystemMessage.of("Kamu asisten klinis untuk dokter.");
 * }</pre>
 */
public final class SystemMessage extends AuthoredMessage implements ChatMessage {

    private SystemMessage(MessageContent content, String name) {
        super(content, name);
    }

    /**
     * A text message.
     *
     * @param text the text
     * @return the message
     */
    public static SystemMessage of(String text) {
        return new SystemMessage(MessageContent.text(text), null);
    }

    /**
     * A message with the given content.
     *
     * @param content text or parts
     * @return the message
     */
    public static SystemMessage of(MessageContent content) {
        return new SystemMessage(content, null);
    }

    /**
     * A copy with a participant name.
     *
     * @param name the name
     * @return the new message
     */
    public SystemMessage withName(String name) {
        return new SystemMessage(content(), Objects.requireNonNull(name, "name"));
    }

    @Override
    public String role() {
        return "system";
    }
}
