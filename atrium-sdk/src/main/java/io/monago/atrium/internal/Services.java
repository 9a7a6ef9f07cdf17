package io.monago.atrium.internal;

import io.monago.atrium.RawResponse;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.services.AsyncAudit;
import io.monago.atrium.services.AsyncChat;
import io.monago.atrium.services.AsyncChatCompletions;
import io.monago.atrium.services.AsyncModels;
import io.monago.atrium.services.AsyncRawChatCompletions;
import io.monago.atrium.services.Audit;
import io.monago.atrium.services.Chat;
import io.monago.atrium.services.ChatCompletions;
import io.monago.atrium.services.Models;
import io.monago.atrium.services.RawChatCompletions;
import java.util.concurrent.CompletableFuture;

/**
 * The implementations of the service interfaces: each maps one method to an {@link Endpoints} call
 * run by the shared {@link ApiClient}, blocking or async.
 *
 * <p>Internal: not part of the public API.
 */
public final class Services {

    private Services() {}

    /**
     * The blocking chat service.
     *
     * @param api the client
     * @return the service
     */
    public static Chat chat(ApiClient api) {
        RawChatCompletions raw = (request, options) -> api.execute(Endpoints.createChatCompletion(request), options);
        ChatCompletions completions = new ChatCompletions() {
            @Override
            public ChatCompletion create(ChatCompletionRequest request, RequestOptions options) {
                return raw.create(request, options).body();
            }

            @Override
            public RawChatCompletions withRawResponse() {
                return raw;
            }
        };
        return () -> completions;
    }

    /**
     * The async chat service.
     *
     * @param api the client
     * @return the service
     */
    public static AsyncChat asyncChat(ApiClient api) {
        AsyncRawChatCompletions raw =
                (request, options) -> api.executeAsync(Endpoints.createChatCompletion(request), options);
        AsyncChatCompletions completions = new AsyncChatCompletions() {
            @Override
            public CompletableFuture<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options) {
                return bodyOf(raw.create(request, options));
            }

            @Override
            public AsyncRawChatCompletions withRawResponse() {
                return raw;
            }
        };
        return () -> completions;
    }

    /**
     * The blocking models service.
     *
     * @param api the client
     * @return the service
     */
    public static Models models(ApiClient api) {
        return options -> api.execute(Endpoints.listModels(), options).body();
    }

    /**
     * The async models service.
     *
     * @param api the client
     * @return the service
     */
    public static AsyncModels asyncModels(ApiClient api) {
        return options -> bodyOf(api.executeAsync(Endpoints.listModels(), options));
    }

    /**
     * The blocking audit service.
     *
     * @param api the client
     * @return the service
     */
    public static Audit audit(ApiClient api) {
        return (auditId, options) ->
                api.execute(Endpoints.retrieveAudit(auditId), options).body();
    }

    /**
     * The async audit service.
     *
     * @param api the client
     * @return the service
     */
    public static AsyncAudit asyncAudit(ApiClient api) {
        return (auditId, options) -> bodyOf(api.executeAsync(Endpoints.retrieveAudit(auditId), options));
    }

    /**
     * The body of a raw future, as a future that still cancels the call when cancelled (a plain
     * {@code thenApply} would not pass cancellation back).
     */
    private static <T> CompletableFuture<T> bodyOf(CompletableFuture<RawResponse<T>> raw) {
        CompletableFuture<T> body = new CompletableFuture<>();
        // Both callbacks end their chains: each only passes an outcome on, so the futures they
        // return have nothing more to report.
        var unusedOutcome = raw.whenComplete((response, error) -> {
            if (error != null) {
                body.completeExceptionally(error);
            } else {
                body.complete(response.body());
            }
        });
        var unusedCancellation = body.whenComplete((value, error) -> {
            if (body.isCancelled()) {
                raw.cancel(true);
            }
        });
        return body;
    }
}
