package io.monago.atrium.gateway.exchange;

/**
 * Token usage of one call.
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens
 */
public record Usage(long promptTokens, long completionTokens) {

    /** No tokens: a call that never reached a provider. */
    public static final Usage NONE = new Usage(0, 0);

    /** @return input plus output tokens */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
