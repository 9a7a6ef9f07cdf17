package io.monago.atrium.gateway.exchange;

import io.vertx.core.MultiMap;
import java.util.Optional;

/**
 * The request as it arrived, before any step interpreted it.
 *
 * @param headers the HTTP headers (case-insensitive)
 * @param body the raw body, read out of the network buffer once and shared by the steps that need
 *     it (validation, the idempotency hash); empty when the request had none; never modified
 */
public record InboundRequest(MultiMap headers, byte[] body) {

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
