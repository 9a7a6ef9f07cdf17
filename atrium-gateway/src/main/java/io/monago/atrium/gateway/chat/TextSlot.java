package io.monago.atrium.gateway.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.guard.TextSegment;

/**
 * A text the model would see, and where in the request body it lives, so governance can read it
 * and write its redacted form back in place.
 *
 * @param segment the text, its path and role
 * @param owner the JSON object holding the text
 * @param field the field of {@code owner} holding the text
 */
public record TextSlot(TextSegment segment, ObjectNode owner, String field) {

    /**
     * Replaces the text in the request body.
     *
     * @param text the new text
     */
    public void replace(String text) {
        owner.put(field, text);
    }
}
