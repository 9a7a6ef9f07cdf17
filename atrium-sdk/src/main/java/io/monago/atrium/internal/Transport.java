package io.monago.atrium.internal;

import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The end of the pipeline: sends one request over the network.
 *
 * <p>Failures complete the future with an {@link io.monago.atrium.errors.ApiException} (network,
 * with the {@link java.io.IOException} as cause) or an
 * {@link io.monago.atrium.errors.AtriumTimeoutException}.
 *
 * <p>Internal: not part of the public API.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Sends a request.
     *
     * @param request the request
     * @param context the call it belongs to (blocking or async; where to register for cancellation)
     * @return the response
     */
    CompletableFuture<AtriumResponse> send(AtriumRequest request, CallContext context);
}
