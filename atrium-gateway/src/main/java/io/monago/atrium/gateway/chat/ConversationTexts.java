package io.monago.atrium.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds every text in a chat request that the model would read: each message's content (a string
 * or text parts), its {@code name}, its refusal, the arguments of its tool calls (and of the legacy
 * {@code function_call}), and tool results.
 */
public final class ConversationTexts {

    private ConversationTexts() {}

    /**
     * Lists the texts of a request body.
     *
     * @param body a validated chat-completions body
     * @return the texts, in message order
     */
    public static List<TextSlot> of(ObjectNode body) {
        List<TextSlot> slots = new ArrayList<>();
        JsonNode messages = body.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!(m instanceof ObjectNode message)) {
                continue;
            }
            String base = "messages[" + i + "]";
            MessageRole role = MessageRole.fromWire(message.path("role").asText(null));
            text(slots, message, "name", base + ".name", role);
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                text(slots, message, "content", base + ".content", role);
            } else if (content != null && content.isArray()) {
                for (int j = 0; j < content.size(); j++) {
                    if (content.get(j) instanceof ObjectNode part) {
                        text(slots, part, "text", base + ".content[" + j + "].text", role);
                        text(slots, part, "refusal", base + ".content[" + j + "].refusal", role);
                    }
                }
            }
            text(slots, message, "refusal", base + ".refusal", role);
            JsonNode toolCalls = message.get("tool_calls");
            if (toolCalls != null && toolCalls.isArray()) {
                for (int k = 0; k < toolCalls.size(); k++) {
                    if (toolCalls.get(k).get("function") instanceof ObjectNode fn) {
                        text(slots, fn, "arguments", base + ".tool_calls[" + k + "].function.arguments", role);
                    }
                }
            }
            if (message.get("function_call") instanceof ObjectNode fc) {
                text(slots, fc, "arguments", base + ".function_call.arguments", role);
            }
        }
        return slots;
    }

    /**
     * The text of the last user message, as the model would read it.
     *
     * @param body a validated chat-completions body
     * @return its text (parts joined by new lines), or empty when there is no user message
     */
    public static Optional<String> lastUserText(ObjectNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (!"user".equals(m.path("role").asText())) {
                continue;
            }
            JsonNode content = m.get("content");
            if (content != null && content.isTextual()) {
                return Optional.of(content.asText());
            }
            StringBuilder sb = new StringBuilder();
            if (content != null && content.isArray()) {
                for (JsonNode part : content) {
                    JsonNode text = part.get("text");
                    if (text != null && text.isTextual()) {
                        if (sb.length() > 0) {
                            sb.append('\n');
                        }
                        sb.append(text.asText());
                    }
                }
            }
            return Optional.of(sb.toString());
        }
        return Optional.empty();
    }

    private static void text(List<TextSlot> slots, ObjectNode owner, String field, String path, MessageRole role) {
        JsonNode v = owner.get(field);
        if (v != null && v.isTextual() && !v.asText().isEmpty()) {
            slots.add(new TextSlot(new TextSegment(path, role, v.asText()), text -> owner.put(field, text)));
        }
    }
}
