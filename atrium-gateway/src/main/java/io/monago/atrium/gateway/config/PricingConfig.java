package io.monago.atrium.gateway.config;

/**
 * How prices in USD become rupiah.
 *
 * @param usdToIdr rupiah per US dollar, default 16 500
 */
public record PricingConfig(Double usdToIdr) {

    /** Default exchange rate. */
    public static final double DEFAULT_USD_TO_IDR = 16_500.0;

    /**
     * Fills defaults.
     *
     * @param usdToIdr see the record description
     */
    public PricingConfig {
        usdToIdr = usdToIdr == null ? DEFAULT_USD_TO_IDR : usdToIdr;
    }

    /** {@return the defaults} */
    public static PricingConfig defaults() {
        return new PricingConfig(null);
    }
}
