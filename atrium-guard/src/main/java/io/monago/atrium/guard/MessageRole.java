package io.monago.atrium.guard;

import java.util.Locale;

/**
 * The author of a piece of text in a chat conversation. Detectors use it to attribute findings and
 * to decide what is trusted (system and developer text, by default, for security analysis).
 */
public enum MessageRole {
    /** A {@code system} message. */
    SYSTEM,
    /** A {@code developer} message. */
    DEVELOPER,
    /** A {@code user} message. */
    USER,
    /** An {@code assistant} message, including its tool calls. */
    ASSISTANT,
    /** A {@code tool} (or legacy {@code function}) result. */
    TOOL,
    /** A role the protocol does not name. */
    UNKNOWN;

    /**
     * Parses the {@code role} field of a chat message.
     *
     * @param role the wire value, e.g. {@code "user"}; may be null
     * @return the role, {@link #UNKNOWN} when absent or not recognised
     */
    public static MessageRole fromWire(String role) {
        if (role == null) {
            return UNKNOWN;
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "system" -> SYSTEM;
            case "developer" -> DEVELOPER;
            case "user" -> USER;
            case "assistant" -> ASSISTANT;
            case "tool", "function" -> TOOL;
            default -> UNKNOWN;
        };
    }

    /**
     * The wire spelling.
     *
     * @return the lower-case role name
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
