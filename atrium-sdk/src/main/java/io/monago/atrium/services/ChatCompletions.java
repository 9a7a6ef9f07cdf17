package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;

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
     * @throws IllegalArgumentException when the request asks for {@code stream: true} (use
     *     {@link #createStreaming})
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
     * Creates a completion streamed as it is generated ({@code stream: true} is sent whatever the
     * request says). Returns once the answer's headers are in, retrying until then as any call;
     * the chunks are read as the caller iterates.
     *
     * <pre>{@code
     * try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
     *     for (ChatCompletionChunk chunk : stream) {
     *         System.out.print(chunk.content());
     *     }
     *     System.out.println(stream.governance().auditId().orElse("-"));
     * }
     * }</pre>
     *
     * @param request the request
     * @return the stream; close it
     * @throws io.monago.atrium.errors.AtriumException when the call fails before its stream begins;
     *     a policy block raises a {@link io.monago.atrium.errors.PolicyBlockedException} subclass
     */
    default ChatCompletionStream createStreaming(ChatCompletionRequest request) {
        return createStreaming(request, RequestOptions.none());
    }

    /**
     * Creates a streamed completion with per-call options.
     *
     * @param request the request
     * @param options retries, timeouts (the per-attempt one up to the headers, the stream idle one
     *     after), headers, idempotency key for this call
     * @return the stream; close it
     * @throws io.monago.atrium.errors.AtriumException when the call fails before its stream begins
     */
    ChatCompletionStream createStreaming(ChatCompletionRequest request, RequestOptions options);

    /**
     * The same endpoint, answering with status and headers as well as the completion.
     *
     * @return the raw view
     */
    RawChatCompletions withRawResponse();
}
