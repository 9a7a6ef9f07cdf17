package io.monago.atrium.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The {@code store} setting of limits and idempotency: {@code memory}, or a Redis URL.
 *
 * <pre>{@code
 * StoreUrl.redis("redis://127.0.0.1:6379");   // Optional[redis://127.0.0.1:6379]
 * StoreUrl.redis("memory");                   // Optional.empty
 * }</pre>
 */
public final class StoreUrl {

    /** The word for this process's memory. */
    public static final String MEMORY = "memory";

    /** The key prefix when none is configured. */
    public static final String DEFAULT_KEY_PREFIX = "atrium:";

    private StoreUrl() {}

    /**
     * Reads a store setting.
     *
     * @param store the setting
     * @return the Redis URL, or empty for memory
     * @throws IllegalArgumentException naming what is wrong when it is neither
     */
    public static Optional<String> redis(String store) {
        if (store.equals(MEMORY)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(store);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "must be memory or a redis:// URL such as redis://127.0.0.1:6379, got a value that is not a URL");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "must be memory or a redis:// URL such as redis://127.0.0.1:6379, got scheme '" + uri.getScheme()
                            + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("must name a host, as in redis://127.0.0.1:6379");
        }
        return Optional.of(store);
    }
}
