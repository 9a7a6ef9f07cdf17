package io.monago.atrium.http;

import java.util.concurrent.CompletableFuture;

/**
 * A step in the client's HTTP pipeline: sees each request on its way out and each response on its
 * way back, and may change either or answer itself. The same interceptor serves the blocking and
 * the async client; on the blocking client the future is already complete when
 * {@link Chain#proceed} returns.
 *
 * <p>Interceptors run once per call, outside the retry loop, in the order they were added: the
 * first added sees the request first and the response last. The request they see already carries
 * the API key, user agent and {@code Idempotency-Key}; after them the client retries, logs and
 * sends. They see error answers before those become exceptions.
 *
 * <pre>{@code
 * Interceptor timing = chain -> {
 *     long start = System.nanoTime();
 *     return chain.proceed(chain.request()).thenApply(response -> {
 *         metrics.record(response.statusCode(), System.nanoTime() - start);
 *         return response;
 *     });
 * };
 * Atrium client = Atrium.builder().addInterceptor(timing).build();
 * }</pre>
 */
@FunctionalInterface
public interface Interceptor {

    /**
     * Handles one call.
     *
     * @param chain the request and the rest of the pipeline
     * @return the response; complete it exceptionally with an
     *     {@link io.monago.atrium.errors.AtriumException} to fail the call
     */
    CompletableFuture<AtriumResponse> intercept(Chain chain);

    /** The request an interceptor handles and the rest of the pipeline after it. */
    interface Chain {

        /**
         * The request as the previous interceptor passed it on.
         *
         * @return the request
         */
        AtriumRequest request();

        /**
         * Passes a request to the rest of the pipeline. An interceptor normally calls it once; it may
         * call it again, for example to retry on its own terms.
         *
         * @param request the request to send (this chain's request, or a changed copy)
         * @return the response of the rest of the pipeline
         */
        CompletableFuture<AtriumResponse> proceed(AtriumRequest request);
    }
}
