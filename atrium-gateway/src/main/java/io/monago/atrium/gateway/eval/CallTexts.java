package io.monago.atrium.gateway.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The texts of a request's messages and of an answer's choices, joined by blank lines: what
 * evaluators read. String contents and the {@code text} of content parts; tool calls are not read.
 */
final class CallTexts {
    private CallTexts() {}

    /** The text of every message of a request body, in order. */
    static String request(JsonNode body) {
        StringBuilder out = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            content(message.get("content"), out);
        }
        return out.toString();
    }

    /** The text of every choice of a {@code chat.completion}, in order. */
    static String answer(JsonNode completion) {
        StringBuilder out = new StringBuilder();
        for (JsonNode choice : completion.path("choices")) {
            content(choice.path("message").get("content"), out);
        }
        return out.toString();
    }

    private static void content(JsonNode content, StringBuilder out) {
        if (content == null) {
            return;
        }
        if (content.isTextual()) {
            append(content.asText(), out);
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                JsonNode text = part.get("text");
                if (text != null && text.isTextual()) {
                    append(text.asText(), out);
                }
            }
        }
    }

    private static void append(String text, StringBuilder out) {
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append(text);
    }
}
