package io.monago.atrium.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every other string a chat request would carry to the provider, beyond the conversation texts:
 * {@code user}, {@code metadata} keys and values, tool and schema descriptions, predicted output,
 * stop sequences, cache keys, part URLs, field names. None may leave unread, so each gets the same
 * PII policy as the conversation. Left out: {@code model} (checked on its own), message roles
 * (validated against a fixed list) and binary payloads (base64 audio and file data, {@code data:}
 * URLs), which hold no text to read.
 *
 * <p>Slots come values first, then object keys, so a key is renamed only after the values under
 * it were rewritten.
 */
public final class ForwardedStrings {

    /**
     * Field names of the protocol and of the JSON schemas tools and response formats carry: fixed
     * words, not the caller's text, so they are not read. Any other key (a metadata key, a schema's
     * property name) is.
     */
    private static final Set<String> KNOWN_KEYS = Set.of(
            "model",
            "messages",
            "role",
            "content",
            "name",
            "refusal",
            "tool_calls",
            "tool_call_id",
            "function_call",
            "function",
            "arguments",
            "id",
            "type",
            "text",
            "image_url",
            "url",
            "detail",
            "input_audio",
            "data",
            "format",
            "file",
            "file_id",
            "filename",
            "file_data",
            "audio",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "n",
            "stop",
            "seed",
            "presence_penalty",
            "frequency_penalty",
            "logit_bias",
            "logprobs",
            "top_logprobs",
            "response_format",
            "json_schema",
            "schema",
            "strict",
            "description",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "stream",
            "stream_options",
            "include_usage",
            "user",
            "metadata",
            "store",
            "reasoning_effort",
            "verbosity",
            "service_tier",
            "modalities",
            "voice",
            "prediction",
            "web_search_options",
            "search_context_size",
            "user_location",
            "approximate",
            "city",
            "country",
            "region",
            "timezone",
            "safety_identifier",
            "prompt_cache_key",
            "functions",
            "parameters",
            "properties",
            "required",
            "items",
            "enum",
            "const",
            "default",
            "additionalProperties",
            "anyOf",
            "oneOf",
            "allOf",
            "not",
            "$ref",
            "$defs",
            "definitions",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "pattern",
            "title",
            "nullable",
            "examples");

    /** Fields of the protocol that hold the caller's identifiers. */
    private static final Set<String> IDENTIFIER_FIELDS = Set.of("user", "safety_identifier", "prompt_cache_key");

    private ForwardedStrings() {}

    /**
     * Lists the strings of a request body that {@link ConversationTexts} does not.
     *
     * @param body a validated chat-completions body
     * @param conversation the conversation's slots, which are not listed again
     * @return the slots, values first, then keys
     */
    public static List<TextSlot> of(ObjectNode body, List<TextSlot> conversation) {
        List<TextSlot> values = new ArrayList<>();
        List<TextSlot> keys = new ArrayList<>();
        walkObject(body, "", Set.copyOf(pathsOf(conversation)), values, keys, true);
        values.addAll(keys);
        return values;
    }

    private static List<String> pathsOf(List<TextSlot> slots) {
        List<String> paths = new ArrayList<>(slots.size());
        for (TextSlot s : slots) {
            paths.add(s.segment().path());
        }
        return paths;
    }

    private static void walkObject(
            ObjectNode node,
            String path,
            Set<String> covered,
            List<TextSlot> values,
            List<TextSlot> keys,
            boolean top) {
        for (Map.Entry<String, JsonNode> e : List.copyOf(node.properties())) {
            String key = e.getKey();
            String child = path.isEmpty() ? key : path + "." + key;
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                if (!v.textValue().isEmpty() && !skipped(node, key, v.textValue(), top) && !covered.contains(child)) {
                    // A caller's own key (a metadata key) and the identifier fields name what the value
                    // identifies; a field of the protocol says nothing about it.
                    values.add(
                            KNOWN_KEYS.contains(key) && !IDENTIFIER_FIELDS.contains(key)
                                    ? new TextSlot(segment(child, v.textValue()), text -> node.put(key, text))
                                    : TextSlot.identifier(child, key, v.textValue(), text -> node.put(key, text)));
                }
            } else if (v.isObject()) {
                walkObject((ObjectNode) v, child, covered, values, keys, false);
            } else if (v.isArray()) {
                walkArray((ArrayNode) v, child, covered, values, keys);
            }
            if (!KNOWN_KEYS.contains(key)) {
                keys.add(TextSlot.identifier("key of " + child, "", key, text -> rename(node, key, text)));
            }
        }
    }

    private static void walkArray(
            ArrayNode node, String path, Set<String> covered, List<TextSlot> values, List<TextSlot> keys) {
        for (int i = 0; i < node.size(); i++) {
            String child = path + "[" + i + "]";
            JsonNode v = node.get(i);
            int index = i;
            if (v.isTextual()) {
                if (!v.textValue().isEmpty() && !covered.contains(child)) {
                    values.add(new TextSlot(
                            segment(child, v.textValue()), text -> node.set(index, TextNode.valueOf(text))));
                }
            } else if (v.isObject()) {
                walkObject((ObjectNode) v, child, covered, values, keys, false);
            } else if (v.isArray()) {
                walkArray((ArrayNode) v, child, covered, values, keys);
            }
        }
    }

    /** Strings that carry no text to read. */
    private static boolean skipped(ObjectNode owner, String key, String value, boolean top) {
        if (top && key.equals("model")) {
            return true;
        }
        if (key.equals("role") || key.equals("file_data")) {
            return true;
        }
        if (key.equals("data") && owner.has("format")) {
            return true; // input_audio: base64 audio
        }
        return key.equals("url") && value.regionMatches(true, 0, "data:", 0, 5);
    }

    private static TextSegment segment(String path, String text) {
        return new TextSegment(path, MessageRole.USER, text);
    }

    /** Renames a key in place, keeping the order of the others. */
    private static void rename(ObjectNode owner, String from, String to) {
        if (from.equals(to) || !owner.has(from)) {
            return;
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        owner.properties().forEach(e -> copy.put(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
        owner.removeAll();
        copy.forEach(owner::set);
    }
}
