package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * What system, developer and user messages share: required content and an optional participant
 * name.
 */
abstract sealed class AuthoredMessage permits SystemMessage, DeveloperMessage, UserMessage {

    private final MessageContent content;
    private final String name;

    AuthoredMessage(MessageContent content, String name) {
        this.content = Objects.requireNonNull(content, "content");
        this.name = name;
    }

    /**
     * The content.
     *
     * @return the content
     */
    public MessageContent content() {
        return content;
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
     * The message's role on the wire.
     *
     * @return the role
     */
    public abstract String role();

    /**
     * The message as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("role", role());
        node.set("content", content.toJson());
        Json.putIfPresent(node, "name", name);
        return node;
    }

    @Override
    public boolean equals(Object o) {
        // Each permitted subclass has its own role, so a system message never equals a user one.
        return o instanceof AuthoredMessage other
                && role().equals(other.role())
                && content.equals(other.content)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role(), content, name);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + content + (name == null ? "" : ", name=" + name) + "]";
    }
}
