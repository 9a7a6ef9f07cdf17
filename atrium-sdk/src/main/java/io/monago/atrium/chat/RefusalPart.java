package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * A refusal content part of an assistant message: {@code {"type": "refusal", "refusal": "..."}}.
 *
 * <pre>{@code
 * AssistantMessage m = AssistantMessage.builder()
 *         .content(MessageContent.parts(List.of(new RefusalPart("I can't help with that."))))
 *         .build();
 * }</pre>
 *
 * @param refusal the refusal text
 */
public record RefusalPart(String refusal) implements ContentPart {

    /**
     * Checks the text.
     *
     * @param refusal the refusal text
     */
    public RefusalPart {
        Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public String type() {
        return "refusal";
    }

    @Override
    public ObjectNode toJson() {
        return Json.object().put("type", type()).put("refusal", refusal);
    }
}
