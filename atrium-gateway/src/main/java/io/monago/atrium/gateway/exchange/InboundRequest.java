package io.monago.atrium.gateway.exchange;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * The request as it arrived, before any step interpreted it.
 *
 * @param headers the HTTP headers (case-insensitive)
 * @param body the raw body; empty when the request had none
 */
public record InboundRequest(MultiMap headers, Buffer body) {

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
