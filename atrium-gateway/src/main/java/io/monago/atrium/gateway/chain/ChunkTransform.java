package io.monago.atrium.gateway.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * What a filter's answer half does to a streamed answer, chunk by chunk: pass a chunk on, rewrite
 * it, hold it back until a later chunk shows it is safe, or drop it. At the end it may release what
 * it held back and do I/O (the audit write) before the stream is closed.
 */
public interface ChunkTransform {

    /**
     * Handles one chunk.
     *
     * @param chunk the chunk, which may be rewritten in place
     * @param out passes chunks on to the next transform, any number of times
     */
    void onChunk(ObjectNode chunk, Consumer<ObjectNode> out);

    /**
     * The stream ended normally.
     *
     * @param out passes on what was held back
     * @return completes when this transform is done; the next one's end waits for it
     */
    default Future<Void> onEnd(Consumer<ObjectNode> out) {
        return Future.succeededFuture();
    }

    /**
     * The stream broke off; held-back chunks are dropped.
     *
     * @param cause why
     * @return completes when this transform is done
     */
    default Future<Void> onFailure(Throwable cause) {
        return Future.succeededFuture();
    }
}
