package io.monago.atrium.gateway.meter;

import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.exchange.ModelRoute;

/** Turns usage into rupiah with the route's USD prices and the configured exchange rate. */
public final class CostMeter {

    private final double usdToIdr;

    /**
     * Creates the meter.
     *
     * @param usdToIdr rupiah per US dollar
     */
    public CostMeter(double usdToIdr) {
        this.usdToIdr = usdToIdr;
    }

    /**
     * Prices a call.
     *
     * @param route the route that served it
     * @param usage its usage
     * @return the cost in rupiah; 0 for a free model
     */
    public double costIdr(ModelRoute route, Usage usage) {
        double usd = (usage.promptTokens() * route.inputUsdPerMillion()
                        + usage.completionTokens() * route.outputUsdPerMillion())
                / 1_000_000.0;
        return usd * usdToIdr;
    }
}
