package io.monago.atrium.services;

import io.monago.atrium.CallFuture;
import io.monago.atrium.RawResponse;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;

/**
 * {@code POST /chat/completions}, async, answering with the HTTP details.
 *
 * <pre>{@code
 * client.async().chat().completions().withRawResponse().create(request)
 *         .thenAccept(raw -> System.out.println(raw.statusCode()));
 * }</pre>
 */
public interface AsyncRawChatCompletions {

    /**
     * Creates a completion.
     *
     * @param request the request
     * @return status, headers and the completion
     */
    default CallFuture<RawResponse<ChatCompletion>> create(ChatCompletionRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * Creates a completion with per-call options.
     *
     * @param request the request
     * @param options per-call options
     * @return status, headers and the completion
     */
    CallFuture<RawResponse<ChatCompletion>> create(ChatCompletionRequest request, RequestOptions options);
}
