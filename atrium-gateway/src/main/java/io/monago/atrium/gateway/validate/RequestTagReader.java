package io.monago.atrium.gateway.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.RequestTags;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what the caller attached for the audit trail (docs/protocol.md §2): {@code user} and
 * {@code metadata} from the body, else the {@code X-Monago-*} headers; the trace id from
 * {@code traceparent}; the {@code Idempotency-Key}. Checks OpenAI's limits.
 */
public final class RequestTagReader {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private final ObjectMapper json;

    /**
     * Creates the reader.
     *
     * @param json the shared mapper
     */
    public RequestTagReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads the tags.
     *
     * @param request the inbound request
     * @param body the parsed body, or null when it could not be parsed
     * @return the tags, or a message naming the field that breaks a limit
     */
    public Result read(InboundRequest request, JsonNode body) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Optional<String> headerMeta = request.header(ProtocolHeaders.METADATA);
        if (headerMeta.isPresent()) {
            if (headerMeta.get().getBytes(StandardCharsets.UTF_8).length > RequestLimits.METADATA_HEADER_MAX_BYTES) {
                return Result.invalid("header " + ProtocolHeaders.METADATA + " is over "
                        + RequestLimits.METADATA_HEADER_MAX_BYTES + " bytes");
            }
            JsonNode parsed;
            try {
                parsed = json.readTree(headerMeta.get());
            } catch (java.io.IOException e) {
                return Result.invalid("header " + ProtocolHeaders.METADATA + " must hold a JSON object");
            }
            String problem = collect(parsed, "header " + ProtocolHeaders.METADATA, metadata);
            if (problem != null) {
                return Result.invalid(problem);
            }
        }
        Optional<String> sessionHeader = request.header(ProtocolHeaders.SESSION_ID);
        if (sessionHeader.isPresent()) {
            metadata.putIfAbsent(RequestLimits.SESSION_ID_KEY, sessionHeader.get());
        }
        Optional<String> user = request.header(ProtocolHeaders.USER_ID);
        if (body != null) {
            JsonNode bodyMeta = body.get("metadata");
            if (bodyMeta != null && !bodyMeta.isNull()) {
                Map<String, String> fromBody = new LinkedHashMap<>();
                String problem = collect(bodyMeta, "field metadata", fromBody);
                if (problem != null) {
                    return Result.invalid(problem);
                }
                metadata.putAll(fromBody);
            }
            JsonNode bodyUser = body.get("user");
            if (bodyUser != null && bodyUser.isTextual()) {
                user = Optional.of(bodyUser.asText());
            }
        }
        if (user.isPresent() && user.get().length() > RequestLimits.USER_MAX_CHARS) {
            return Result.invalid("field user is longer than " + RequestLimits.USER_MAX_CHARS + " characters");
        }
        if (metadata.size() > RequestLimits.METADATA_MAX_KEYS) {
            return Result.invalid("metadata has more than " + RequestLimits.METADATA_MAX_KEYS + " keys");
        }
        Optional<String> idem = request.header(ProtocolHeaders.IDEMPOTENCY_KEY);
        if (idem.isPresent() && idem.get().length() > RequestLimits.IDEMPOTENCY_KEY_MAX_CHARS) {
            return Result.invalid(
                    "header Idempotency-Key is longer than " + RequestLimits.IDEMPOTENCY_KEY_MAX_CHARS + " characters");
        }
        Optional<String> traceId = request.header(ProtocolHeaders.TRACEPARENT)
                .map(String::trim)
                .map(TRACEPARENT::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1));
        return new Result(
                new RequestTags(
                        user, Optional.ofNullable(metadata.get(RequestLimits.SESSION_ID_KEY)), metadata, traceId, idem),
                null);
    }

    private static String collect(JsonNode node, String what, Map<String, String> into) {
        if (!node.isObject()) {
            return what + " must be an object of strings";
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().length() > RequestLimits.METADATA_KEY_MAX_CHARS) {
                return what + " has a key longer than " + RequestLimits.METADATA_KEY_MAX_CHARS + " characters";
            }
            if (!e.getValue().isTextual()) {
                return what + "." + e.getKey() + " must be a string";
            }
            if (e.getValue().asText().length() > RequestLimits.METADATA_VALUE_MAX_CHARS) {
                return what + "." + e.getKey() + " is longer than " + RequestLimits.METADATA_VALUE_MAX_CHARS
                        + " characters";
            }
            into.put(e.getKey(), e.getValue().asText());
        }
        return null;
    }

    /**
     * The outcome.
     *
     * @param tags the tags, when valid
     * @param problem what breaks a limit
     */
    public record Result(RequestTags tags, String problem) {
        static Result invalid(String problem) {
            return new Result(null, problem);
        }
    }
}
