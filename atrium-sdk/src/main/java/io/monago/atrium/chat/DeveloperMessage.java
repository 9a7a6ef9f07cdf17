package io.monago.atrium.chat;

import java.util.Objects;

/**
 * Instructions from the application, as newer models name the system message: {@code {"role": "developer", "content": ...}}.
 *
 * <pre>{@code
 * ChatMessage m = DeveloperMessage.of("Answer in Bahasa Indonesia.");
 * }</pre>
 */
public final class DeveloperMessage extends AuthoredMessage implements ChatMessage {

    private DeveloperMessage(MessageContent content, String name) {
        super(content, name);
    }

    /**
     * A text message.
     *
     * @param text the text
     * @return the message
     */
    public static DeveloperMessage of(String text) {
        return new DeveloperMessage(MessageContent.text(text), null);
    }

    /**
     * A message with the given content.
     *
     * @param content text or parts
     * @return the message
     */
    public static DeveloperMessage of(MessageContent content) {
        return new DeveloperMessage(content, null);
    }

    /**
     * A copy with a participant name.
     *
     * @param name the name
     * @return the new message
     */
    public DeveloperMessage withName(String name) {
        return new DeveloperMessage(content(), Objects.requireNonNull(name, "name"));
    }

    @Override
    public String role() {
        return "developer";
    }
}
