package io.monago.atrium.gateway.exchange;

import io.monago.atrium.gateway.provider.Provider;
import java.util.List;

/**
 * Where one request goes, what it costs, and where it goes next if that fails.
 *
 * @param model the model name this route serves, as a caller would ask for it
 * @param provider the provider that serves the model
 * @param upstreamModel the model name to send upstream
 * @param inputUsdPerMillion price per million input tokens in USD
 * @param outputUsdPerMillion price per million output tokens in USD
 * @param fallbacks the routes tried in order when this one fails; their own fallbacks are not
 *     followed
 */
public record ModelRoute(
        String model,
        Provider provider,
        String upstreamModel,
        double inputUsdPerMillion,
        double outputUsdPerMillion,
        List<ModelRoute> fallbacks) {

    /**
     * Copies the fallbacks.
     *
     * @param model see the record description
     * @param provider see the record description
     * @param upstreamModel see the record description
     * @param inputUsdPerMillion see the record description
     * @param outputUsdPerMillion see the record description
     * @param fallbacks see the record description
     */
    public ModelRoute {
        fallbacks = List.copyOf(fallbacks);
    }

    /**
     * A route with no fallbacks.
     *
     * @param model the model name
     * @param provider the provider
     * @param upstreamModel the upstream name
     * @param inputUsdPerMillion input price
     * @param outputUsdPerMillion output price
     * @return the route
     */
    public static ModelRoute direct(
            String model,
            Provider provider,
            String upstreamModel,
            double inputUsdPerMillion,
            double outputUsdPerMillion) {
        return new ModelRoute(model, provider, upstreamModel, inputUsdPerMillion, outputUsdPerMillion, List.of());
    }
}
