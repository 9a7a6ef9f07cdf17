package io.monago.atrium.gateway.config;

/**
 * Where limits and budgets are counted, and how a call's tokens are estimated before it is made.
 *
 * @param store {@code memory} (this process; the default) or a {@code redis://host:port[/db]} URL,
 *     shared by every gateway instance that names it
 * @param defaultMaxTokens the completion tokens reserved for a call that sets no {@code max_tokens},
 *     default 1024
 * @param keyPrefix what every Redis key the limits use starts with, default {@code atrium:}
 */
public record LimitsConfig(String store, Long defaultMaxTokens, String keyPrefix) {

    /**
     * Fills defaults.
     *
     * @param store see the record description
     * @param defaultMaxTokens see the record description
     * @param keyPrefix see the record description
     */
    public LimitsConfig {
        store = store == null ? "memory" : store;
        defaultMaxTokens = defaultMaxTokens == null ? 1024L : defaultMaxTokens;
        keyPrefix = keyPrefix == null ? StoreUrl.DEFAULT_KEY_PREFIX : keyPrefix;
    }

    /** {@return the defaults: in memory, 1024 tokens reserved for an answer of unset length} */
    public static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null);
    }
}
