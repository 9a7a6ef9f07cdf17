package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.monago.atrium.internal.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message's {@code content}: either a plain string or a list of {@link ContentPart}s.
 *
 * <pre>{@code
 * MessageContent plain = MessageContent.text("Halo");
 * MessageContent rich = MessageContent.parts(List.of(
 *         ContentPart.text("Describe this image"), ContentPart.imageUrl(url)));
 * }</pre>
 */
public final class MessageContent {

    private final String text;
    private final List<ContentPart> parts;

    private MessageContent(String text, List<ContentPart> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Plain text content.
     *
     * @param text the text
     * @return the content
     */
    public static MessageContent text(String text) {
        return new MessageContent(Objects.requireNonNull(text, "text"), null);
    }

    /**
     * Multi-part content.
     *
     * @param parts the parts, at least one
     * @return the content
     * @throws IllegalArgumentException when {@code parts} is empty
     */
    public static MessageContent parts(List<? extends ContentPart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("content parts must not be empty");
        }
        return new MessageContent(null, List.copyOf(parts));
    }

    /**
     * Whether this is plain text.
     *
     * @return true for text content, false for parts
     */
    public boolean isText() {
        return text != null;
    }

    /**
     * The plain text.
     *
     * @return the text, or empty for multi-part content
     */
    public Optional<String> asText() {
        return Optional.ofNullable(text);
    }

    /**
     * The parts.
     *
     * @return the parts, or an empty list for plain text
     */
    public List<ContentPart> asParts() {
        return parts == null ? List.of() : parts;
    }

    /**
     * The content as it is sent.
     *
     * @return a JSON string or array
     */
    public JsonNode toJson() {
        if (text != null) {
            return TextNode.valueOf(text);
        }
        ArrayNode array = Json.array();
        parts.forEach(part -> array.add(part.toJson()));
        return array;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageContent c && Objects.equals(text, c.text) && Objects.equals(parts, c.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, parts);
    }

    @Override
    public String toString() {
        // Content may carry personal data; only its shape is shown.
        return text != null ? "MessageContent[text, " + text.length() + " chars]" : "MessageContent" + parts;
    }
}
