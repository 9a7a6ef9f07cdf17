package io.monago.atrium.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.exchange.Attempt;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.gateway.provider.ChunkSource;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.gateway.provider.ProviderReply;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Retries, fallbacks and circuit breakers, with scripted providers, a recording sleeper and a
 * hand-moved clock: nothing here waits for real time except the first-chunk timeout.
 */
class ProviderEndpointTest {

    private static final Vertx VERTX = Vertx.vertx();

    /** The largest jitter every time, so each wait is exactly the capped exponential backoff. */
    private static final RandomGenerator MAX_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    @AfterAll
    static void closeVertx() {
        Calls.await(VERTX.close());
    }

    /** What a scripted provider does on one call. */
    private enum Outcome {
        ANSWER,
        UNREACHABLE,
        STATUS_503,
        STATUS_429,
        STATUS_400,
        TIMEOUT,
        CANNOT_STREAM,
        SILENT_STREAM,
        CANNOT_EXPRESS
    }

    /** A provider that does what its script says, one outcome per call, then answers. */
    private static final class Scripted implements Provider {
        private final String name;
        private final Deque<Outcome> script;
        private final EchoProvider echo;
        private final List<ObjectNode> bodies = new ArrayList<>();
        private volatile boolean silentCancelled;

        Scripted(String name, Outcome... script) {
            this.name = name;
            this.script = new ArrayDeque<>(Arrays.asList(script));
            this.echo = new EchoProvider(name, Clock.systemUTC());
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Future<ProviderReply> complete(ProviderCall call) {
            bodies.add(call.body());
            Outcome next = script.isEmpty() ? Outcome.ANSWER : script.remove();
            return next == Outcome.ANSWER ? echo.complete(call) : Future.failedFuture(failure(next));
        }

        @Override
        public Future<ChunkSource> stream(ProviderCall call) {
            bodies.add(call.body());
            Outcome next = script.isEmpty() ? Outcome.ANSWER : script.remove();
            if (next == Outcome.SILENT_STREAM) {
                return Future.succeededFuture(new ChunkSource() {
                    @Override
                    public void start(ChunkReceiver receiver) {}

                    @Override
                    public void pause() {}

                    @Override
                    public void resume() {}

                    @Override
                    public void cancel() {
                        silentCancelled = true;
                    }
                });
            }
            return next == Outcome.ANSWER ? echo.stream(call) : Future.failedFuture(failure(next));
        }

        private ProviderException failure(Outcome outcome) {
            return switch (outcome) {
                case UNREACHABLE -> new ProviderException(ProviderException.Kind.FAILED, "unreachable");
                case STATUS_503 -> new ProviderException(ProviderException.Kind.FAILED, "answered 503", 503);
                case STATUS_429 -> new ProviderException(ProviderException.Kind.FAILED, "answered 429", 429);
                case STATUS_400 -> new ProviderException(ProviderException.Kind.FAILED, "answered 400", 400);
                case TIMEOUT -> new ProviderException(ProviderException.Kind.TIMEOUT, "no answer in time");
                case CANNOT_STREAM -> new ProviderException(ProviderException.Kind.UNSUPPORTED, "does not stream");
                case CANNOT_EXPRESS ->
                    new ProviderException(ProviderException.Kind.INVALID_REQUEST, "n above 1 cannot be served");
                default -> throw new IllegalArgumentException(outcome.name());
            };
        }

        int calls() {
            return bodies.size();
        }
    }

    private UpstreamPolicy policy(int retries, int breakerFailures) {
        return new UpstreamPolicy(
                new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofMillis(150)),
                new CircuitBreaker(breakerFailures, Duration.ofSeconds(30), nanos::get),
                300);
    }

    private ProviderEndpoint endpoint(Map<String, UpstreamPolicy> policies) {
        return new ProviderEndpoint(
                policies,
                VERTX,
                wait -> {
                    waits.add(wait);
                    nanos.addAndGet(wait.toNanos());
                    return Future.succeededFuture();
                },
                MAX_JITTER,
                nanos::get);
    }

    private static Exchange routedTo(ModelRoute route, boolean stream, WorkspacePolicy workspace) {
        Exchange ex = Calls.validated(
                "{\"model\":\"m\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"halo dok\"}]}",
                workspace);
        ex.route(route);
        return ex;
    }

    private static Exchange routedTo(ModelRoute route, boolean stream) {
        return routedTo(route, stream, Calls.defaultWorkspace());
    }

    private static ModelRoute route(Provider provider, ModelRoute... fallbacks) {
        return new ModelRoute("m", provider, "m-upstream", 1.0, 2.0, List.of(fallbacks));
    }

    private static ModelRoute fallback(String model, Provider provider) {
        return new ModelRoute(model, provider, model + "-upstream", 3.0, 4.0, List.of());
    }

    private static List<String> outcomes(Exchange ex) {
        return ex.freeze(200, Optional.empty(), 0).attempts().stream()
                .map(a -> a.provider() + ":" + a.outcome()
                        + a.status().stream()
                                .mapToObj(s -> "(" + s + ")")
                                .findFirst()
                                .orElse(""))
                .toList();
    }

    @Test
    void aWholeAnswerAndAStreamComeBackFromAHealthyProvider() {
        Scripted ok = new Scripted("ok");
        ProviderEndpoint endpoint = endpoint(Map.of("ok", policy(2, 5)));

        Answer whole = Calls.await(endpoint.call(routedTo(route(ok), false)));
        Answer streamed = Calls.await(endpoint.call(routedTo(route(ok), true)));

        assertThat(Calls.content(whole)).isEqualTo("halo dok");
        assertThat(Calls.streamedText(Calls.drain(streamed))).isEqualTo("halo dok");
        assertThat(waits).isEmpty();
    }

    @Test
    void failuresARetryCanCureAreRetriedWithGrowingCappedWaitsThenAnswer() {
        Scripted flaky = new Scripted("flaky", Outcome.UNREACHABLE, Outcome.STATUS_503, Outcome.STATUS_429);
        ProviderEndpoint endpoint = endpoint(Map.of("flaky", policy(3, 10)));
        Exchange ex = routedTo(route(flaky), false);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.content(a)).isEqualTo("halo dok");
        assertThat(flaky.calls()).isEqualTo(4);
        // 100 ms, then doubled to 200 but capped at 150, then capped again.
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofMillis(150));
        assertThat(outcomes(ex))
                .containsExactly("flaky:failed", "flaky:failed(503)", "flaky:failed(429)", "flaky:answered");
    }

    @Test
    void retriesRunOutThenTheLastFailureIsTheProtocolsUpstreamError() {
        Scripted down = new Scripted("down", Outcome.STATUS_503, Outcome.STATUS_503, Outcome.STATUS_503);
        ProviderEndpoint endpoint = endpoint(Map.of("down", policy(2, 10)));
        Exchange ex = routedTo(route(down), false);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.rejection(a).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(Calls.rejection(a).message()).contains("503");
        assertThat(down.calls()).isEqualTo(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void aRequestTheProviderRefusesIsNeitherRetriedNorSentElsewhere() {
        Scripted strict = new Scripted("strict", Outcome.STATUS_400);
        Scripted spare = new Scripted("spare");
        ProviderEndpoint endpoint = endpoint(Map.of("strict", policy(2, 5), "spare", policy(2, 5)));
        Exchange ex = routedTo(route(strict, fallback("m2", spare)), false);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.rejection(a).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(strict.calls()).isEqualTo(1);
        assertThat(spare.calls()).isZero();
        assertThat(waits).isEmpty();
    }

    @Test
    void afterRetriesTheFallbackAnswersWithItsOwnModelProviderAndPrice() {
        Scripted primary = new Scripted("primary", Outcome.STATUS_503, Outcome.STATUS_503);
        Scripted spare = new Scripted("spare");
        ProviderEndpoint endpoint = endpoint(Map.of("primary", policy(1, 10), "spare", policy(1, 10)));
        Exchange ex = routedTo(route(primary, fallback("m2", spare)), false);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.content(a)).isEqualTo("halo dok");
        assertThat(spare.bodies.get(0).path("model").asText()).isEqualTo("m2-upstream");
        assertThat(ex.body().path("model").asText())
                .as("the caller's body is not rewritten")
                .isEqualTo("m");
        assertThat(ex.route().model()).isEqualTo("m2");
        assertThat(ex.route().inputUsdPerMillion()).isEqualTo(3.0);
        assertThat(ex.freeze(200, Optional.empty(), 0).provider()).contains("spare");
        assertThat(outcomes(ex)).containsExactly("primary:failed(503)", "primary:failed(503)", "spare:answered");
        assertThat(ex.freeze(200, Optional.empty(), 0).attempts().get(2).fallbackModel())
                .contains("m2");
    }

    @Test
    void aTimeoutIsNotRetriedButFallsBack() {
        Scripted slow = new Scripted("slow", Outcome.TIMEOUT);
        Scripted spare = new Scripted("spare");
        ProviderEndpoint endpoint = endpoint(Map.of("slow", policy(2, 10), "spare", policy(2, 10)));
        Exchange ex = routedTo(route(slow, fallback("m2", spare)), false);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.content(a)).isEqualTo("halo dok");
        assertThat(slow.calls()).isEqualTo(1);
        assertThat(outcomes(ex)).containsExactly("slow:timed_out", "spare:answered");
    }

    @Test
    void everyTryFailingEndsInTheLastFailureATimeoutIsUpstreamTimeout() {
        Scripted down = new Scripted("down", Outcome.UNREACHABLE);
        Scripted slow = new Scripted("slow", Outcome.TIMEOUT);
        ProviderEndpoint endpoint = endpoint(Map.of("down", policy(0, 10), "slow", policy(0, 10)));

        Answer a = Calls.await(endpoint.call(routedTo(route(down, fallback("m2", slow)), false)));

        assertThat(Calls.rejection(a).code()).isEqualTo(ErrorCode.UPSTREAM_TIMEOUT);
    }

    @Test
    void aFallbackTheCallerMayNotUseIsSkipped() {
        Scripted primary = new Scripted("primary", Outcome.UNREACHABLE);
        Scripted forbidden = new Scripted("forbidden");
        Scripted allowed = new Scripted("allowed");
        ProviderEndpoint endpoint =
                endpoint(Map.of("primary", policy(0, 10), "forbidden", policy(0, 10), "allowed", policy(0, 10)));
        WorkspacePolicy narrow = Calls.workspaces("workspaces:\n  - id: default\n    models: [\"m\", \"cheap-*\"]\n")
                .find("default")
                .orElseThrow();
        Exchange ex =
                routedTo(route(primary, fallback("premium", forbidden), fallback("cheap-1", allowed)), false, narrow);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.content(a)).isEqualTo("halo dok");
        assertThat(forbidden.calls()).isZero();
        assertThat(outcomes(ex)).containsExactly("primary:failed", "forbidden:not_allowed", "allowed:answered");
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresSkipsTheProviderThenATrialClosesIt() {
        Scripted flaky = new Scripted("flaky", Outcome.STATUS_503, Outcome.STATUS_503);
        Scripted spare = new Scripted("spare");
        UpstreamPolicy flakyPolicy = policy(0, 2);
        ProviderEndpoint endpoint = endpoint(Map.of("flaky", flakyPolicy, "spare", policy(0, 10)));

        Calls.await(endpoint.call(routedTo(route(flaky, fallback("m2", spare)), false)));
        Calls.await(endpoint.call(routedTo(route(flaky, fallback("m2", spare)), false)));
        assertThat(flakyPolicy.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);

        Exchange whileOpen = routedTo(route(flaky, fallback("m2", spare)), false);
        Answer a = Calls.await(endpoint.call(whileOpen));
        assertThat(Calls.content(a)).isEqualTo("halo dok");
        assertThat(flaky.calls()).as("an open circuit sends no call").isEqualTo(2);
        assertThat(outcomes(whileOpen)).containsExactly("flaky:circuit_open", "spare:answered");

        Exchange noFallback = routedTo(route(flaky), false);
        Answer refused = Calls.await(endpoint.call(noFallback));
        assertThat(Calls.rejection(refused).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(Calls.rejection(refused).message()).contains("flaky");

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        Exchange trial = routedTo(route(flaky, fallback("m2", spare)), false);
        Calls.await(endpoint.call(trial));
        assertThat(outcomes(trial)).containsExactly("flaky:answered");
        assertThat(flakyPolicy.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aStreamThatFailsOrStaysSilentBeforeItsFirstChunkIsRetriedThenReplaced() {
        Scripted primary = new Scripted("primary", Outcome.STATUS_503, Outcome.SILENT_STREAM);
        Scripted spare = new Scripted("spare");
        ProviderEndpoint endpoint = endpoint(Map.of("primary", policy(1, 10), "spare", policy(0, 10)));
        Exchange ex = routedTo(route(primary, fallback("m2", spare)), true);

        Answer a = Calls.await(endpoint.call(ex));

        assertThat(Calls.streamedText(Calls.drain(a))).isEqualTo("halo dok");
        assertThat(primary.silentCancelled).as("the silent stream is cancelled").isTrue();
        assertThat(outcomes(ex)).containsExactly("primary:failed(503)", "primary:timed_out", "spare:answered");
    }

    @Test
    void aProviderThatCannotStreamIsAnUpstreamErrorSayingSo() {
        Provider wholeOnly = new Provider() {
            @Override
            public String name() {
                return "whole-only";
            }

            @Override
            public Future<ProviderReply> complete(ProviderCall call) {
                return Future.failedFuture(new ProviderException(ProviderException.Kind.FAILED, "unused"));
            }
        };
        UpstreamPolicy p = policy(2, 1);
        ProviderEndpoint endpoint = endpoint(Map.of("whole-only", p));

        Answer a = Calls.await(endpoint.call(routedTo(route(wholeOnly), true)));

        assertThat(Calls.rejection(a).message()).contains("does not stream");
        assertThat(waits).isEmpty();
        assertThat(p.breaker().state()).as("not a sign of a failing provider").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRequestTheProviderCannotExpressIsA400NeitherRetriedNorHeldAgainstItThatAFallbackMayServe() {
        Scripted narrow = new Scripted("narrow", Outcome.CANNOT_EXPRESS, Outcome.CANNOT_EXPRESS);
        Scripted wide = new Scripted("wide");
        UpstreamPolicy narrowPolicy = policy(2, 1);
        ProviderEndpoint endpoint = endpoint(Map.of("narrow", narrowPolicy, "wide", policy(2, 5)));

        Answer alone = Calls.await(endpoint.call(routedTo(route(narrow), false)));
        Exchange withFallback = routedTo(route(narrow, fallback("m2", wide)), false);
        Answer served = Calls.await(endpoint.call(withFallback));

        assertThat(Calls.rejection(alone).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(Calls.rejection(alone).message()).isEqualTo("n above 1 cannot be served");
        assertThat(Calls.content(served)).isEqualTo("halo dok");
        assertThat(outcomes(withFallback)).containsExactly("narrow:failed", "wide:answered");
        assertThat(waits).isEmpty();
        assertThat(narrowPolicy.breaker().state())
                .as("the provider was never called")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theAttemptsAreListedInTheVerdictWithTheirLatency() {
        Scripted flaky = new Scripted("flaky", Outcome.UNREACHABLE);
        // Each try takes 7 ms on the hand-moved clock; the wait between them is not part of either.
        Provider slowToFail = new Provider() {
            @Override
            public String name() {
                return flaky.name();
            }

            @Override
            public Future<ProviderReply> complete(ProviderCall call) {
                nanos.addAndGet(Duration.ofMillis(7).toNanos());
                return flaky.complete(call);
            }
        };
        ProviderEndpoint endpoint = endpoint(Map.of("flaky", policy(1, 10)));
        Exchange ex = routedTo(route(slowToFail), false);

        Calls.await(endpoint.call(ex));

        List<Attempt> attempts = ex.freeze(200, Optional.empty(), 0).attempts();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).fallbackModel()).isEmpty();
        assertThat(attempts.get(1).latencyMs()).isGreaterThanOrEqualTo(0);
        assertThat(attempts).extracting(Attempt::latencyMs).containsExactly(7.0, 7.0);
        assertThat(waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aTryThatWasNeverSentNeitherClosesNorOpensAHalfOpenCircuit() {
        Scripted flaky = new Scripted("flaky", Outcome.STATUS_503, Outcome.CANNOT_STREAM);
        UpstreamPolicy p = policy(0, 1);
        ProviderEndpoint endpoint = endpoint(Map.of("flaky", p));
        Calls.await(endpoint.call(routedTo(route(flaky), false)));
        assertThat(p.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());

        Calls.await(endpoint.call(routedTo(route(flaky), true)));

        assertThat(p.breaker().state())
                .as("the trial was never sent, so it proved nothing")
                .isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(p.breaker().tryAcquire())
                .as("and the next call may be the trial")
                .isTrue();
    }
}
