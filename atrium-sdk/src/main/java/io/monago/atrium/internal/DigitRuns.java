package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks runs of six or more digits, keeping the last four, in every string and long whole number of
 * a JSON tree.
 *
 * <p>Internal: not part of the public API.
 */
public final class DigitRuns {

    private static final Pattern RUN = Pattern.compile("\\d(?:[ .-]?\\d){5,}");

    private DigitRuns() {}

    /**
     * Masks a tree in place where it can, returning the masked tree.
     *
     * @param node the tree
     * @return the masked tree
     */
    public static JsonNode mask(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(maskText(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(mask(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i)));
            }
        } else if (node.isIntegralNumber() && node.asText().length() >= 6) {
            return TextNode.valueOf(maskText(node.asText()));
        }
        return node;
    }

    /**
     * Masks a text.
     *
     * @param text the text
     * @return the text with each long digit run masked
     */
    public static String maskText(String text) {
        Matcher m = RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            m.appendReplacement(out, "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4));
        }
        m.appendTail(out);
        return out.toString();
    }
}
