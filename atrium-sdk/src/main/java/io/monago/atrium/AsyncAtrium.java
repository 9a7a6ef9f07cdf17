package io.monago.atrium;

import io.monago.atrium.internal.ApiClient;
import io.monago.atrium.internal.Services;
import io.monago.atrium.services.AsyncAudit;
import io.monago.atrium.services.AsyncChat;
import io.monago.atrium.services.AsyncModels;

/**
 * The async face of an {@link Atrium} client: the same endpoints, answering with
 * {@link java.util.concurrent.CompletableFuture}s. It shares its client's HTTP connections,
 * settings and interceptors; closing the {@link Atrium} client closes it too.
 *
 * <p>Cancelling a returned future aborts the HTTP exchange in flight (or the wait before a retry).
 * Futures complete on the executor set with {@link Atrium.Builder#executor}.
 *
 * <pre>{@code
 * try (Atrium client = Atrium.fromEnv()) {
 *     AsyncAtrium async = client.async();
 *     CompletableFuture<ChatCompletion> a = async.chat().completions().create(first);
 *     CompletableFuture<ChatCompletion> b = async.chat().completions().create(second);
 *     CompletableFuture.allOf(a, b).join();
 * }
 * }</pre>
 */
public final class AsyncAtrium {

    private final AsyncChat chat;
    private final AsyncModels models;
    private final AsyncAudit audit;

    AsyncAtrium(ApiClient api) {
        this.chat = Services.asyncChat(api);
        this.models = Services.asyncModels(api);
        this.audit = Services.asyncAudit(api);
    }

    /**
     * The chat endpoints.
     *
     * @return the service
     */
    public AsyncChat chat() {
        return chat;
    }

    /**
     * The models endpoint.
     *
     * @return the service
     */
    public AsyncModels models() {
        return models;
    }

    /**
     * The audit endpoint.
     *
     * @return the service
     */
    public AsyncAudit audit() {
        return audit;
    }
}
