package io.monago.atrium.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * The texts of a completion the model wrote: each choice's message content and the arguments of
 * its tool calls.
 */
public final class AnswerTexts {

    private AnswerTexts() {}

    /**
     * Rewrites every text in place.
     *
     * @param completion a {@code chat.completion} object
     * @param rewrite what each non-empty text becomes
     */
    public static void rewrite(ObjectNode completion, UnaryOperator<String> rewrite) {
        for (JsonNode choice : completion.path("choices")) {
            if (!(choice.get("message") instanceof ObjectNode message)) {
                continue;
            }
            rewriteField(message, "content", rewrite);
            for (JsonNode call : message.path("tool_calls")) {
                if (call.get("function") instanceof ObjectNode fn) {
                    rewriteField(fn, "arguments", rewrite);
                }
            }
        }
    }

    /**
     * Reads the message content of every choice, in order.
     *
     * @param completion a {@code chat.completion} object
     * @return the contents, joined by a blank line when there are several choices
     */
    public static String contents(ObjectNode completion) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode choice : completion.path("choices")) {
            JsonNode content = choice.path("message").get("content");
            if (content != null && content.isTextual()) {
                out.add(content.asText());
            }
        }
        return String.join("\n\n", out);
    }

    /**
     * Counts the characters of every text, to size the work on them.
     *
     * @param completion a {@code chat.completion} object
     * @return the total length of the texts
     */
    public static long length(ObjectNode completion) {
        long[] total = {0};
        rewrite(completion, text -> {
            total[0] += text.length();
            return text;
        });
        return total[0];
    }

    private static void rewriteField(ObjectNode owner, String field, UnaryOperator<String> rewrite) {
        JsonNode v = owner.get(field);
        if (v != null && v.isTextual() && !v.asText().isEmpty()) {
            String before = v.asText();
            String after = rewrite.apply(before);
            if (!after.equals(before)) {
                owner.put(field, after);
            }
        }
    }
}
