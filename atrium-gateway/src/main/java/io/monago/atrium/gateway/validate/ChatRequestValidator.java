package io.monago.atrium.gateway.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ChatCompletionFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a chat-completions body once and checks it against docs/protocol.md §2: a JSON object, no
 * field outside the protocol's set (each unknown one named), {@code model} and {@code messages}
 * present, and every known field of the right JSON type. Value ranges are left to the provider,
 * which knows its own.
 */
public final class ChatRequestValidator {

    private enum Kind {
        STRING,
        NUMBER,
        INTEGER,
        BOOLEAN,
        OBJECT,
        ARRAY,
        STRING_OR_ARRAY,
        STRING_OR_OBJECT,
        ANY
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("model", Kind.STRING),
            Map.entry("messages", Kind.ARRAY),
            Map.entry("temperature", Kind.NUMBER),
            Map.entry("top_p", Kind.NUMBER),
            Map.entry("max_tokens", Kind.INTEGER),
            Map.entry("max_completion_tokens", Kind.INTEGER),
            Map.entry("n", Kind.INTEGER),
            Map.entry("stop", Kind.STRING_OR_ARRAY),
            Map.entry("seed", Kind.INTEGER),
            Map.entry("presence_penalty", Kind.NUMBER),
            Map.entry("frequency_penalty", Kind.NUMBER),
            Map.entry("logit_bias", Kind.OBJECT),
            Map.entry("logprobs", Kind.BOOLEAN),
            Map.entry("top_logprobs", Kind.INTEGER),
            Map.entry("response_format", Kind.OBJECT),
            Map.entry("tools", Kind.ARRAY),
            Map.entry("tool_choice", Kind.STRING_OR_OBJECT),
            Map.entry("parallel_tool_calls", Kind.BOOLEAN),
            Map.entry("stream", Kind.BOOLEAN),
            Map.entry("stream_options", Kind.OBJECT),
            Map.entry("user", Kind.STRING),
            Map.entry("metadata", Kind.OBJECT),
            Map.entry("store", Kind.BOOLEAN),
            Map.entry("reasoning_effort", Kind.STRING),
            Map.entry("verbosity", Kind.STRING),
            Map.entry("service_tier", Kind.STRING),
            Map.entry("modalities", Kind.ARRAY),
            Map.entry("audio", Kind.OBJECT),
            Map.entry("prediction", Kind.OBJECT),
            Map.entry("web_search_options", Kind.OBJECT),
            Map.entry("safety_identifier", Kind.STRING),
            Map.entry("prompt_cache_key", Kind.STRING),
            Map.entry("functions", Kind.ARRAY),
            Map.entry("function_call", Kind.STRING_OR_OBJECT));

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** The content part types and the one field each must hold, with its JSON type. */
    private static final Map<String, Kind> PART_FIELDS = Map.of(
            "text", Kind.STRING,
            "image_url", Kind.OBJECT,
            "input_audio", Kind.OBJECT,
            "file", Kind.OBJECT,
            "refusal", Kind.STRING);

    private final RequestJson json;

    /**
     * Creates the validator.
     *
     * @param json reads the body with the gateway's limits
     */
    public ChatRequestValidator(RequestJson json) {
        this.json = json;
    }

    /**
     * Parses and checks a body.
     *
     * @param body the raw body
     * @return the parsed body, or why it cannot be accepted
     */
    public Result validate(byte[] body) {
        if (body.length == 0) {
            return Result.rejected("the request body is empty; send a JSON chat-completions request");
        }
        JsonNode tree;
        try {
            tree = json.read(body, "the request body");
        } catch (RequestJson.Invalid e) {
            return Result.rejected(e.getMessage());
        }
        if (!(tree instanceof ObjectNode obj)) {
            return Result.rejected("the request body must be a JSON object");
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ChatCompletionFields.ALLOWED.contains(f)) {
                unknown.add(Echo.name(f));
            }
        }
        if (!unknown.isEmpty()) {
            return Result.rejected((unknown.size() == 1 ? "unknown field: " : "unknown fields: ")
                    + String.join(", ", unknown) + " (not a chat-completions parameter)");
        }
        JsonNode model = obj.get("model");
        if (model == null || model.isNull()) {
            return Result.rejected("missing required field: model");
        }
        if (obj.get("messages") == null || obj.get("messages").isNull()) {
            return Result.rejected("missing required field: messages");
        }
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            Kind kind = KINDS.getOrDefault(e.getKey(), Kind.ANY);
            if (!e.getValue().isNull() && !matches(kind, e.getValue())) {
                return Result.rejected("field " + e.getKey() + " must be " + describe(kind) + ", got "
                        + e.getValue().getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        if (model.asText().isBlank()) {
            return Result.rejected("field model must not be empty");
        }
        List<String> problems = new ArrayList<>();
        messages(obj.get("messages"), problems);
        if (!problems.isEmpty()) {
            return Result.rejected(problems.get(0));
        }
        Optional<String> unpaired = Surrogates.firstUnpaired(obj, "");
        if (unpaired.isPresent()) {
            return Result.rejected(unpaired.get() + " holds an unpaired surrogate (a lone \\uD800-\\uDFFF):"
                    + " send well-formed Unicode");
        }
        return new Result(obj, model.asText(), null);
    }

    private static void messages(JsonNode messages, List<String> problems) {
        if (messages.isEmpty()) {
            problems.add("field messages must not be empty");
            return;
        }
        for (int i = 0; i < messages.size() && problems.isEmpty(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                problems.add(at + " must be an object");
                return;
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual()) {
                problems.add(at + ".role is required");
            } else if (!ROLES.contains(role.asText())) {
                // The value is not repeated: whatever was put there goes back to no one.
                problems.add(at + ".role must be one of system, developer, user, assistant, tool");
            }
            JsonNode content = m.get("content");
            if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
                problems.add(at + ".content must be a string or an array of content parts");
            } else if (content != null && content.isArray()) {
                for (int j = 0; j < content.size() && problems.isEmpty(); j++) {
                    part(content.get(j), at + ".content[" + j + "]", problems);
                }
            }
        }
    }

    /** A content part holds a known type and, under that type's name, a value of the right kind. */
    private static void part(JsonNode part, String at, List<String> problems) {
        if (!part.isObject() || !part.path("type").isTextual()) {
            problems.add(at + " must be an object with a type");
            return;
        }
        String type = part.get("type").asText();
        Kind kind = PART_FIELDS.get(type);
        if (kind == null) {
            problems.add(at + ".type must be one of text, image_url, input_audio, file, refusal");
            return;
        }
        JsonNode value = part.get(type);
        if (value == null || !matches(kind, value)) {
            problems.add(at + "." + type + " must be " + describe(kind));
        }
    }

    private static boolean matches(Kind kind, JsonNode v) {
        return switch (kind) {
            case STRING -> v.isTextual();
            case NUMBER -> v.isNumber();
            case INTEGER -> v.isIntegralNumber();
            case BOOLEAN -> v.isBoolean();
            case OBJECT -> v.isObject();
            case ARRAY -> v.isArray();
            case STRING_OR_ARRAY -> v.isTextual() || v.isArray();
            case STRING_OR_OBJECT -> v.isTextual() || v.isObject();
            case ANY -> true;
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case INTEGER -> "an integer";
            case BOOLEAN -> "true or false";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING_OR_ARRAY -> "a string or an array";
            case STRING_OR_OBJECT -> "a string or an object";
            case ANY -> "any value";
        };
    }

    /**
     * The outcome.
     *
     * @param body the parsed body, when valid
     * @param model the requested model, when valid
     * @param rejection why it is not valid
     */
    public record Result(ObjectNode body, String model, Rejection rejection) {
        static Result rejected(String message) {
            return new Result(null, null, Rejection.invalid(message));
        }
    }
}
