package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.models.ModelList;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /models}, async.
 *
 * <pre>{@code
 * client.async().models().list().thenAccept(list -> System.out.println(list.data().size()));
 * }</pre>
 */
public interface AsyncModels {

    /**
     * Lists the models.
     *
     * @return the list
     */
    default CompletableFuture<ModelList> list() {
        return list(RequestOptions.none());
    }

    /**
     * Lists the models with per-call options.
     *
     * @param options per-call options
     * @return the list
     */
    CompletableFuture<ModelList> list(RequestOptions options);
}
