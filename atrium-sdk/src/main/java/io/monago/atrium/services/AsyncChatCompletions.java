package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.concurrent.CompletableFuture;

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
     * @throws IllegalArgumentException when the request asks for {@code stream: true}
     */
    default CompletableFuture<ChatCompletion> create(ChatCompletionRequest request) {
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
    CompletableFuture<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options);

    /**
     * The same endpoint, answering with status and headers as well as the completion.
     *
     * @return the raw view
     */
    AsyncRawChatCompletions withRawResponse();
}
