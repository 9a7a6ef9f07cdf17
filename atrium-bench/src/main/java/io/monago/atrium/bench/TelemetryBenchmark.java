package io.monago.atrium.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.FilterChain;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.metrics.MetricsFilter;
import io.monago.atrium.gateway.metrics.PrometheusMetrics;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.telemetry.GatewayTracing;
import io.monago.atrium.gateway.telemetry.OtelTracing;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What tracing and metrics add to one call's walk through the chain, apart from the work of the
 * filters themselves: the same chain of filters that do nothing (a verdict is frozen on the way
 * back, as the audit filter does) and an endpoint that answers at once, built with tracing off,
 * tracing on (every span kept, batched to an exporter that drops them), tracing on with no trace
 * sampled, and metrics on. Tracing off builds exactly the chain without telemetry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TelemetryBenchmark {

    /** What the chain is built with. */
    @Param({"off", "tracing", "tracing_unsampled", "metrics"})
    public String telemetry;

    private static final String[] SPANS = {
        "atrium.authenticate",
        "atrium.idempotency",
        "atrium.validate",
        "atrium.limit",
        "atrium.inspect",
        "atrium.policy",
        "atrium.rules",
        "atrium.redact",
        "atrium.meter"
    };

    private SdkTracerProvider provider;
    private FilterChain chain;
    private ModelRoute route;
    private ObjectNode answerBody;

    /** Builds the chain with the telemetry asked for. */
    @Setup(Level.Trial)
    public void build() {
        GatewayTracing tracing = GatewayTracing.OFF;
        if (telemetry.startsWith("tracing")) {
            provider = SdkTracerProvider.builder()
                    .setSampler(telemetry.equals("tracing") ? Sampler.alwaysOn() : Sampler.alwaysOff())
                    .addSpanProcessor(
                            BatchSpanProcessor.builder(new DroppingExporter()).build())
                    .build();
            tracing = OtelTracing.using(provider);
        }
        List<Filter> filters = new ArrayList<>();
        tracing.server().ifPresent(filters::add);
        if (telemetry.equals("metrics")) {
            filters.add(new MetricsFilter(PrometheusMetrics.create(), System::nanoTime));
        }
        filters.add(tracing.answerSpan(
                "atrium.audit.write",
                exchange -> Step.proceed((ex, answer) -> {
                    ex.freeze(200, Optional.empty(), System.nanoTime());
                    return Future.succeededFuture(answer);
                })));
        for (String name : SPANS) {
            filters.add(tracing.span(name, exchange -> Step.proceed()));
        }
        ObjectMapper json = new ObjectMapper();
        answerBody = json.createObjectNode();
        answerBody.put("model", "gpt-5.4-mini");
        answerBody.putArray("choices").addObject().put("finish_reason", "stop");
        Answer answer = new Answer.Completion(answerBody, Optional.of(new Usage(1000, 500)));
        Endpoint endpoint = exchange -> {
            exchange.provider("echo");
            exchange.metered(new Usage(1000, 500), 12.5);
            return Future.succeededFuture(answer);
        };
        chain = new FilterChain(filters, tracing.providerCall(endpoint));
        route = new ModelRoute(
                "gpt-5.4-mini", new EchoProvider("echo", Clock.systemUTC()), "gpt-5.4-mini", 0, 0, List.of());
    }

    /** Stops the tracer provider, when there is one. */
    @TearDown(Level.Trial)
    public void close() {
        if (provider != null) {
            provider.close();
        }
    }

    /**
     * Walks one call through the chain.
     *
     * @return the answer, so the walk is not optimised away
     */
    @Benchmark
    public Object call() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Exchange exchange = new Exchange(
                "aud_bench", Instant.EPOCH, System.nanoTime(), "default", InboundRequest.of(headers, new byte[0]));
        exchange.body(answerBody, "gpt-5.4-mini", "gpt-5.4-mini");
        exchange.route(route);
        return chain.handle(exchange).result();
    }

    /** Takes every batch and keeps nothing: the cost measured is the gateway's, not a collector's. */
    private static final class DroppingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
