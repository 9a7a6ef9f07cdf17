package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Anthropic's errors as {@link ProviderException}s. Anthropic answers an error with
 * {@code {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}}, both as an
 * HTTP answer (with its status: 400, 401, 403, 404, 413, 429, 500, 529...) and as an {@code error}
 * event in the middle of a stream. The caller sees the status, the error's type and a shortened
 * message; the upstream key never appears, even if an upstream message were to quote it.
 */
final class AnthropicErrors {

    private static final int MAX_DETAIL = 300;
    private static final int MAX_TYPE = 60;

    private final String provider;
    private final Optional<String> key;

    /**
     * Creates the mapper.
     *
     * @param provider the provider's name
     * @param key the upstream key, to keep it out of every message
     */
    AnthropicErrors(String provider, Optional<String> key) {
        this.provider = provider;
        this.key = key;
    }

    /**
     * An error answer.
     *
     * @param status the HTTP status
     * @param body the parsed body, null when it was not JSON
     * @return the exception, carrying the status
     */
    ProviderException answered(int status, JsonNode body) {
        return new ProviderException(
                ProviderException.Kind.FAILED, "provider " + provider + " answered " + status + detail(body), status);
    }

    /**
     * An {@code error} event in a stream that had started well.
     *
     * @param event the event's data, null when it was not JSON
     * @return the exception
     */
    ProviderException streamed(JsonNode event) {
        return new ProviderException(
                ProviderException.Kind.FAILED,
                "provider " + provider + " broke off its stream with an error" + detail(event));
    }

    private String detail(JsonNode body) {
        if (body == null) {
            return "";
        }
        JsonNode error = body.path("error");
        String type = scrub(error.path("type").asText(""));
        String message = scrub(error.path("message").asText(""));
        StringBuilder out = new StringBuilder();
        if (!type.isEmpty() && type.length() <= MAX_TYPE) {
            out.append(" (").append(type).append(')');
        }
        if (!message.isEmpty()) {
            out.append(": ").append(message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "..." : message);
        }
        return out.toString();
    }

    /** Removes the key before anything is cut, so no part of it survives a shortened message. */
    private String scrub(String text) {
        return key.filter(k -> !k.isEmpty() && text.contains(k))
                .map(k -> text.replace(k, "***"))
                .orElse(text);
    }
}
