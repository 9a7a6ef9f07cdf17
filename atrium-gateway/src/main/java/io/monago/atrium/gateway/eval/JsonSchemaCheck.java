package io.monago.atrium.gateway.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Checks a JSON value against the part of JSON Schema that structured outputs use: {@code type}
 * (one or a list), {@code properties}, {@code required}, {@code additionalProperties: false},
 * {@code items}, {@code enum} and {@code const}. Other keywords are not checked (they pass).
 *
 * <pre>{@code
 * JsonSchemaCheck.conforms(answer, schema); // true when it conforms
 * }</pre>
 */
final class JsonSchemaCheck {
    private static final int MAX_DEPTH = 64;

    private JsonSchemaCheck() {}

    static boolean conforms(JsonNode value, JsonNode schema) {
        return conforms(value, schema, 0);
    }

    private static boolean conforms(JsonNode value, JsonNode schema, int depth) {
        if (depth > MAX_DEPTH || !schema.isObject()) {
            return true;
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(value, type)) {
            return false;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            return false;
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !constant.equals(value)) {
            return false;
        }
        if (value.isObject()) {
            JsonNode required = schema.path("required");
            for (JsonNode name : required) {
                if (!value.has(name.asText())) {
                    return false;
                }
            }
            JsonNode properties = schema.path("properties");
            boolean closed = schema.path("additionalProperties").isBoolean()
                    && !schema.path("additionalProperties").asBoolean();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode sub = properties.get(field.getKey());
                if (sub == null) {
                    if (closed) {
                        return false;
                    }
                } else if (!conforms(field.getValue(), sub, depth + 1)) {
                    return false;
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                if (!conforms(item, schema.get("items"), depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" ->
                value.isIntegralNumber()
                        || (value.isNumber()
                                && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
