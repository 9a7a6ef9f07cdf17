package io.monago.atrium.services;

import io.monago.atrium.RequestOptions;
import io.monago.atrium.models.ModelList;

/**
 * {@code GET /models}, blocking: the models the caller's key may use.
 *
 * <pre>{@code
 * client.models().list().data().forEach(m -> System.out.println(m.id()));
 * }</pre>
 */
public interface Models {

    /**
     * Lists the models.
     *
     * @return the list
     * @throws io.monago.atrium.errors.AtriumException on any failure
     */
    default ModelList list() {
        return list(RequestOptions.none());
    }

    /**
     * Lists the models with per-call options.
     *
     * @param options per-call options
     * @return the list
     * @throws io.monago.atrium.errors.AtriumException on any failure
     */
    ModelList list(RequestOptions options);
}
