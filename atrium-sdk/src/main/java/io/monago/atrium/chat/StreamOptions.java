package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;

/**
 * Options for a streamed answer ({@code stream_options}).
 *
 * <pre>{@code
 * builder.streamOptions(new StreamOptions(true, false));
 * }</pre>
 *
 * @param includeUsage send a last chunk with the token usage
 * @param includeObfuscation pad chunks against length side channels (OpenAI's default is true)
 */
public record StreamOptions(boolean includeUsage, boolean includeObfuscation) {

    /**
     * Options that ask for the usage chunk and keep the provider's default padding.
     *
     * @return the options
     */
    public static StreamOptions withUsage() {
        return new StreamOptions(true, true);
    }

    /**
     * The options as they are sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        return Json.object().put("include_usage", includeUsage).put("include_obfuscation", includeObfuscation);
    }
}
