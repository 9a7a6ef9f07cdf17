package io.monago.atrium.internal;

import io.monago.atrium.Governance;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumTimeoutException;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests with the JDK's {@link HttpClient}. The request's timeout bounds the whole
 * attempt, from sending to the last byte of the answer: the JDK's own timeout stops once the
 * headers are in, so a server that answers its headers at once and then stalls would hold the
 * call forever. A blocking call waits on the caller's thread (an interrupt aborts the exchange);
 * an async call's exchange is registered with the call, so that cancelling the call aborts it.
 *
 * <p>A request that accepts {@code text/event-stream} and is answered with a 2xx event stream gets
 * the body as it arrives ({@link AtriumResponse#bodyPublisher()}); the attempt then ends with the
 * headers, and the stream's reader watches the time between events.
 *
 * <p>Internal: not part of the public API.
 */
public final class JdkHttpTransport implements Transport {

    /** The media type of a streamed answer. */
    public static final String EVENT_STREAM = "text/event-stream";

    private final HttpClient client;

    /**
     * Creates the transport.
     *
     * @param client the HTTP client
     */
    public JdkHttpTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<AtriumResponse> send(AtriumRequest request, CallContext context) {
        HttpRequest jdkRequest = toJdk(request);
        if (!context.isAsync()) {
            return sendBlocking(request, jdkRequest, context);
        }
        CompletableFuture<HttpResponse<Body>> exchange =
                client.sendAsync(jdkRequest, bodyHandler(request, context, Long.MAX_VALUE));
        return withDeadline(request, context.track(exchange), request.timeout().toMillis());
    }

    /**
     * A blocking call: the JDK's {@code send} on the caller's thread. Its {@code sendAsync} would hand
     * every answer to the common fork-join pool before the caller could have it, a thread hop that
     * costs more than the rest of a call on loopback. The request's timeout bounds the attempt up to
     * the headers; the body is read within what is left of it.
     */
    private CompletableFuture<AtriumResponse> sendBlocking(
            AtriumRequest request, HttpRequest jdkRequest, CallContext context) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        try {
            return CompletableFuture.completedFuture(
                    toAtrium(request, client.send(jdkRequest, bodyHandler(request, context, deadline))));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(asUnchecked(request, e));
        } catch (InterruptedException e) {
            // The JDK has aborted the exchange already.
            return CompletableFuture.failedFuture(Failures.interrupted("waiting for " + describe(request), e));
        }
    }

    /**
     * Gives up on an exchange. Cancelling the JDK's future aborts it, in the body as before the
     * headers, and closes its connection.
     */
    private static void abandon(AtriumRequest request, CompletableFuture<HttpResponse<Body>> exchange) {
        exchange.cancel(true);
        if (exchange.isDone() && !exchange.isCompletedExceptionally()) {
            discard(toAtrium(request, exchange.join())); // answered just as time ran out
        }
    }

    private static CompletableFuture<AtriumResponse> withDeadline(
            AtriumRequest request, CompletableFuture<HttpResponse<Body>> exchange, long millis) {
        CompletableFuture<AtriumResponse> result = new CompletableFuture<>();
        // The deadline's timer is cancelled when the exchange ends first, so it holds nothing after.
        CompletableFuture<Void> deadline =
                new CompletableFuture<Void>().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS);
        var unusedTimeout = deadline.thenRun(() -> {
            if (result.completeExceptionally(timedOut(request, null))) {
                abandon(request, exchange);
            }
        });
        var unusedOutcome = exchange.whenComplete((response, error) -> {
            deadline.cancel(false);
            if (error != null) {
                result.completeExceptionally(asUnchecked(request, Failures.unwrap(error)));
                return;
            }
            AtriumResponse answer = toAtrium(request, response);
            if (!result.complete(answer)) {
                discard(answer); // the deadline won the race; nobody will read this body
            }
        });
        return result;
    }

    /** What the JDK hands back as the body: all of it, or a stream of it. */
    private sealed interface Body {}

    private static final class Whole implements Body {
        private final byte[] bytes;

        Whole(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private record Live(Flow.Publisher<List<ByteBuffer>> publisher) implements Body {}

    /**
     * Reads an answer: a stream as it comes, or all of it; a whole body within the deadline (on
     * {@link System#nanoTime()}'s clock; {@code Long.MAX_VALUE} when the caller bounds it itself).
     */
    private static HttpResponse.BodyHandler<Body> bodyHandler(
            AtriumRequest request, CallContext context, long deadlineNanos) {
        boolean acceptsStream =
                request.header("Accept").map(v -> v.contains(EVENT_STREAM)).orElse(false);
        return info -> {
            // Known before the body: a call cancelled from here on was answered, audited and billed.
            context.answered(Governance.fromHeaders(info.headers().map()));
            if (acceptsStream && info.statusCode() / 100 == 2 && isEventStream(info.headers())) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofPublisher(), Live::new);
            }
            HttpResponse.BodySubscriber<Body> whole =
                    HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), Whole::new);
            return deadlineNanos == Long.MAX_VALUE
                    ? whole
                    : new BodyDeadline<>(
                            whole,
                            deadlineNanos,
                            () -> new HttpTimeoutException(describe(request) + " timed out after "
                                    + Failures.formatMillis(request.timeout().toMillis())));
        };
    }

    private static boolean isEventStream(HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(v -> v.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM))
                .orElse(false);
    }

    private static HttpRequest toJdk(AtriumRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .method(
                        request.method(),
                        request.body()
                                .map(HttpRequest.BodyPublishers::ofByteArray)
                                .orElseGet(HttpRequest.BodyPublishers::noBody));
        request.headers().forEach((name, values) -> {
            for (String value : values) {
                try {
                    b.header(name, value);
                } catch (IllegalArgumentException e) {
                    // The JDK refuses some names (Host, Connection...); say which one, not its value.
                    throw new IllegalArgumentException("header " + name + " cannot be set: " + e.getMessage(), e);
                }
            }
        });
        return b.build();
    }

    private static AtriumResponse toAtrium(AtriumRequest request, HttpResponse<Body> response) {
        if (response.body() instanceof Live live) {
            return AtriumResponse.streamed(
                    request, response.statusCode(), response.headers().map(), live.publisher());
        }
        return AtriumResponse.of(
                request, response.statusCode(), response.headers().map(), ((Whole) response.body()).bytes);
    }

    /** Reads nothing of a streamed body and lets the connection go. */
    private static void discard(AtriumResponse response) {
        response.bodyPublisher()
                .ifPresent(p -> p.subscribe(new Flow.Subscriber<List<ByteBuffer>>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.cancel();
                    }

                    @Override
                    public void onNext(List<ByteBuffer> item) {}

                    @Override
                    public void onError(Throwable throwable) {}

                    @Override
                    public void onComplete() {}
                }));
    }

    private static AtriumTimeoutException timedOut(AtriumRequest request, Throwable jdkTimeout) {
        String message = describe(request) + " timed out after "
                + Failures.formatMillis(request.timeout().toMillis());
        Throwable cause = jdkTimeout != null ? jdkTimeout : new HttpTimeoutException(message);
        return new AtriumTimeoutException(message, cause);
    }

    private static RuntimeException asUnchecked(AtriumRequest request, Throwable error) {
        if (error instanceof HttpTimeoutException) {
            return timedOut(request, error);
        }
        if (error instanceof IOException) {
            return new ApiException("could not complete " + describe(request) + ": " + error, error);
        }
        return error instanceof RuntimeException r
                ? r
                : new ApiException(describe(request) + " failed: " + error, error);
    }

    private static String describe(AtriumRequest request) {
        return request.method() + " " + request.uri();
    }
}
