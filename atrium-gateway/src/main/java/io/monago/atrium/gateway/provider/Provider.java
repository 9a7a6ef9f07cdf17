package io.monago.atrium.gateway.provider;

import io.vertx.core.Future;

/**
 * An upstream that answers chat completions. Implementations never block the calling event loop:
 * they return a future completed when the answer is in.
 */
public interface Provider {

    /** {@return the provider's configured name, sent in {@code X-Monago-Provider}} */
    String name();

    /**
     * Sends a non-streaming completion.
     *
     * @param call the rewritten request
     * @return the answer, or a failed future with a {@link ProviderException}
     */
    Future<ProviderReply> complete(ProviderCall call);

    /**
     * Sends a streaming completion.
     *
     * @param call the rewritten request, with {@code stream: true}
     * @return the answer's chunks once the provider started answering, or a failed future with a
     *     {@link ProviderException}; {@link ProviderException.Kind#UNSUPPORTED} when this provider
     *     cannot stream
     */
    default Future<ChunkSource> stream(ProviderCall call) {
        return Future.failedFuture(
                new ProviderException(ProviderException.Kind.UNSUPPORTED, "provider " + name() + " does not stream"));
    }
}
