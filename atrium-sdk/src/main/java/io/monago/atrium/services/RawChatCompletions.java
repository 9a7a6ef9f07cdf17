package io.monago.atrium.services;

import io.monago.atrium.RawResponse;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;

/**
 * {@code POST /chat/completions}, blocking, answering with the HTTP details.
 *
 * <pre>{@code
 * RawResponse<ChatCompletion> raw = client.chat().completions().withRawResponse().create(request);
 * raw.header("X-Monago-Audit-Id");
 * }</pre>
 */
public interface RawChatCompletions {

    /**
     * Creates a completion.
     *
     * @param request the request
     * @return status, headers and the completion
     * @throws io.monago.atrium.errors.AtriumException on any failure
     */
    default RawResponse<ChatCompletion> create(ChatCompletionRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * Creates a completion with per-call options.
     *
     * @param request the request
     * @param options per-call options
     * @return status, headers and the completion
     * @throws io.monago.atrium.errors.AtriumException on any failure
     */
    RawResponse<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options);
}
