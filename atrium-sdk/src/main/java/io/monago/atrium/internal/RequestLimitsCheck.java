package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.protocol.RequestLimits;
import java.util.Map;

/**
 * Checks a request body's {@code user} and {@code metadata} against the limits of docs/protocol.md §2
 * before anything is sent. Lengths count characters (code points), as OpenAI and the gateway do.
 * Messages name the field and the limit, never a value.
 *
 * <p>Internal: not part of the public API.
 */
public final class RequestLimitsCheck {

    private RequestLimitsCheck() {}

    /**
     * Checks the tagging fields of a body.
     *
     * @param body the request body
     * @throws IllegalArgumentException naming the field that breaks a limit
     */
    public static void check(JsonNode body) {
        JsonNode user = body.get("user");
        if (user != null && !user.isNull()) {
            if (!user.isTextual()) {
                throw new IllegalArgumentException("user must be a string");
            }
            int length = length(user.textValue());
            if (length > RequestLimits.USER_MAX_CHARS) {
                throw new IllegalArgumentException(
                        "user is " + length + " characters; at most " + RequestLimits.USER_MAX_CHARS + " are allowed");
            }
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            checkMetadata(metadata);
        }
    }

    private static void checkMetadata(JsonNode metadata) {
        if (!metadata.isObject()) {
            throw new IllegalArgumentException("metadata must be an object of string keys to string values");
        }
        if (metadata.size() > RequestLimits.METADATA_MAX_KEYS) {
            throw new IllegalArgumentException("metadata has " + metadata.size() + " keys; at most "
                    + RequestLimits.METADATA_MAX_KEYS + " are allowed");
        }
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            String key = entry.getKey();
            int keyLength = length(key);
            if (keyLength > RequestLimits.METADATA_KEY_MAX_CHARS) {
                throw new IllegalArgumentException("metadata key starting \"" + key.substring(0, 16) + "\" is "
                        + keyLength + " characters; at most " + RequestLimits.METADATA_KEY_MAX_CHARS + " are allowed");
            }
            if (!entry.getValue().isTextual()) {
                throw new IllegalArgumentException("metadata value of key \"" + key + "\" must be a string");
            }
            int valueLength = length(entry.getValue().textValue());
            if (valueLength > RequestLimits.METADATA_VALUE_MAX_CHARS) {
                throw new IllegalArgumentException("metadata value of key \"" + key + "\" is " + valueLength
                        + " characters; at most " + RequestLimits.METADATA_VALUE_MAX_CHARS + " are allowed");
            }
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
