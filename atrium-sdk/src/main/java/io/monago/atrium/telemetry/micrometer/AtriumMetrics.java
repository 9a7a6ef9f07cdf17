package io.monago.atrium.telemetry.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.telemetry.CallSummary;
import io.monago.atrium.telemetry.CallTelemetry;
import java.time.Duration;

/**
 * The gateway's call metrics, seen from the application: chat completions by model, decision and
 * status, their time as the client saw it and as the gateway reported it, tokens, cost in rupiah,
 * blocks and retries. Tags hold the model asked for, the decision word, the status and the
 * provider's name: bounded as long as the application asks for a bounded set of models.
 *
 * <pre>{@code
 * Atrium client = Atrium.builder()
 *         .addTelemetry(AtriumMetrics.create(meterRegistry))
 *         .build();
 * // atrium_client_requests_seconds_count{model="gpt-5.4-mini",decision="allowed",status="200",...}
 * }</pre>
 */
public final class AtriumMetrics implements CallTelemetry {

    private final MeterRegistry registry;

    private AtriumMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records into a registry.
     *
     * @param registry the application's registry
     * @return the metrics, to pass to {@code Atrium.Builder.addTelemetry}
     */
    @SuppressWarnings("exports") // the application has the type: it passes its own instance
    public static AtriumMetrics create(MeterRegistry registry) {
        return new AtriumMetrics(registry);
    }

    @Override
    public Call startCall(AtriumRequest request) {
        CallSummary asked = CallSummary.of(request);
        return asked.chat() ? new Metered(asked, System.nanoTime()) : Unmetered.CALL;
    }

    /** One chat completion, timed from its start. */
    private final class Metered implements Call {
        private final CallSummary asked;
        private final long start;

        Metered(CallSummary asked, long start) {
            this.asked = asked;
            this.start = start;
        }

        @Override
        public Attempt startAttempt(AtriumRequest request, int number) {
            if (number > 1) {
                Counter.builder("atrium.client.retries")
                        .description("tries after the first")
                        .tags(Tags.of("model", model()))
                        .register(registry)
                        .increment();
            }
            return new Sent(request);
        }

        @Override
        public void end(AtriumResponse response) {
            CallSummary s = asked.answered(response);
            String decision = s.decision().orElse("none");
            Tags tags = Tags.of(
                    "model", model(),
                    "provider", s.provider().orElse("none"),
                    "decision", decision,
                    "status", Long.toString(s.status().orElse(0)));
            Timer.builder("atrium.client.requests")
                    .description("chat completions, timed as the client saw them")
                    .tags(tags)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
            s.gatewayLatencyMs()
                    .ifPresent(ms -> Timer.builder("atrium.client.gateway.latency")
                            .description("the latency the gateway reported for the call (X-Monago-Latency-Ms)")
                            .tags(Tags.of("model", model()))
                            .register(registry)
                            .record(Duration.ofNanos(Math.round(ms * 1_000_000))));
            Tags byModel = Tags.of("model", model());
            s.inputTokens().ifPresent(n -> tokens(byModel.and("direction", "input"), n));
            s.outputTokens().ifPresent(n -> tokens(byModel.and("direction", "output"), n));
            s.costIdr()
                    .ifPresent(idr -> Counter.builder("atrium.client.cost.idr")
                            .description("cost the gateway reported, in rupiah")
                            .tags(byModel)
                            .register(registry)
                            .increment(idr));
            if (decision.equals("blocked")) {
                Counter.builder("atrium.client.blocks")
                        .description("calls blocked by policy, by error code")
                        .tags(byModel.and("reason", s.errorCode().orElse("unknown")))
                        .register(registry)
                        .increment();
            }
        }

        @Override
        public void fail(Throwable failure) {
            Timer.builder("atrium.client.requests")
                    .description("chat completions, timed as the client saw them")
                    .tags(Tags.of("model", model(), "provider", "none", "decision", "none", "status", "0"))
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }

        private String model() {
            return asked.requestModel().orElse("none");
        }

        private void tokens(Tags tags, long n) {
            Counter.builder("atrium.client.tokens")
                    .description("tokens the gateway metered")
                    .tags(tags)
                    .register(registry)
                    .increment((double) n);
        }
    }

    /** A call that is not a chat completion. */
    private enum Unmetered implements Call {
        CALL;

        @Override
        public Attempt startAttempt(AtriumRequest request, int number) {
            return new Sent(request);
        }

        @Override
        public void end(AtriumResponse response) {}

        @Override
        public void fail(Throwable failure) {}
    }

    /** A try sent as it is. */
    private record Sent(AtriumRequest request) implements Attempt {
        @Override
        public void end(AtriumResponse response) {}

        @Override
        public void fail(Throwable failure) {}
    }
}
