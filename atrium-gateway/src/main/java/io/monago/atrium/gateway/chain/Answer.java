package io.monago.atrium.gateway.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.ChunkSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An answer on its way back through the answer halves. */
public sealed interface Answer {

    /**
     * A whole {@code chat.completion}.
     *
     * @param body the completion, which answer halves may rewrite in place
     * @param usage the usage the provider reported, if it did
     */
    record Completion(ObjectNode body, Optional<Usage> usage) implements Answer {}

    /**
     * A streamed completion: the provider's chunks and, in order, the transforms the answer halves
     * put them through. Nothing flows until {@link ChunkPipeline} starts it.
     *
     * @param source the provider's chunks
     * @param transforms what the chunks pass through, innermost filter first
     */
    record Chunked(ChunkSource source, List<ChunkTransform> transforms) implements Answer {

        /**
         * Copies the transforms.
         *
         * @param source see the record description
         * @param transforms see the record description
         */
        public Chunked {
            transforms = List.copyOf(transforms);
        }

        /**
         * A stream with no transforms yet.
         *
         * @param source the provider's chunks
         */
        public Chunked(ChunkSource source) {
            this(source, List.of());
        }

        /**
         * Adds a transform after those already there.
         *
         * @param transform what every chunk goes through next
         * @return the stream with the transform added
         */
        public Chunked through(ChunkTransform transform) {
            List<ChunkTransform> all = new ArrayList<>(transforms.size() + 1);
            all.addAll(transforms);
            all.add(transform);
            return new Chunked(source, all);
        }
    }

    /**
     * An error answer in the protocol's shape.
     *
     * @param rejection what went wrong
     */
    record Failure(Rejection rejection) implements Answer {}

    /**
     * A first call's answer sent again for a retried {@code Idempotency-Key}: already governed,
     * billed and audited, so answer halves pass it on untouched.
     *
     * @param reply the answer as it was sent the first time
     */
    record Replay(HttpReply reply) implements Answer {}
}
