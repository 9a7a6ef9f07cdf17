package io.monago.atrium.gateway.chat;

/**
 * Token usage of one call.
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens
 */
public record Usage(long promptTokens, long completionTokens) {

    /** No tokens: a call that never reached a provider. */
    public static final Usage NONE = new Usage(0, 0);

    /**
     * Writes OpenAI's {@code usage} fields.
     *
     * @param usage the object to fill
     */
    public void writeTo(com.fasterxml.jackson.databind.node.ObjectNode usage) {
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", totalTokens());
    }

    /** {@return input plus output tokens} */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
