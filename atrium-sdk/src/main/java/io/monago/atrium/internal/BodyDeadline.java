package io.monago.atrium.internal;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads a body within what is left of an attempt's deadline. The JDK's request timeout stops once
 * the headers are in; a server that sends its headers and then stalls would otherwise hold a
 * blocking call forever. When the deadline passes first, the subscription is cancelled (the JDK
 * closes the connection) and the body fails with the timeout.
 *
 * <p>Internal: not part of the public API.
 *
 * @param <T> the body's type
 */
final class BodyDeadline<T> implements HttpResponse.BodySubscriber<T> {

    private final HttpResponse.BodySubscriber<T> body;
    private final long deadlineNanos;
    private final Supplier<HttpTimeoutException> timeout;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    /**
     * Wraps a body subscriber.
     *
     * @param body reads the body
     * @param deadlineNanos when the attempt must be over, on {@link System#nanoTime()}'s clock
     * @param timeout the failure to report when it is not
     */
    BodyDeadline(HttpResponse.BodySubscriber<T> body, long deadlineNanos, Supplier<HttpTimeoutException> timeout) {
        this.body = body;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        var unusedRead = body.getBody().whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        });
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        // The timer's task is removed as soon as the body is whole, so it holds nothing after.
        CompletableFuture<Void> timer =
                new CompletableFuture<Void>().completeOnTimeout(null, remaining, TimeUnit.NANOSECONDS);
        var unusedExpiry = timer.thenRun(() -> {
            if (result.completeExceptionally(timeout.get())) {
                subscription.cancel();
            }
        });
        var unusedDisarm = result.whenComplete((value, error) -> timer.cancel(false));
        body.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        body.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        body.onError(throwable);
    }

    @Override
    public void onComplete() {
        body.onComplete();
    }

    @Override
    public CompletionStage<T> getBody() {
        return result;
    }
}
