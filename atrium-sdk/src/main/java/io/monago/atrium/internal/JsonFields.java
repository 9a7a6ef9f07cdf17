package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Lenient readers for response trees: a missing field, a JSON null or a value of the wrong kind all
 * read as absent, so a gateway that adds or omits a field never breaks a client.
 *
 * <p>Internal: not part of the public API.
 */
public final class JsonFields {

    private JsonFields() {}

    /**
     * Reads a field as text.
     *
     * @param node the object
     * @param field the field name
     * @return the text, or empty when absent, null or not a scalar
     */
    public static Optional<String> string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /**
     * Reads a field as text, or the empty string.
     *
     * @param node the object
     * @param field the field name
     * @return the text, or {@code ""} when absent
     */
    public static String stringOrEmpty(JsonNode node, String field) {
        return string(node, field).orElse("");
    }

    /**
     * Reads an integral number.
     *
     * @param node the object
     * @param field the field name
     * @return the number, or empty when absent or not a number
     */
    public static OptionalLong longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

    /**
     * Reads an int.
     *
     * @param node the object
     * @param field the field name
     * @return the number, or empty when absent or not a number
     */
    public static OptionalInt intValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    /**
     * Reads a number as a double.
     *
     * @param node the object
     * @param field the field name
     * @return the number, or empty when absent or not a number
     */
    public static OptionalDouble doubleValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }

    /**
     * Reads an object field.
     *
     * @param node the object
     * @param field the field name
     * @return the nested object, or empty when absent or not an object
     */
    public static Optional<JsonNode> object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }

    /**
     * Maps each element of an array field.
     *
     * @param node the object
     * @param field the field name
     * @param mapper turns one element into a value
     * @param <T> the element type
     * @return an unmodifiable list, empty when the field is absent or not an array
     */
    public static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> mapper) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            out.add(mapper.apply(element));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Reads an array of scalars as strings.
     *
     * @param node the object
     * @param field the field name
     * @return an unmodifiable list, empty when absent
     */
    public static List<String> strings(JsonNode node, String field) {
        return list(node, field, JsonNode::asText);
    }

    /**
     * Reads an object of scalars as a map of strings to strings.
     *
     * @param node the object
     * @param field the field name
     * @return an unmodifiable map in document order, empty when absent
     */
    public static Map<String, String> stringMap(JsonNode node, String field) {
        return map(node, field, JsonNode::asText);
    }

    /**
     * Reads an object of numbers as a map of strings to ints.
     *
     * @param node the object
     * @param field the field name
     * @return an unmodifiable map in document order, empty when absent
     */
    public static Map<String, Integer> intMap(JsonNode node, String field) {
        return map(node, field, JsonNode::asInt);
    }

    private static <V> Map<String, V> map(JsonNode node, String field, Function<JsonNode, V> mapper) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject() || value.isEmpty()) {
            return Map.of();
        }
        Map<String, V> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!e.getValue().isNull()) {
                out.put(e.getKey(), mapper.apply(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The fields of {@code node} that a typed value does not model, kept so nothing a gateway sends
     * is lost.
     *
     * @param node the object
     * @param known the field names the typed value reads
     * @return an unmodifiable map of deep copies, in document order
     */
    public static Map<String, JsonNode> unknown(JsonNode node, Set<String> known) {
        Map<String, JsonNode> out = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    /**
     * Checks that a response body is an object.
     *
     * @param node the body
     * @param what what the body should be, for the message
     * @return the node
     * @throws IllegalArgumentException when it is not an object
     */
    public static JsonNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return node;
    }
}
