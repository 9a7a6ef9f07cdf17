package io.monago.atrium.internal;

import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumTimeoutException;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests with the JDK's {@link HttpClient}: {@code send} for blocking calls, so the caller's
 * thread does the work and an interrupt aborts it; {@code sendAsync} for async calls, whose JDK
 * future is registered with the call so that cancelling the call aborts the exchange.
 *
 * <p>Internal: not part of the public API.
 */
public final class JdkHttpTransport implements Transport {

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
        if (context.isAsync()) {
            return context.track(client.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()))
                    .handle((response, error) -> {
                        if (error != null) {
                            throw asUnchecked(request, Failures.unwrap(error));
                        }
                        return toAtrium(request, response);
                    });
        }
        try {
            return CompletableFuture.completedFuture(
                    toAtrium(request, client.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray())));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(asUnchecked(request, e));
        } catch (InterruptedException e) {
            return CompletableFuture.failedFuture(Failures.interrupted("waiting for " + describe(request), e));
        }
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

    private static AtriumResponse toAtrium(AtriumRequest request, HttpResponse<byte[]> response) {
        return AtriumResponse.of(
                request, response.statusCode(), response.headers().map(), response.body());
    }

    private static RuntimeException asUnchecked(AtriumRequest request, Throwable error) {
        if (error instanceof HttpTimeoutException) {
            return new AtriumTimeoutException(
                    describe(request) + " timed out after "
                            + Failures.formatMillis(request.timeout().toMillis()),
                    error);
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
