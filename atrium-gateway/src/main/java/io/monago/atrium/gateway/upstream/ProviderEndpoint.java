package io.monago.atrium.gateway.upstream;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;

/**
 * The end of the chain: sends the governed body to the route's provider, whole or streamed as the
 * caller asked. A provider that fails or does not answer in time becomes the protocol's
 * {@code upstream_error} or {@code upstream_timeout}, which still goes back through every answer
 * half.
 */
public final class ProviderEndpoint implements Endpoint {

    @Override
    public Future<Answer> call(Exchange exchange) {
        Provider provider = exchange.route().provider();
        ProviderCall call = new ProviderCall(exchange.body());
        if (exchange.body().path("stream").asBoolean(false)) {
            // Usage is always asked for: metering needs it, and the caller gets it in the final chunk.
            exchange.body().putObject("stream_options").put("include_usage", true);
            return provider.stream(call)
                    .transform(ar ->
                            Future.succeededFuture(ar.succeeded() ? new Answer.Chunked(ar.result()) : failure(ar)));
        }
        return provider.complete(call)
                .transform(ar -> Future.succeededFuture(
                        ar.succeeded()
                                ? new Answer.Completion(
                                        ar.result().body(), ar.result().usage())
                                : failure(ar)));
    }

    private static Answer failure(AsyncResult<?> ar) {
        Throwable cause = ar.cause();
        if (cause instanceof ProviderException pe && pe.kind() == ProviderException.Kind.TIMEOUT) {
            return new Answer.Failure(Rejection.of(ErrorCode.UPSTREAM_TIMEOUT, pe.getMessage()));
        }
        if (cause instanceof ProviderException pe) {
            return new Answer.Failure(Rejection.of(ErrorCode.UPSTREAM_ERROR, pe.getMessage()));
        }
        return new Answer.Failure(Rejection.of(ErrorCode.UPSTREAM_ERROR, "the provider call failed"));
    }
}
