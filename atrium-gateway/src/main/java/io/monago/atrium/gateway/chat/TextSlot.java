package io.monago.atrium.gateway.chat;

import io.monago.atrium.guard.TextSegment;
import java.util.function.Consumer;

/**
 * A text governance reads, and where it lives, so its redacted form can be written back in place:
 * a field of the request body, an object key, an element of an array, or nowhere (a text that is
 * stored but never forwarded, whose stored form is made elsewhere).
 *
 * @param segment the text, its path and role
 * @param writer writes the text's new form where it lives
 */
public record TextSlot(TextSegment segment, Consumer<String> writer) {

    /**
     * A text that is read but never forwarded.
     *
     * @param segment the text
     * @return its slot
     */
    public static TextSlot readOnly(TextSegment segment) {
        return new TextSlot(segment, TextSlot::nowhere);
    }

    /** Writes nothing: the text of a read-only slot lives nowhere the gateway sends. */
    private static void nowhere(String text) {}

    /**
     * Replaces the text where it lives.
     *
     * @param text the new text
     */
    public void replace(String text) {
        writer.accept(text);
    }
}
