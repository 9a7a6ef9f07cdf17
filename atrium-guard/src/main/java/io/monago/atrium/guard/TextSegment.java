package io.monago.atrium.guard;

import java.util.Objects;

/**
 * One piece of text the model would see, with where it came from.
 *
 * <pre>{@code
 * new TextSegment("messages[1].content", MessageRole.USER, "Pasien NIK 3201...")
 * }</pre>
 *
 * @param path where the text sits in the request, e.g. {@code messages[2].content[0].text} or
 *     {@code messages[3].tool_calls[0].function.arguments}
 * @param role the role of the message the text belongs to
 * @param text the text itself
 */
public record TextSegment(String path, MessageRole role, String text) {
    /**
     * Validates that no component is null.
     *
     * @param path where the text sits in the request
     * @param role the role of the message the text belongs to
     * @param text the text itself
     */
    public TextSegment {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
