package io.monago.atrium.gateway.exchange;

import io.vertx.core.MultiMap;
import java.util.Optional;

/**
 * The request as it arrived, before any filter interpreted it: its headers (case-insensitive) and
 * its raw body, read out of the network buffer once and shared by the filters that need it
 * (validation, the idempotency hash). The body is never modified.
 */
public final class InboundRequest {

    private static final byte[] NO_BODY = new byte[0];

    private final MultiMap headers;
    private final byte[] body;
    private final boolean oversized;

    private InboundRequest(MultiMap headers, byte[] body, boolean oversized) {
        this.headers = headers;
        this.body = body;
        this.oversized = oversized;
    }

    /**
     * A request whose body was read.
     *
     * @param headers the headers
     * @param body the body, handed over: the caller keeps no other reference that writes to it
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
        return new InboundRequest(headers, NO_BODY, true);
    }

    /** {@return the HTTP headers} */
    public MultiMap headers() {
        return headers;
    }

    /**
     * The raw body, without a copy (it may be megabytes): read it, never write to it.
     *
     * @return the body; empty when there was none or it was over the limit
     */
    public byte[] body() {
        return body;
    }

    /** {@return whether the body was over the configured limit and so was not read} */
    public boolean oversized() {
        return oversized;
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
