package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives the chunks of a streamed completion, in order. */
@FunctionalInterface
public interface ChunkSink {

    /**
     * Accepts one {@code chat.completion.chunk} object.
     *
     * @param chunk the chunk
     */
    void accept(ObjectNode chunk);
}
