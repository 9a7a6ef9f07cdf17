package io.monago.atrium.gateway.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.RequestTags;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the caller attached for the audit trail (docs/protocol.md §2): {@code user} and
 * {@code metadata} from the body, else the {@code X-Monago-*} headers (UTF-8, strictly); the trace
 * id from {@code traceparent}; the {@code Idempotency-Key}. Checks OpenAI's limits, and says which
 * values came from headers only: those are stored but never forwarded, so inspection reads them on
 * their own (the body's are read with the rest of the body).
 */
public final class RequestTagReader {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private final RequestJson json;

    /**
     * Creates the reader.
     *
     * @param json reads the metadata header with the gateway's limits
     */
    public RequestTagReader(RequestJson json) {
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
        Map<String, String> metadataFromHeaders = new LinkedHashMap<>();
        Optional<String> headerMeta = request.header(ProtocolHeaders.METADATA);
        if (headerMeta.isPresent()) {
            byte[] bytes = headerMeta.get().getBytes(StandardCharsets.ISO_8859_1);
            if (bytes.length > RequestLimits.METADATA_HEADER_MAX_BYTES) {
                return Result.invalid("header " + ProtocolHeaders.METADATA + " is over "
                        + RequestLimits.METADATA_HEADER_MAX_BYTES + " bytes");
            }
            JsonNode parsed;
            try {
                parsed = json.read(bytes, "header " + ProtocolHeaders.METADATA);
            } catch (RequestJson.Invalid e) {
                return Result.invalid(e.getMessage() + "; it must hold one JSON object of strings");
            }
            String problem = collect(parsed, "header " + ProtocolHeaders.METADATA, metadataFromHeaders);
            if (problem != null) {
                return Result.invalid(problem);
            }
        }
        Header session = header(request, ProtocolHeaders.SESSION_ID, RequestLimits.METADATA_VALUE_MAX_CHARS);
        if (session.problem != null) {
            return Result.invalid(session.problem);
        }
        session.value.ifPresent(v -> metadataFromHeaders.putIfAbsent(RequestLimits.SESSION_ID_KEY, v));
        metadata.putAll(metadataFromHeaders);
        Header userHeader = header(request, ProtocolHeaders.USER_ID, RequestLimits.USER_MAX_CHARS);
        if (userHeader.problem != null) {
            return Result.invalid(userHeader.problem);
        }
        Optional<String> user = userHeader.value;
        boolean userFromHeader = user.isPresent();
        if (body != null) {
            JsonNode bodyMeta = body.get("metadata");
            if (bodyMeta != null && !bodyMeta.isNull()) {
                Map<String, String> fromBody = new LinkedHashMap<>();
                String problem = collect(bodyMeta, "field metadata", fromBody);
                if (problem != null) {
                    return Result.invalid(problem);
                }
                metadata.putAll(fromBody);
                fromBody.keySet().forEach(metadataFromHeaders::remove);
            }
            JsonNode bodyUser = body.get("user");
            if (bodyUser != null && bodyUser.isTextual()) {
                user = Optional.of(bodyUser.asText());
                userFromHeader = false;
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
                .filter(Matcher::matches)
                .map(m -> m.group(1));
        List<TextSlot> headerOnly = new ArrayList<>();
        if (userFromHeader) {
            headerOnly.add(TextSlot.readOnlyIdentifier("header " + ProtocolHeaders.USER_ID, "user", user.get()));
        }
        metadataFromHeaders.forEach((k, v) -> {
            headerOnly.add(TextSlot.readOnlyIdentifier("key of header metadata." + k, "", k));
            headerOnly.add(TextSlot.readOnlyIdentifier("header metadata." + k, k, v));
        });
        return new Result(
                new RequestTags(
                        user, Optional.ofNullable(metadata.get(RequestLimits.SESSION_ID_KEY)), metadata, traceId, idem),
                headerOnly,
                null);
    }

    /** A tag header's value, decoded as strict UTF-8 and checked against its limit. */
    private static Header header(InboundRequest request, String name, int maxChars) {
        Optional<String> raw = request.header(name);
        if (raw.isEmpty()) {
            return new Header(Optional.empty(), null);
        }
        byte[] bytes = raw.get().getBytes(StandardCharsets.ISO_8859_1);
        if (Utf8.firstInvalid(bytes) >= 0) {
            return new Header(Optional.empty(), "header " + name + " is not valid UTF-8");
        }
        String value = new String(bytes, StandardCharsets.UTF_8);
        if (value.length() > maxChars) {
            return new Header(Optional.empty(), "header " + name + " is longer than " + maxChars + " characters");
        }
        return new Header(Optional.of(value), null);
    }

    private record Header(Optional<String> value, String problem) {}

    private static String collect(JsonNode node, String what, Map<String, String> into) {
        if (!node.isObject()) {
            return what + " must be an object of strings";
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().length() > RequestLimits.METADATA_KEY_MAX_CHARS) {
                return what + " has a key longer than " + RequestLimits.METADATA_KEY_MAX_CHARS + " characters";
            }
            if (!e.getValue().isTextual()) {
                return what + "." + Echo.name(e.getKey()) + " must be a string";
            }
            if (e.getValue().asText().length() > RequestLimits.METADATA_VALUE_MAX_CHARS) {
                return what + "." + Echo.name(e.getKey()) + " is longer than " + RequestLimits.METADATA_VALUE_MAX_CHARS
                        + " characters";
            }
            into.put(e.getKey(), e.getValue().asText());
        }
        return null;
    }

    /**
     * The outcome.
     *
     * @param tags the tags, as sent, when valid
     * @param headerOnly the texts among them that came from headers only, for inspection
     * @param problem what breaks a limit
     */
    public record Result(RequestTags tags, List<TextSlot> headerOnly, String problem) {
        static Result invalid(String problem) {
            return new Result(null, List.of(), problem);
        }
    }
}
