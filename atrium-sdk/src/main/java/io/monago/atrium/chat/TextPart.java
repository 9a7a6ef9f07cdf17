package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * A text content part: {@code {"type": "text", "text": "..."}}.
 *
 * <pre>{@code
 * ContentPart part = new TextPart("Ringkas catatan ini.");
 * }</pre>
 *
 * @param text the text
 */
public record TextPart(String text) implements ContentPart {

    /**
     * Checks the text.
     *
     * @param text the text
     */
    public TextPart {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
        return "text";
    }

    @Override
    public ObjectNode toJson() {
        return Json.object().put("type", type()).put("text", text);
    }
}
