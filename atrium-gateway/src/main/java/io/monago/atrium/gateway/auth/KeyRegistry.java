package io.monago.atrium.gateway.auth;

import io.monago.atrium.gateway.config.KeyConfig;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the key record for a presented API key by its hash. Immutable once built. */
public final class KeyRegistry {

    private final Map<String, Principal> byHash;

    /**
     * Builds the registry.
     *
     * @param keys the configured keys
     */
    public KeyRegistry(List<KeyConfig> keys) {
        Map<String, Principal> map = new HashMap<>();
        for (KeyConfig k : keys) {
            map.put(
                    k.hash(),
                    new Principal(
                            k.id(),
                            k.workspace(),
                            k.admin(),
                            k.modelsIfSet()
                                    .map(m -> m.stream().map(ModelGlob::new).toList()),
                            k.disabled(),
                            k.name(),
                            k.labels()));
        }
        this.byHash = Map.copyOf(map);
    }

    /**
     * Looks a presented key up.
     *
     * @param apiKey the key from the request
     * @return its record, or empty when the key is unknown
     */
    public Optional<Principal> find(String apiKey) {
        return Optional.ofNullable(byHash.get(ApiKeyHash.of(apiKey)));
    }
}
