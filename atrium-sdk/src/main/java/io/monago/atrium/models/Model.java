package io.monago.atrium.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.Map;
import java.util.Set;

/**
 * One model the caller's key may use, as listed by {@code GET /models}.
 *
 * <pre>{@code
 * client.models().list().data().forEach(m -> System.out.println(m.id() + " by " + m.ownedBy()));
 * }</pre>
 *
 * @param id the model id to put in requests
 * @param object {@code model}
 * @param created when it was created, Unix seconds (0 when absent)
 * @param ownedBy the organisation or provider that owns it ({@code ""} when absent)
 * @param additionalProperties fields this SDK does not model
 */
public record Model(
        String id, String object, long created, String ownedBy, Map<String, JsonNode> additionalProperties) {

    private static final Set<String> KNOWN = Set.of("id", "object", "created", "owned_by");

    /**
     * Copies the map.
     *
     * @param id the id
     * @param object the object type
     * @param created creation time
     * @param ownedBy the owner
     * @param additionalProperties unmodelled fields
     */
    public Model {
        additionalProperties = Map.copyOf(additionalProperties);
    }

    /**
     * Reads one model.
     *
     * @param node one element of {@code data}
     * @return the model
     */
    public static Model fromJson(JsonNode node) {
        return new Model(
                JsonFields.stringOrEmpty(node, "id"),
                JsonFields.string(node, "object").orElse("model"),
                JsonFields.longValue(node, "created").orElse(0),
                JsonFields.stringOrEmpty(node, "owned_by"),
                JsonFields.unknown(node, KNOWN));
    }
}
