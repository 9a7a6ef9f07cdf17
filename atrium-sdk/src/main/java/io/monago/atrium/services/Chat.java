package io.monago.atrium.services;

/**
 * The chat endpoints of a blocking client.
 *
 * <pre>{@code
 * ChatCompletion res = client.chat().completions().create(request);
 * }</pre>
 */
public interface Chat {

    /**
     * Chat completions ({@code POST /chat/completions}).
     *
     * @return the service
     */
    ChatCompletions completions();
}
