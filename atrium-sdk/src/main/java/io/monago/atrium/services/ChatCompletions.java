package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;

/**
 * {@code POST /chat/completions}, blocking.
 *
 * <pre>{@code
 * ChatCompletion res = client.chat().completions().create(ChatCompletionRequest.builder()
 *         .model("gpt-5.4-mini")
 *         .addUserMessage("Halo")
 *         .build());
 * }</pre>
 */
public interface ChatCompletions {

    /**
     * Creates a completion.
     *
     * @param request the request
     * @return the completion, with its governance
     * @throws io.monago.atrium.errors.AtriumException on any failure; a policy block raises a
     *     {@link io.monago.atrium.errors.PolicyBlockedException} subclass
     * @throws IllegalArgumentException when the request asks for {@code stream: true}
     */
    default ChatCompletion create(ChatCompletionRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * Creates a completion with per-call options.
     *
     * @param request the request
     * @param options retries, timeout, headers, idempotency key for this call
     * @return the completion, with its governance
     * @throws io.monago.atrium.errors.AtriumException on any failure
     * @throws IllegalArgumentException when the request asks for {@code stream: true}
     */
    ChatCompletion create(ChatCompletionRequest request, RequestOptions options);

    /**
     * The same endpoint, answering with status and headers as well as the completion.
     *
     * @return the raw view
     */
    RawChatCompletions withRawResponse();
}
