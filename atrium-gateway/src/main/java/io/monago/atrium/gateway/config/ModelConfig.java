package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * A model route and its price.
 *
 * @param name the model name callers send; may be a glob ({@code gpt-*}, {@code *})
 * @param provider name of the provider that serves it
 * @param upstreamModel the name sent upstream, default the caller's name
 * @param inputUsdPerMillion price per million input tokens in USD, default 0
 * @param outputUsdPerMillion price per million output tokens in USD, default 0
 */
public record ModelConfig(
        String name, String provider, String upstreamModel, Double inputUsdPerMillion, Double outputUsdPerMillion) {

    /**
     * Fills defaults.
     *
     * @param name see the record description
     * @param provider see the record description
     * @param upstreamModel see the record description
     * @param inputUsdPerMillion see the record description
     * @param outputUsdPerMillion see the record description
     */
    public ModelConfig {
        inputUsdPerMillion = inputUsdPerMillion == null ? 0.0 : inputUsdPerMillion;
        outputUsdPerMillion = outputUsdPerMillion == null ? 0.0 : outputUsdPerMillion;
    }

    /** {@return the upstream name, if it differs from the caller's} */
    public Optional<String> upstreamModelIfSet() {
        return Optional.ofNullable(upstreamModel);
    }
}
