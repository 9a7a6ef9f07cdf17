package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON value against the subset of JSON Schema the SDK derives and users commonly write:
 * {@code type} (one or a list), {@code enum}, {@code properties}, {@code required},
 * {@code additionalProperties} (false or a schema), {@code items} and {@code uniqueItems}. Other
 * keywords are ignored, so a richer hand-written schema is checked only as far as this subset goes.
 *
 * <p>A problem names where it is and what was expected, never the value found: the value may be
 * personal data.
 *
 * <p>Internal: not part of the public API.
 */
public final class SchemaValidator {

    private SchemaValidator() {}

    /**
     * The problems of a value against a schema.
     *
     * @param schema the schema
     * @param value the value
     * @return the problems, e.g. {@code "mrn: required"}; empty when the value fits
     */
    public static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !fitsType(type, value)) {
            problems.add(where(path) + "expected " + describe(type) + ", got " + kind(value));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode option : allowed) {
                found |= option.equals(value);
            }
            if (!found) {
                problems.add(where(path) + "expected one of " + allowed);
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, path, problems);
        } else if (value.isArray()) {
            JsonNode items = schema.get("items");
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                check(items, value.get(i), path + "[" + i + "]", problems);
                if (schema.path("uniqueItems").asBoolean(false) && !seen.add(value.get(i))) {
                    problems.add(where(path + "[" + i + "]") + "repeats an earlier item");
                }
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (JsonNode name : schema.path("required")) {
            JsonNode present = value.get(name.asText());
            if (present == null || present.isNull()) {
                problems.add(join(path, name.asText()) + ": required");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String fieldPath = join(path, field.getKey());
            JsonNode propertySchema = properties.get(field.getKey());
            if (propertySchema != null) {
                // A null counts as absent: reported above when required, allowed when optional.
                if (!field.getValue().isNull()) {
                    check(propertySchema, field.getValue(), fieldPath, problems);
                }
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                problems.add(fieldPath + ": not a known field");
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), fieldPath, problems);
            }
        }
    }

    private static boolean fitsType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (fitsOne(one.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return fitsOne(type.asText(), value);
    }

    private static boolean fitsOne(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" ->
                value.isIntegralNumber()
                        || (value.isNumber()
                                && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String describe(JsonNode type) {
        return type.isArray() ? "one of " + type : type.asText();
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
