package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Governance;
import io.monago.atrium.internal.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A chat completion: OpenAI's response object, plus the call's {@link Governance}. Fields this SDK
 * does not model are kept in {@link #additionalProperties()}, and the whole body in
 * {@link #rawJson()}.
 *
 * <pre>{@code
 * ChatCompletion res = client.chat().completions().create(request);
 * System.out.println(res.content());
 * res.choices().get(0).finishReason();     // Optional[stop], a FinishReason
 * res.usage().map(Usage::totalTokens);     // Optional[1500]
 * res.governance().piiRedacted();          // [NIK, PHONE]
 * }</pre>
 */
public final class ChatCompletion {

    private static final Set<String> KNOWN =
            Set.of("id", "object", "created", "model", "system_fingerprint", "service_tier", "choices", "usage");

    private final JsonNode raw;
    private final String id;
    private final String object;
    private final long created;
    private final String model;
    private final Optional<String> systemFingerprint;
    private final Optional<String> serviceTier;
    private final List<Choice> choices;
    private final Optional<Usage> usage;
    private final Map<String, JsonNode> additionalProperties;
    private final Governance governance;

    private ChatCompletion(JsonNode raw, Governance governance) {
        this.raw = raw;
        this.id = JsonFields.stringOrEmpty(raw, "id");
        this.object = JsonFields.string(raw, "object").orElse("chat.completion");
        this.created = JsonFields.longValue(raw, "created").orElse(0);
        this.model = JsonFields.stringOrEmpty(raw, "model");
        this.systemFingerprint = JsonFields.string(raw, "system_fingerprint");
        this.serviceTier = JsonFields.string(raw, "service_tier");
        this.choices = JsonFields.list(raw, "choices", Choice::fromJson);
        this.usage = JsonFields.object(raw, "usage").map(Usage::fromJson);
        this.additionalProperties = JsonFields.unknown(raw, KNOWN);
        this.governance = governance;
    }

    /**
     * Reads a completion from its JSON body.
     *
     * @param body the response body
     * @param governance the governance of the response it came in
     * @return the completion
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    public static ChatCompletion fromJson(JsonNode body, Governance governance) {
        JsonFields.requireObject(body, "a chat completion");
        return new ChatCompletion(body.deepCopy(), Objects.requireNonNull(governance, "governance"));
    }

    /**
     * The completion's id.
     *
     * @return the id, {@code ""} when the gateway sent none
     */
    public String id() {
        return id;
    }

    /**
     * The object type.
     *
     * @return {@code chat.completion}
     */
    public String object() {
        return object;
    }

    /**
     * When the completion was created.
     *
     * @return Unix seconds, 0 when absent
     */
    public long created() {
        return created;
    }

    /**
     * The model that answered (the provider's name for it).
     *
     * @return the model id, {@code ""} when absent
     */
    public String model() {
        return model;
    }

    /**
     * The provider's backend configuration fingerprint.
     *
     * @return the fingerprint, or empty
     */
    public Optional<String> systemFingerprint() {
        return systemFingerprint;
    }

    /**
     * The processing tier the provider used.
     *
     * @return the tier, or empty
     */
    public Optional<String> serviceTier() {
        return serviceTier;
    }

    /**
     * The answers; one unless the request set {@code n}.
     *
     * @return an unmodifiable list
     */
    public List<Choice> choices() {
        return choices;
    }

    /**
     * Token usage, when the response carried it (OpenAI's {@code usage} may be absent), as
     * {@link ChatCompletionChunk#usage()} and the audit record's {@code usage()} give it.
     *
     * <pre>{@code
     * long tokens = completion.usage().map(Usage::totalTokens).orElse(0L);
     * }</pre>
     *
     * @return the usage, or empty
     */
    public Optional<Usage> usage() {
        return usage;
    }

    /**
     * The first answer's text: {@code choices[0].message.content}.
     *
     * @return the text, or {@code ""} when there is no choice or it has no text (e.g. only tool
     *     calls)
     */
    public String content() {
        return choices.isEmpty() ? "" : choices.get(0).message().content().orElse("");
    }

    /**
     * What the gateway did with the call: audit id, PII, decision, provider, latency, cost.
     *
     * @return the governance
     */
    public Governance governance() {
        return governance;
    }

    /**
     * Top-level fields this SDK does not model.
     *
     * @return an unmodifiable map, in document order
     */
    public Map<String, JsonNode> additionalProperties() {
        return additionalProperties;
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
        return "ChatCompletion{id=" + id + ", model=" + model + ", choices=" + choices.size() + ", auditId="
                + governance.auditId().orElse(null) + "}";
    }
}
