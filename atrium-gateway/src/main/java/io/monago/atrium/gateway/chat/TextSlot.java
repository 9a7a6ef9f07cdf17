package io.monago.atrium.gateway.chat;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import java.util.function.Consumer;

/**
 * A text governance reads, and where it lives, so its redacted form can be written back in place:
 * a field of the request body, an object key, an element of an array, or nowhere (a text that is
 * stored but never forwarded, whose stored form is made elsewhere).
 *
 * <p>A caller's identifier (an end user, a session, a metadata entry) is read with context in front
 * ({@code "identitas session_id: 3201..."}): an identifier field is where an identity number is
 * most likely, and the guard takes a bare 16-digit number for a NIK only when context says so. The
 * first {@code from} characters of the segment are that context; findings that start in them are
 * not the slot's, and the writer gets the text after them.
 *
 * @param segment the text as read, context included
 * @param from where the text this slot owns starts in the segment
 * @param writer writes the owned text's new form where it lives
 */
public record TextSlot(TextSegment segment, int from, Consumer<String> writer) {

    /**
     * A slot that owns all of its text.
     *
     * @param segment the text
     * @param writer writes its new form where it lives
     */
    public TextSlot(TextSegment segment, Consumer<String> writer) {
        this(segment, 0, writer);
    }

    /**
     * A caller's identifier, read with its name as context.
     *
     * @param path the value's path
     * @param name what the identifier is (a metadata key, {@code user}); empty for a key itself
     * @param value the value
     * @param writer writes the value's new form where it lives
     * @return the slot
     */
    public static TextSlot identifier(String path, String name, String value, Consumer<String> writer) {
        String context = identifierContext(name);
        return new TextSlot(new TextSegment(path, MessageRole.USER, context + value), context.length(), writer);
    }

    /**
     * The context an identifier is read with.
     *
     * @param name what the identifier is; empty for a key itself
     * @return the text put before the value
     */
    public static String identifierContext(String name) {
        return name.isEmpty() ? "identitas: " : "identitas " + name + ": ";
    }

    /**
     * A text that is read but never forwarded.
     *
     * @param segment the text
     * @return its slot
     */
    public static TextSlot readOnly(TextSegment segment) {
        return new TextSlot(segment, TextSlot::nowhere);
    }

    /**
     * A caller's identifier that is read but never forwarded.
     *
     * @param path the value's path
     * @param name what the identifier is; empty for a key itself
     * @param value the value
     * @return its slot
     */
    public static TextSlot readOnlyIdentifier(String path, String name, String value) {
        return identifier(path, name, value, TextSlot::nowhere);
    }

    /** Writes nothing: the text of a read-only slot lives nowhere the gateway sends. */
    private static void nowhere(String text) {}

    /**
     * Replaces the text where it lives.
     *
     * @param text the new form of the whole segment, context included; the context is left out
     */
    public void replace(String text) {
        writer.accept(text.substring(from));
    }

    /**
     * Whether a finding at {@code start} is this slot's to act on.
     *
     * @param start where the finding starts in the segment
     * @return true when it lies in the owned text, not in the context before it
     */
    public boolean owns(int start) {
        return start >= from;
    }
}
