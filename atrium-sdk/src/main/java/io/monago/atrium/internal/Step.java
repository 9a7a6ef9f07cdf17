package io.monago.atrium.internal;

import io.monago.atrium.http.AtriumResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One decorator of the client's pipeline. The user's {@link io.monago.atrium.http.Interceptor}s are
 * adapted to it; the built-in steps (retry, logging) implement it directly because they need the
 * call's {@link CallContext}.
 *
 * <p>Internal: not part of the public API.
 */
@FunctionalInterface
public interface Step {

    /**
     * Handles the chain's request.
     *
     * @param chain the request, the call context and the rest of the pipeline
     * @return the response
     */
    CompletableFuture<AtriumResponse> handle(StepChain chain);
}
