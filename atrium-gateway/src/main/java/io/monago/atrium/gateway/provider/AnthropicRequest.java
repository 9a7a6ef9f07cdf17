package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a governed OpenAI chat-completions body into an Anthropic Messages API request.
 *
 * <p>System and developer messages become the top-level {@code system}; user, assistant and tool
 * messages become content blocks ({@code text}, {@code image}, {@code document}, {@code tool_use},
 * {@code tool_result}), with consecutive messages of one role merged, as Anthropic requires
 * alternating turns. Tools, tool choice, sampling, stop sequences and the token limit are carried
 * over; Anthropic requires a token limit, so a call without one gets {@link #DEFAULT_MAX_TOKENS}.
 *
 * <p>Parameters that only tune or hint ({@code seed}, the penalties, {@code store},
 * {@code service_tier}, {@code metadata}...) are left out, since Anthropic has no equivalent and the
 * answer keeps its shape without them. A request that asks for something Anthropic cannot give
 * (several choices, log probabilities, JSON mode, audio, a part it cannot read) is refused with
 * {@link ProviderException.Kind#INVALID_REQUEST} naming the field, never quoting its value.
 */
final class AnthropicRequest {

    /** The token limit when the caller sets none: within every current Claude model's output limit. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    /** Anthropic's temperature range ends at 1, where OpenAI's ends at 2. */
    private static final double MAX_TEMPERATURE = 1.0;

    /** Image types Anthropic reads. */
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private static final Map<String, String> TOOL_CHOICES = Map.of("auto", "auto", "required", "any", "none", "none");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The longest word from a request repeated in an error message. */
    private static final int MAX_WORD = 40;

    private final ObjectMapper json;
    private final String provider;

    /**
     * Creates a translator.
     *
     * @param json reads tool-call arguments
     * @param provider the provider's name, for error messages
     */
    AnthropicRequest(ObjectMapper json, String provider) {
        this.json = json;
        this.provider = provider;
    }

    /**
     * Translates a body.
     *
     * @param body the OpenAI body as governance left it; not changed
     * @return the Messages API body
     * @throws ProviderException of kind {@link ProviderException.Kind#INVALID_REQUEST} when the
     *     request asks for something Anthropic cannot do
     */
    ObjectNode translate(ObjectNode body) {
        refuseWhatCannotBeServed(body);
        ObjectNode out = NODES.objectNode();
        out.set("model", body.path("model"));
        out.put("max_tokens", maxTokens(body));
        Conversation conversation = conversation(body.path("messages"));
        if (conversation.system.size() == 1) {
            out.set("system", conversation.system.get(0).get("text"));
        } else if (!conversation.system.isEmpty()) {
            out.set("system", conversation.system);
        }
        out.set("messages", conversation.messages);
        JsonNode temperature = body.get("temperature");
        if (temperature != null && temperature.isNumber()) {
            if (temperature.asDouble() > MAX_TEMPERATURE) {
                throw refuse("temperature above 1 cannot be served by " + who() + ": its range is 0 to 1");
            }
            out.set("temperature", temperature);
        }
        JsonNode topP = body.get("top_p");
        if (topP != null && topP.isNumber()) {
            out.set("top_p", topP);
        }
        stop(body.get("stop"), out);
        tools(body, out);
        userId(body).ifPresent(id -> out.putObject("metadata").put("user_id", id));
        if (body.path("stream").asBoolean(false)) {
            out.put("stream", true);
        }
        return out;
    }

    private void refuseWhatCannotBeServed(ObjectNode body) {
        if (body.path("n").asInt(1) > 1) {
            throw refuse("n above 1 cannot be served by " + who() + ": it gives one answer per call");
        }
        if (body.path("logprobs").asBoolean(false) || body.path("top_logprobs").asInt(0) > 0) {
            throw refuse(
                    "logprobs and top_logprobs cannot be served by " + who() + ": it reports no log probabilities");
        }
        if (!body.path("logit_bias").isEmpty()) {
            throw refuse("logit_bias cannot be served by " + who());
        }
        JsonNode format = body.get("response_format");
        if (format != null
                && !format.isNull()
                && !format.path("type").asText("text").equals("text")) {
            throw refuse("response_format " + word(format.path("type").asText()) + " cannot be served by " + who()
                    + ": ask for JSON in the prompt instead");
        }
        JsonNode audio = body.get("audio");
        if ((audio != null && !audio.isNull()) || contains(body.path("modalities"), "audio")) {
            throw refuse("audio output cannot be served by " + who());
        }
        JsonNode webSearch = body.get("web_search_options");
        if (webSearch != null && !webSearch.isNull()) {
            throw refuse("web_search_options cannot be served by " + who());
        }
        if (isSet(body.get("functions")) || isSet(body.get("function_call"))) {
            throw refuse("functions and function_call are not translated for " + who() + ": use tools and tool_choice");
        }
    }

    private static int maxTokens(ObjectNode body) {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode v = body.get(field);
            if (v != null && v.canConvertToInt()) {
                return v.asInt();
            }
        }
        return DEFAULT_MAX_TOKENS;
    }

    private static void stop(JsonNode stop, ObjectNode out) {
        if (stop == null || stop.isNull()) {
            return;
        }
        ArrayNode sequences = NODES.arrayNode();
        if (stop.isTextual()) {
            sequences.add(stop.asText());
        } else {
            for (JsonNode s : stop) {
                if (s.isTextual()) {
                    sequences.add(s.asText());
                }
            }
        }
        if (!sequences.isEmpty()) {
            out.set("stop_sequences", sequences);
        }
    }

    private void tools(ObjectNode body, ObjectNode out) {
        JsonNode tools = body.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return; // Anthropic refuses a tool choice without tools, and there is nothing to choose
        }
        ArrayNode translated = out.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!tool.path("type").asText("function").equals("function")
                    || !tool.path("function").isObject()) {
                throw refuse("tools[" + i + "] is not a function tool: " + who() + " is given function tools only");
            }
            JsonNode fn = tool.get("function");
            ObjectNode t = translated.addObject();
            t.set("name", fn.path("name"));
            JsonNode description = fn.get("description");
            if (description != null && description.isTextual()) {
                t.set("description", description);
            }
            JsonNode parameters = fn.get("parameters");
            if (parameters != null && parameters.isObject()) {
                t.set("input_schema", parameters);
            } else {
                // OpenAI lets a function take no parameters; Anthropic wants a schema all the same.
                t.putObject("input_schema").put("type", "object").putObject("properties");
            }
        }
        ObjectNode choice = toolChoice(body.get("tool_choice"));
        if (body.path("parallel_tool_calls").isBoolean()
                && !body.get("parallel_tool_calls").asBoolean()) {
            if (choice == null) {
                choice = NODES.objectNode().put("type", "auto");
            }
            if (!choice.path("type").asText().equals("none")) {
                choice.put("disable_parallel_tool_use", true);
            }
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    private ObjectNode toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        if (choice.isTextual()) {
            String type = TOOL_CHOICES.get(choice.asText());
            if (type == null) {
                throw refuse("tool_choice must be auto, required, none or a function");
            }
            return NODES.objectNode().put("type", type);
        }
        JsonNode name = choice.path("function").path("name");
        if (!choice.path("type").asText().equals("function") || !name.isTextual()) {
            throw refuse(
                    "tool_choice must be auto, required, none or {\"type\":\"function\",\"function\":{\"name\":...}}");
        }
        ObjectNode out = NODES.objectNode().put("type", "tool");
        out.set("name", name);
        return out;
    }

    private static Optional<String> userId(ObjectNode body) {
        for (String field : new String[] {"safety_identifier", "user"}) {
            JsonNode v = body.get(field);
            if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    /** The system text blocks and the alternating turns. */
    private record Conversation(ArrayNode system, ArrayNode messages) {}

    private Conversation conversation(JsonNode messages) {
        ArrayNode system = NODES.arrayNode();
        ArrayNode turns = NODES.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            String role = m.path("role").asText();
            switch (role) {
                case "system", "developer" -> {
                    for (JsonNode text : texts(m.get("content"), at, false)) {
                        system.add(text);
                    }
                }
                case "user" -> append(turns, "user", userBlocks(m.get("content"), at));
                case "assistant" -> append(turns, "assistant", assistantBlocks(m, at));
                case "tool" -> append(turns, "user", toolResult(m, at));
                default ->
                    throw refuse(at + ".role " + word(role) + " is not translated for " + who()
                            + ": send tool results as role tool");
            }
        }
        if (turns.isEmpty()) {
            throw refuse("messages hold no user or assistant message: " + who() + " needs at least one");
        }
        return new Conversation(system, turns);
    }

    /** Adds blocks as a turn of {@code role}, merged into the last turn when it has the same role. */
    private static void append(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return; // Anthropic refuses empty turns; an empty message says nothing
        }
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.path("role").asText().equals(role)) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode turn = turns.addObject();
        turn.put("role", role);
        turn.set("content", blocks);
    }

    private ArrayNode userBlocks(JsonNode content, String at) {
        if (content == null || content.isNull() || content.isTextual()) {
            return texts(content, at, false);
        }
        ArrayNode blocks = NODES.arrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partAt = at + ".content[" + j + "]";
            switch (part.path("type").asText()) {
                case "text" -> addText(blocks, part.path("text").asText(""));
                case "image_url" -> blocks.add(image(part.path("image_url"), partAt));
                case "file" -> blocks.add(document(part.path("file"), partAt));
                default ->
                    throw refuse(partAt + " is a " + word(part.path("type").asText()) + " part: " + who()
                            + " reads text, image_url and PDF file parts");
            }
        }
        return blocks;
    }

    private ArrayNode assistantBlocks(JsonNode message, String at) {
        ArrayNode blocks = texts(message.get("content"), at, true);
        JsonNode calls = message.get("tool_calls");
        if (calls == null || !calls.isArray()) {
            return blocks;
        }
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            String callAt = at + ".tool_calls[" + j + "]";
            if (!call.path("type").asText("function").equals("function")
                    || !call.path("function").isObject()) {
                throw refuse(callAt + " is not a function call: " + who() + " is given function calls only");
            }
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.set("id", call.path("id"));
            use.set("name", call.path("function").path("name"));
            use.set("input", arguments(call.path("function").path("arguments"), callAt));
        }
        return blocks;
    }

    /** OpenAI carries a call's arguments as a JSON string; Anthropic wants the object itself. */
    private JsonNode arguments(JsonNode arguments, String at) {
        if (arguments.isObject()) {
            return arguments;
        }
        String text = arguments.asText("");
        if (text.isBlank()) {
            return NODES.objectNode();
        }
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed instanceof ObjectNode) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw refuse(at + ".function.arguments is not a JSON object: " + who() + " needs tool input as an object");
    }

    private ArrayNode toolResult(JsonNode message, String at) {
        JsonNode id = message.get("tool_call_id");
        if (id == null || !id.isTextual()) {
            throw refuse(at + ".tool_call_id is required: " + who() + " matches a tool result to its call");
        }
        ArrayNode blocks = NODES.arrayNode();
        ObjectNode result = blocks.addObject();
        result.put("type", "tool_result");
        result.set("tool_use_id", id);
        ArrayNode texts = texts(message.get("content"), at, false);
        if (!texts.isEmpty()) {
            result.set("content", texts);
        }
        return blocks;
    }

    /**
     * The text blocks of a message's content: a string, or text (and, for an assistant, refusal)
     * parts. Empty texts are dropped, since Anthropic refuses empty text blocks.
     */
    private ArrayNode texts(JsonNode content, String at, boolean assistant) {
        ArrayNode blocks = NODES.arrayNode();
        if (content == null || content.isNull()) {
            return blocks;
        }
        if (content.isTextual()) {
            addText(blocks, content.asText());
            return blocks;
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asText();
            if (type.equals("text") || (assistant && type.equals("refusal"))) {
                addText(blocks, part.path(type).asText(""));
            } else {
                throw refuse(at + ".content[" + j + "] is a " + word(type) + " part: only text parts can be"
                        + " sent there to " + who());
            }
        }
        return blocks;
    }

    private static void addText(ArrayNode blocks, String text) {
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
    }

    /** An {@code image_url} part: a base64 data URL of a type Anthropic reads, or a web address. */
    private ObjectNode image(JsonNode imageUrl, String at) {
        String url = imageUrl.path("url").asText("");
        ObjectNode block = NODES.objectNode().put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url.startsWith("data:")) {
            DataUrl data = dataUrl(url, at + ".image_url.url");
            if (!IMAGE_TYPES.contains(data.mediaType)) {
                throw refuse(at + ".image_url is " + word(data.mediaType) + ": " + who()
                        + " reads image/jpeg, image/png, image/gif and image/webp");
            }
            source.put("type", "base64").put("media_type", data.mediaType).put("data", data.base64);
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.put("type", "url").put("url", url);
        } else {
            throw refuse(at + ".image_url.url must be a data: URL or an http(s) address");
        }
        return block;
    }

    /** A {@code file} part: a PDF given inline; a file id means nothing outside OpenAI. */
    private ObjectNode document(JsonNode file, String at) {
        String data = file.path("file_data").asText("");
        if (data.isEmpty()) {
            throw refuse(at + ".file must carry file_data: " + who() + " cannot read OpenAI file ids");
        }
        DataUrl pdf = dataUrl(data, at + ".file.file_data");
        if (!pdf.mediaType.equals("application/pdf")) {
            throw refuse(at + ".file is " + word(pdf.mediaType) + ": " + who() + " reads PDF files");
        }
        ObjectNode block = NODES.objectNode().put("type", "document");
        block.putObject("source")
                .put("type", "base64")
                .put("media_type", pdf.mediaType)
                .put("data", pdf.base64);
        return block;
    }

    private record DataUrl(String mediaType, String base64) {}

    /** {@code data:<type>;base64,<data>}; the only form Anthropic's base64 sources take. */
    private DataUrl dataUrl(String url, String at) {
        int comma = url.indexOf(',');
        String head = comma < 0 ? "" : url.substring("data:".length(), comma);
        if (!url.startsWith("data:") || !head.endsWith(";base64")) {
            throw refuse(at + " must be a base64 data URL (data:<type>;base64,...)");
        }
        String mediaType = head.substring(0, head.length() - ";base64".length()).toLowerCase(Locale.ROOT);
        return new DataUrl(mediaType, url.substring(comma + 1));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSet(JsonNode v) {
        return v != null && !v.isNull();
    }

    private String who() {
        return "provider " + provider + " (anthropic)";
    }

    private static ProviderException refuse(String message) {
        return new ProviderException(ProviderException.Kind.INVALID_REQUEST, message);
    }

    /**
     * A type or role word as the caller wrote it, in quotes; anything that is not a short word of
     * letters could hold personal data and is not repeated.
     */
    private static String word(String value) {
        boolean plain = value.length() <= MAX_WORD
                && value.chars()
                        .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "_-./+".indexOf(c) >= 0);
        return plain ? "'" + value + "'" : "(a value not repeated here)";
    }
}
