package io.monago.atrium.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's one JSON configuration: trees in, bytes out. Request values write themselves as trees
 * ({@code toJson()}), responses are read as trees, so no reflection-based binding is involved.
 *
 * <p>Internal: not part of the public API.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {}

    /**
     * A new empty object node.
     *
     * @return the node
     */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * A new empty array node.
     *
     * @return the node
     */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Converts plain Java values (maps, lists, strings, numbers, booleans, JSON nodes) to a tree.
     *
     * @param value the value; may be null
     * @return the tree ({@code NullNode} for null)
     * @throws IllegalArgumentException when the value cannot be represented as JSON
     */
    public static JsonNode toTree(Object value) {
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        return MAPPER.valueToTree(value);
    }

    /**
     * Binds JSON text to a Java type with Jackson's default binding (records, beans, maps, lists).
     *
     * @param text the JSON text
     * @param type the type to bind to
     * @param <T> the type
     * @return the value; null for the text {@code null}
     * @throws JsonProcessingException when the text is not JSON or does not fit the type
     */
    public static <T> T bind(String text, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(text, type);
    }

    /**
     * Parses JSON text to a tree, failing when it is not one JSON value.
     *
     * @param text the JSON text
     * @return the tree
     * @throws JsonProcessingException when the text is not JSON
     */
    public static JsonNode tree(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * Serialises any value Jackson can write (records, beans, maps, lists, trees) to JSON text.
     *
     * @param value the value; may be null
     * @return the JSON text
     * @throws JsonProcessingException when Jackson cannot write the value
     */
    public static String text(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsString(value);
    }

    /**
     * Serialises a tree to UTF-8 bytes.
     *
     * @param node the tree
     * @return the bytes
     */
    public static byte[] write(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree always serialises; this is unreachable in practice
        }
    }

    /**
     * Parses JSON text, returning empty when it is not a single JSON value.
     *
     * @param body the bytes (UTF-8)
     * @return the tree, or empty for an empty body or one that is not JSON
     */
    public static Optional<JsonNode> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = READER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses JSON text, returning empty when it is not a single JSON value.
     *
     * @param text the text
     * @return the tree, or empty for blank text or text that is not JSON
     */
    public static Optional<JsonNode> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = READER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts {@code value} under {@code name} unless it is null.
     *
     * @param target the object to write to
     * @param name the field name
     * @param value a String, Boolean, Integer, Long, Double, JsonNode, or a collection or map of these
     */
    public static void putIfPresent(ObjectNode target, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            target.put(name, s);
        } else if (value instanceof Boolean b) {
            target.put(name, b);
        } else if (value instanceof Integer i) {
            target.put(name, i);
        } else if (value instanceof Long l) {
            target.put(name, l);
        } else if (value instanceof Double d) {
            target.put(name, d);
        } else if (value instanceof JsonNode n) {
            target.set(name, n.deepCopy());
        } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            target.set(name, MAPPER.valueToTree(value));
        } else {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON field " + name);
        }
    }
}
