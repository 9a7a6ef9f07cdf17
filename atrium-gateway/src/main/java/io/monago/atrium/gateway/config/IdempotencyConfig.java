package io.monago.atrium.gateway.config;

/**
 * Where {@code Idempotency-Key}s and their first answers are kept for 24 hours.
 *
 * @param store {@code memory} (this process; the default) or a {@code redis://host:port[/db]} URL,
 *     so a retry that reaches another gateway instance still gets the first answer
 * @param keyPrefix what every Redis key idempotency uses starts with, default {@code atrium:}
 */
public record IdempotencyConfig(String store, String keyPrefix) {

    /**
     * Fills defaults.
     *
     * @param store see the record description
     * @param keyPrefix see the record description
     */
    public IdempotencyConfig {
        store = store == null ? "memory" : store;
        keyPrefix = keyPrefix == null ? StoreUrl.DEFAULT_KEY_PREFIX : keyPrefix;
    }

    /** {@return the defaults: kept in memory} */
    public static IdempotencyConfig defaults() {
        return new IdempotencyConfig(null, null);
    }
}
