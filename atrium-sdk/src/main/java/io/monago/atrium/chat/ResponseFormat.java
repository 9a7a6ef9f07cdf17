package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * The format the model must answer in ({@code response_format}): free text, any JSON object, or
 * JSON matching a schema.
 *
 * <pre>{@code
 * builder.responseFormat(ResponseFormat.jsonSchema(JsonSchema.of("triage", schema).withStrict(true)));
 * }</pre>
 */
public final class ResponseFormat {

    private static final ResponseFormat TEXT = new ResponseFormat("text", null);
    private static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object", null);

    private final String type;
    private final JsonSchema schema;

    private ResponseFormat(String type, JsonSchema schema) {
        this.type = type;
        this.schema = schema;
    }

    /**
     * Free text (the default).
     *
     * @return the format
     */
    public static ResponseFormat text() {
        return TEXT;
    }

    /**
     * Any JSON object (JSON mode).
     *
     * @return the format
     */
    public static ResponseFormat jsonObject() {
        return JSON_OBJECT;
    }

    /**
     * JSON matching a schema (structured output).
     *
     * @param schema the schema
     * @return the format
     */
    public static ResponseFormat jsonSchema(JsonSchema schema) {
        return new ResponseFormat("json_schema", Objects.requireNonNull(schema, "schema"));
    }

    /**
     * The format's type on the wire.
     *
     * @return {@code text}, {@code json_object} or {@code json_schema}
     */
    public String type() {
        return type;
    }

    /**
     * The schema of a {@code json_schema} format.
     *
     * @return the schema, or empty for the other formats
     */
    public Optional<JsonSchema> schema() {
        return Optional.ofNullable(schema);
    }

    /**
     * The format as it is sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type);
        if (schema != null) {
            node.set("json_schema", schema.toJson());
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseFormat f && type.equals(f.type) && Objects.equals(schema, f.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, schema);
    }

    @Override
    public String toString() {
        return "ResponseFormat[" + type + (schema == null ? "" : ", " + schema.name()) + "]";
    }
}
