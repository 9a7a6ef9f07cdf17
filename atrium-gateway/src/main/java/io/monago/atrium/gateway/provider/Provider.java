package io.monago.atrium.gateway.provider;

import io.vertx.core.Future;

/**
 * An upstream that answers chat completions. Implementations never block the calling event loop:
 * they return a future completed when the answer is in.
 *
 * <p>The interface is stream-capable: {@link #stream} delivers the answer as OpenAI chunks; a
 * provider that cannot stream says so through {@link #supportsStreaming()}.
 */
public interface Provider {

    /** @return the provider's configured name, sent in {@code X-Monago-Provider} */
    String name();

    /**
     * Sends a non-streaming completion.
     *
     * @param call the rewritten request
     * @return the answer, or a failed future with a {@link ProviderException}
     */
    Future<ProviderReply> complete(ProviderCall call);

    /** @return whether {@link #stream} is implemented */
    default boolean supportsStreaming() {
        return false;
    }

    /**
     * Sends a streaming completion, handing each chunk to {@code sink} as it arrives.
     *
     * @param call the rewritten request, with {@code stream: true}
     * @param sink receives chunks in order
     * @return completes with the usage once the stream ended
     */
    default Future<ProviderReply> stream(ProviderCall call, ChunkSink sink) {
        return Future.failedFuture(
                new ProviderException(ProviderException.Kind.UNSUPPORTED, "provider " + name() + " does not stream"));
    }
}
