package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.chat.Usage;
import java.util.Optional;

/** Reads OpenAI's {@code usage} object. */
final class UsageParser {

    private UsageParser() {}

    static Optional<Usage> parse(JsonNode completion) {
        JsonNode u = completion.get("usage");
        if (u == null || !u.isObject() || !u.path("prompt_tokens").canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(
                u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong()));
    }
}
