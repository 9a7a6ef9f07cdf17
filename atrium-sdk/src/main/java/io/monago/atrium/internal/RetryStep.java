package io.monago.atrium.internal;

import io.monago.atrium.LogLevel;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Retries a request on connection failures, timeouts, 408, 409, 429 and 5xx, within the request's
 * retry budget. Every attempt sends the same request, so the same {@code Idempotency-Key}.
 *
 * <p>Internal: not part of the public API.
 */
public final class RetryStep implements Step {

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Log log;

    /**
     * Creates the step.
     *
     * @param policy when and how long
     * @param sleeper how to wait
     * @param log where retry decisions are logged
     */
    public RetryStep(RetryPolicy policy, Sleeper sleeper, Log log) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.log = log;
    }

    @Override
    public CompletableFuture<AtriumResponse> handle(StepChain chain) {
        return attempt(chain, chain.request(), 0, System.nanoTime());
    }

    private CompletableFuture<AtriumResponse> attempt(
            StepChain chain, AtriumRequest request, int retriesDone, long startNanos) {
        return chain.proceed(request)
                .handle(Outcome::new)
                .thenCompose(outcome -> afterAttempt(chain, request, retriesDone, startNanos, outcome));
    }

    private CompletableFuture<AtriumResponse> afterAttempt(
            StepChain chain, AtriumRequest request, int retriesDone, long startNanos, Outcome outcome) {
        AtriumResponse response = outcome.response();
        Throwable failure = outcome.error() == null ? null : Failures.unwrap(outcome.error());
        boolean retryable = failure == null
                ? RetryPolicy.isRetryable(response.statusCode())
                : Failures.isConnectionFailure(failure);
        if (!retryable || retriesDone >= request.maxRetries() || chain.context().isCancelled()) {
            if (failure == null) {
                return CompletableFuture.completedFuture(response);
            }
            // The last attempt's own message says only how long that attempt was allowed.
            return CompletableFuture.failedFuture(
                    retryable && !chain.context().isCancelled()
                            ? Failures.exhausted(failure, retriesDone + 1, System.nanoTime() - startNanos)
                            : failure);
        }
        Duration wait = policy.delay(retriesDone + 1, response);
        log.log(
                LogLevel.DEBUG,
                () -> "retrying " + request.method() + " " + request.uri() + " in "
                        + Failures.formatMillis(wait.toMillis()) + " (retry " + (retriesDone + 1) + " of "
                        + request.maxRetries() + ", after "
                        + (failure == null
                                ? "status " + response.statusCode()
                                : failure.getClass().getSimpleName())
                        + ")");
        return pause(chain.context(), wait)
                .thenCompose(ignored -> attempt(chain, request, retriesDone + 1, startNanos));
    }

    /** How one attempt ended: an answer, or the failure that stopped it. */
    private record Outcome(AtriumResponse response, Throwable error) {}

    private CompletableFuture<Void> pause(CallContext context, Duration wait) {
        if (context.isAsync()) {
            return context.track(sleeper.delay(wait));
        }
        try {
            sleeper.sleep(wait);
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            return CompletableFuture.failedFuture(Failures.interrupted("waiting to retry", e));
        }
    }
}
