package io.monago.atrium.gateway.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * JSON may spell a lone surrogate ({@code "\uD800"}), which is not text: detectors and the next
 * program may read it differently. A body that holds one, in a value or a field name, is refused.
 */
final class Surrogates {

    private Surrogates() {}

    /**
     * Finds the first string or field name holding an unpaired surrogate.
     *
     * @param node where to look
     * @param path the node's path, for the message
     * @return where it is, e.g. {@code "field messages[0].content"}
     */
    static Optional<String> firstUnpaired(JsonNode node, String path) {
        if (node.isTextual()) {
            return unpaired(node.textValue()) ? Optional.of("field " + path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstUnpaired(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path.isEmpty() ? Echo.name(e.getKey()) : path + "." + Echo.name(e.getKey());
                if (unpaired(e.getKey())) {
                    return Optional.of("a field name in " + (path.isEmpty() ? "the body" : "field " + path));
                }
                Optional<String> found = firstUnpaired(e.getValue(), child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static boolean unpaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
