package io.monago.atrium.services;

import io.monago.atrium.CallFuture;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;

/**
 * {@code POST /chat/completions}, async. Cancelling a returned future aborts the HTTP exchange (or
 * the wait before a retry); futures complete on the client's executor.
 *
 * <pre>{@code
 * client.async().chat().completions().create(request)
 *         .thenAccept(res -> System.out.println(res.content()))
 *         .exceptionally(e -> { log(e); return null; });
 * }</pre>
 */
public interface AsyncChatCompletions {

    /**
     * Creates a completion.
     *
     * @param request the request
     * @return the completion; fails with an {@link io.monago.atrium.errors.AtriumException}
     * @throws IllegalArgumentException when the request asks for {@code stream: true} (use
     *     {@link #createStreaming})
     */
    default CallFuture<ChatCompletion> create(ChatCompletionRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * Creates a completion with per-call options.
     *
     * @param request the request
     * @param options per-call options
     * @return the completion; fails with an {@link io.monago.atrium.errors.AtriumException}
     * @throws IllegalArgumentException when the request asks for {@code stream: true}
     */
    CallFuture<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options);

    /**
     * Creates a completion streamed as it is generated, as a publisher of its chunks. The call
     * starts when a subscriber subscribes; chunks are delivered on the client's executor as the
     * subscriber requests them, and cancelling the subscription closes the connection.
     *
     * <pre>{@code
     * ChatCompletionPublisher chunks = client.async().chat().completions().createStreaming(request);
     * chunks.subscribe(subscriber);
     * chunks.completion().thenAccept(whole -> System.out.println(whole.content()));
     * }</pre>
     *
     * @param request the request
     * @return the publisher; failures reach the subscriber's {@code onError} as an
     *     {@link io.monago.atrium.errors.AtriumException}
     */
    default ChatCompletionPublisher createStreaming(ChatCompletionRequest request) {
        return createStreaming(request, RequestOptions.none());
    }

    /**
     * Creates a streamed completion with per-call options.
     *
     * @param request the request
     * @param options per-call options
     * @return the publisher
     */
    ChatCompletionPublisher createStreaming(ChatCompletionRequest request, RequestOptions options);

    /**
     * The same endpoint, answering with status and headers as well as the completion.
     *
     * @return the raw view
     */
    AsyncRawChatCompletions withRawResponse();
}
