package io.monago.atrium.gateway.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.Attempt;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.ChunkSource;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The end of the chain: sends the governed body to the route's provider, whole or streamed as the
 * caller asked, and keeps trying until one answers. A failure a retry can cure is retried on the
 * same provider with backoff; then the model's fallbacks are tried in order, each through its own
 * provider's circuit breaker. For a stream all of this happens before its first chunk, so the
 * caller never sees a failed try. Every try is recorded; the provider and price of the route that
 * answered are the call's. When every try failed, the last failure becomes the protocol's
 * {@code upstream_error} or {@code upstream_timeout}, which still goes back through every answer
 * half.
 */
public final class ProviderEndpoint implements Endpoint {

    private final Map<String, UpstreamPolicy> policies;
    private final Vertx vertx;
    private final Sleeper sleeper;
    private final RandomGenerator jitter;
    private final LongSupplier nanoClock;

    /**
     * Creates the endpoint.
     *
     * @param policies each provider's retries, breaker and first-chunk timeout, by provider name
     * @param vertx for the first-chunk timer
     * @param sleeper waits between retries
     * @param jitter spreads the waits
     * @param nanoClock monotonic time, for each try's latency
     */
    public ProviderEndpoint(
            Map<String, UpstreamPolicy> policies,
            Vertx vertx,
            Sleeper sleeper,
            RandomGenerator jitter,
            LongSupplier nanoClock) {
        this.policies = Map.copyOf(policies);
        this.vertx = vertx;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.nanoClock = nanoClock;
    }

    @Override
    public Future<Answer> call(Exchange exchange) {
        boolean streaming = exchange.body().path("stream").asBoolean(false);
        if (streaming) {
            // Usage is always asked for: metering needs it, and the caller gets it in the final chunk.
            exchange.body().putObject("stream_options").put("include_usage", true);
        }
        ModelRoute primary = exchange.route();
        List<ModelRoute> candidates = new ArrayList<>(1 + primary.fallbacks().size());
        candidates.add(primary);
        candidates.addAll(primary.fallbacks());
        return new Tries(exchange, candidates, streaming).from(0, 0, Optional.empty());
    }

    /** The tries of one call. Runs on the call's event loop, one try at a time. */
    private final class Tries {
        private final Exchange exchange;
        private final List<ModelRoute> candidates;
        private final boolean streaming;

        Tries(Exchange exchange, List<ModelRoute> candidates, boolean streaming) {
            this.exchange = exchange;
            this.candidates = candidates;
            this.streaming = streaming;
        }

        Future<Answer> from(int index, int retry, Optional<Answer> lastFailure) {
            if (index >= candidates.size()) {
                return Future.succeededFuture(lastFailure.orElseGet(() -> unavailable(candidates.get(0))));
            }
            ModelRoute route = candidates.get(index);
            Provider provider = route.provider();
            Optional<String> fallbackModel = index == 0 ? Optional.empty() : Optional.of(route.model());
            if (index > 0 && !allowed(route.model())) {
                record(provider, fallbackModel, Attempt.NOT_ALLOWED, OptionalInt.empty(), nanoClock.getAsLong());
                return from(index + 1, 0, lastFailure);
            }
            UpstreamPolicy policy = policies.get(provider.name());
            if (!policy.breaker().tryAcquire()) {
                record(provider, fallbackModel, Attempt.CIRCUIT_OPEN, OptionalInt.empty(), nanoClock.getAsLong());
                return from(index + 1, 0, lastFailure.or(() -> Optional.of(unavailable(route))));
            }
            long started = nanoClock.getAsLong();
            exchange.provider(provider.name());
            ProviderCall call = new ProviderCall(bodyFor(index, route));
            Future<Answer> attempt = streaming
                    ? provider.stream(call)
                            .compose(source ->
                                    FirstChunkGate.open(vertx, source, policy.firstByteTimeoutMs(), provider.name()))
                            .map(this::chunked)
                    : provider.complete(call).map(reply -> new Answer.Completion(reply.body(), reply.usage()));
            return attempt.transform(ar -> {
                if (ar.succeeded()) {
                    policy.breaker().succeeded();
                    record(provider, fallbackModel, Attempt.ANSWERED, OptionalInt.empty(), started);
                    exchange.route(route);
                    return Future.succeededFuture(ar.result());
                }
                Throwable cause = ar.cause();
                OptionalInt status = cause instanceof ProviderException pe ? pe.status() : OptionalInt.empty();
                TryFailure kind = TryFailure.of(cause);
                if (kind.unwell) {
                    policy.breaker().failed();
                } else if (kind == TryFailure.NOT_SENT) {
                    policy.breaker().abandoned(); // never called: says nothing of its health
                } else {
                    policy.breaker().succeeded(); // it answered; the request was at fault
                }
                record(provider, fallbackModel, outcomeOf(cause), status, started);
                Optional<Answer> failure = Optional.of(failure(cause));
                if (kind.retried && retry < policy.retry().retries()) {
                    return sleeper.sleep(policy.retry().backoff(retry + 1, jitter))
                            .compose(v -> from(index, retry + 1, failure));
                }
                if (kind.fallsBack) {
                    return from(index + 1, 0, failure);
                }
                return Future.succeededFuture(failure.get());
            });
        }

        private Answer chunked(ChunkSource source) {
            return new Answer.Chunked(source);
        }

        /** The caller's body for the model asked for; a copy naming the fallback's model otherwise. */
        private ObjectNode bodyFor(int index, ModelRoute route) {
            if (index == 0) {
                return exchange.body();
            }
            ObjectNode copy = exchange.body().deepCopy();
            copy.put("model", route.upstreamModel());
            return copy;
        }

        /** A fallback is tried only if the caller could have asked for it directly. */
        private boolean allowed(String model) {
            if (!ModelGlob.anyMatches(exchange.workspace().models(), model)) {
                return false;
            }
            Optional<List<ModelGlob>> keyModels = exchange.principal().flatMap(Principal::models);
            return keyModels.isEmpty() || ModelGlob.anyMatches(keyModels.get(), model);
        }

        private void record(
                Provider provider, Optional<String> fallbackModel, String outcome, OptionalInt status, long started) {
            exchange.attempt(new Attempt(
                    provider.name(), fallbackModel, outcome, status, (nanoClock.getAsLong() - started) / 1_000_000.0));
        }
    }

    private static String outcomeOf(Throwable cause) {
        return cause instanceof ProviderException pe && pe.kind() == ProviderException.Kind.TIMEOUT
                ? Attempt.TIMED_OUT
                : Attempt.FAILED;
    }

    private static Answer unavailable(ModelRoute route) {
        return new Answer.Failure(Rejection.of(
                ErrorCode.UPSTREAM_ERROR,
                "provider " + route.provider().name() + " is failing and is not being called for now"));
    }

    private static Answer failure(Throwable cause) {
        if (cause instanceof ProviderException pe && pe.kind() == ProviderException.Kind.INVALID_REQUEST) {
            return new Answer.Failure(Rejection.invalid(pe.getMessage()));
        }
        if (cause instanceof ProviderException pe && pe.kind() == ProviderException.Kind.TIMEOUT) {
            return new Answer.Failure(Rejection.of(ErrorCode.UPSTREAM_TIMEOUT, pe.getMessage()));
        }
        if (cause instanceof ProviderException pe) {
            return new Answer.Failure(Rejection.of(ErrorCode.UPSTREAM_ERROR, pe.getMessage()));
        }
        return new Answer.Failure(Rejection.of(ErrorCode.UPSTREAM_ERROR, "the provider call failed"));
    }
}
