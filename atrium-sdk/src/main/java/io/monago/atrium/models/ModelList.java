package io.monago.atrium.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET /models}: the models the caller's key may use, in OpenAI's list shape.
 *
 * <pre>{@code
 * boolean allowed = client.models().list().find("gpt-5.4-mini").isPresent();
 * }</pre>
 */
public final class ModelList {

    private final JsonNode raw;
    private final List<Model> data;

    private ModelList(JsonNode raw) {
        this.raw = raw;
        this.data = JsonFields.list(raw, "data", Model::fromJson);
    }

    /**
     * Reads a model list.
     *
     * @param body the response body
     * @return the list
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    public static ModelList fromJson(JsonNode body) {
        return new ModelList(JsonFields.requireObject(body, "a model list").deepCopy());
    }

    /**
     * The models.
     *
     * @return an unmodifiable list
     */
    public List<Model> data() {
        return data;
    }

    /**
     * Looks a model up by id.
     *
     * @param id the model id
     * @return the model, or empty when the key may not use it
     */
    public Optional<Model> find(String id) {
        return data.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The whole response body.
     *
     * @return a copy of the JSON tree
     */
    public JsonNode rawJson() {
        return raw.deepCopy();
    }

    @Override
    public String toString() {
        return "ModelList" + data.stream().map(Model::id).toList();
    }
}
