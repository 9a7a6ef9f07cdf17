package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives a stream of chunks: any number of chunks, then exactly one end or failure. */
public interface ChunkReceiver {

    /**
     * One {@code chat.completion.chunk} object.
     *
     * @param chunk the chunk; the receiver may rewrite it
     */
    void chunk(ObjectNode chunk);

    /** The stream ended normally. */
    void end();

    /**
     * The stream broke off.
     *
     * @param cause why
     */
    void fail(Throwable cause);
}
