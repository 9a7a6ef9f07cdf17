package io.monago.atrium.chat;

import java.util.List;
import java.util.Objects;

/**
 * A message from the end user: {@code {"role": "user", "content": ...}}.
 *
 * <pre>{@code
 * ChatMessage m = UserMessage.of("Pasien batuk 2 minggu");
 * }</pre>
 */
public final class UserMessage extends AuthoredMessage implements ChatMessage {

    private UserMessage(MessageContent content, String name) {
        super(content, name);
    }

    /**
     * A text message.
     *
     * @param text the text
     * @return the message
     */
    public static UserMessage of(String text) {
        return new UserMessage(MessageContent.text(text), null);
    }

    /**
     * A message with the given content.
     *
     * @param content text or parts
     * @return the message
     */
    public static UserMessage of(MessageContent content) {
        return new UserMessage(content, null);
    }

    /**
     * A multi-part user message (text with images, audio or files).
     *
     * @param parts the parts, at least one
     * @return the message
     */
    public static UserMessage of(ContentPart... parts) {
        return new UserMessage(MessageContent.parts(List.of(parts)), null);
    }

    /**
     * A copy with a participant name.
     *
     * @param name the name
     * @return the new message
     */
    public UserMessage withName(String name) {
        return new UserMessage(content(), Objects.requireNonNull(name, "name"));
    }

    @Override
    public String role() {
        return "user";
    }
}
