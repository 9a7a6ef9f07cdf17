package io.monago.atrium.internal;

import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.http.Interceptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline from one step onwards. Immutable: {@link #proceed} hands the next step a new chain,
 * so a step may proceed more than once (which is how retrying works).
 *
 * <p>Internal: not part of the public API.
 */
public final class StepChain implements Interceptor.Chain {

    private final List<Step> steps;
    private final int index;
    private final Transport transport;
    private final AtriumRequest request;
    private final CallContext context;

    private StepChain(List<Step> steps, int index, Transport transport, AtriumRequest request, CallContext context) {
        this.steps = steps;
        this.index = index;
        this.transport = transport;
        this.request = request;
        this.context = context;
    }

    /**
     * Runs a request through the steps and then the transport.
     *
     * @param steps the steps, outermost first
     * @param transport the end of the pipeline
     * @param request the request
     * @param context the call
     * @return the response
     */
    public static CompletableFuture<AtriumResponse> run(
            List<Step> steps, Transport transport, AtriumRequest request, CallContext context) {
        return new StepChain(steps, -1, transport, request, context).proceed(request);
    }

    @Override
    public AtriumRequest request() {
        return request;
    }

    /**
     * The call this chain belongs to.
     *
     * @return the context
     */
    public CallContext context() {
        return context;
    }

    @Override
    public CompletableFuture<AtriumResponse> proceed(AtriumRequest next) {
        int nextIndex = index + 1;
        try {
            if (nextIndex == steps.size()) {
                return transport.send(next, context);
            }
            CompletableFuture<AtriumResponse> response =
                    steps.get(nextIndex).handle(new StepChain(steps, nextIndex, transport, next, context));
            if (response == null) {
                throw new IllegalStateException("an interceptor returned null instead of a future");
            }
            return response;
        } catch (RuntimeException e) {
            // A step that throws instead of failing its future fails the call the same way.
            return CompletableFuture.failedFuture(e);
        }
    }
}
