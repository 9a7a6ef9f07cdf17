package io.monago.atrium.services;

/**
 * The chat endpoints of an async client.
 *
 * <pre>{@code
 * CompletableFuture<ChatCompletion> res = client.async().chat().completions().create(request);
 * }</pre>
 */
public interface AsyncChat {

    /**
     * Chat completions ({@code POST /chat/completions}).
     *
     * @return the service
     */
    AsyncChatCompletions completions();
}
