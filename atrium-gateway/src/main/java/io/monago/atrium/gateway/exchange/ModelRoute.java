package io.monago.atrium.gateway.exchange;

import io.monago.atrium.gateway.provider.Provider;

/**
 * Where one request goes and what it costs.
 *
 * @param provider the provider that serves the model
 * @param upstreamModel the model name to send upstream
 * @param inputUsdPerMillion price per million input tokens in USD
 * @param outputUsdPerMillion price per million output tokens in USD
 */
public record ModelRoute(
        Provider provider, String upstreamModel, double inputUsdPerMillion, double outputUsdPerMillion) {}
