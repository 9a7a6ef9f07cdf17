package io.monago.atrium.gateway.config;

import java.util.List;
import java.util.Optional;

/**
 * A model route and its price.
 *
 * @param name the model name callers send; may be a glob ({@code gpt-*}, {@code *})
 * @param provider name of the provider that serves it
 * @param upstreamModel the name sent upstream, default the caller's name
 * @param inputUsdPerMillion price per million input tokens in USD, default 0
 * @param outputUsdPerMillion price per million output tokens in USD, default 0
 * @param fallback models tried in order when this one's provider fails (after its retries), each
 *     served and priced by its own entry; a caller's workspace and key must allow a fallback model
 *     for it to be tried; default none
 */
public record ModelConfig(
        String name,
        String provider,
        String upstreamModel,
        Double inputUsdPerMillion,
        Double outputUsdPerMillion,
        List<String> fallback) {

    /**
     * Fills defaults.
     *
     * @param name see the record description
     * @param provider see the record description
     * @param upstreamModel see the record description
     * @param inputUsdPerMillion see the record description
     * @param outputUsdPerMillion see the record description
     * @param fallback see the record description
     */
    public ModelConfig {
        inputUsdPerMillion = inputUsdPerMillion == null ? 0.0 : inputUsdPerMillion;
        outputUsdPerMillion = outputUsdPerMillion == null ? 0.0 : outputUsdPerMillion;
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    /** {@return the upstream name, if it differs from the caller's} */
    public Optional<String> upstreamModelIfSet() {
        return Optional.ofNullable(upstreamModel);
    }
}
