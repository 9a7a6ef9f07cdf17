package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.List;

/**
 * Predicted output ({@code prediction}): text the answer is expected to largely repeat, which lets
 * the provider answer faster.
 *
 * <pre>{@code
 * builder.prediction(Prediction.content(existingDischargeLetter));
 * }</pre>
 *
 * @param content the predicted text, as text or text parts
 */
public record Prediction(MessageContent content) {

    /**
     * Checks the content.
     *
     * @param content the predicted text
     */
    public Prediction {
        java.util.Objects.requireNonNull(content, "content");
    }

    /**
     * Predicted text.
     *
     * @param text the text
     * @return the prediction
     */
    public static Prediction content(String text) {
        return new Prediction(MessageContent.text(text));
    }

    /**
     * Predicted text in parts.
     *
     * @param parts the text parts
     * @return the prediction
     */
    public static Prediction content(List<TextPart> parts) {
        return new Prediction(MessageContent.parts(parts));
    }

    /**
     * The prediction as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", "content");
        node.set("content", content.toJson());
        return node;
    }
}
