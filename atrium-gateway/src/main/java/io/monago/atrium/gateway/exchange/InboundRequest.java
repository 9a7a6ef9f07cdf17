package io.monago.atrium.gateway.exchange;

import io.vertx.core.MultiMap;
import java.util.Optional;

/**
 * The request as it arrived, before any filter interpreted it.
 *
 * @param headers the HTTP headers (case-insensitive)
 * @param body the raw body, read out of the network buffer once and shared by the filters that
 *     need it (validation, the idempotency hash); empty when the request had none or when it was
 *     over the limit; never modified
 * @param oversized whether the body was over the configured limit and so was not read
 */
public record InboundRequest(MultiMap headers, byte[] body, boolean oversized) {

    /**
     * A request whose body was read.
     *
     * @param headers the headers
     * @param body the body
     * @return the request
     */
    public static InboundRequest of(MultiMap headers, byte[] body) {
        return new InboundRequest(headers, body, false);
    }

    /**
     * A request whose body was over the limit and was not read.
     *
     * @param headers the headers
     * @return the request
     */
    public static InboundRequest oversized(MultiMap headers) {
        return new InboundRequest(headers, new byte[0], true);
    }

    /**
     * Reads a header.
     *
     * @param name its name, any case
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
