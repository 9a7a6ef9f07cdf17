package io.monago.atrium.gateway.telemetry;

import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.config.TelemetryConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Optional;

/**
 * Tracing with OpenTelemetry. {@link #export} builds its own tracer provider that batches spans to
 * an OTLP/HTTP collector ({@code telemetry.otlp_endpoint}); {@link #using} traces into a provider
 * the caller owns (tests use the SDK's in-memory exporter).
 *
 * <pre>{@code
 * try (OtelTracing tracing = OtelTracing.export(config.telemetry())) {
 *     Filter inspect = tracing.span("atrium.inspect", new InspectInputFilter(scanner, offload));
 * }
 * }</pre>
 */
public final class OtelTracing implements GatewayTracing, AutoCloseable {

    /** The instrumentation scope the gateway's spans are made under. */
    static final String SCOPE = "io.monago.atrium.gateway";

    private final Tracer tracer;
    private final Optional<SdkTracerProvider> owned;
    private final Filter server;

    private OtelTracing(Tracer tracer, Optional<SdkTracerProvider> owned) {
        this.tracer = tracer;
        this.owned = owned;
        this.server = new ServerSpanFilter(tracer);
    }

    /**
     * Traces into a tracer provider the caller owns and closes.
     *
     * @param provider the provider
     * @return the tracing
     */
    public static OtelTracing using(TracerProvider provider) {
        return new OtelTracing(provider.get(SCOPE), Optional.empty());
    }

    /**
     * Exports spans over OTLP/HTTP to the configured endpoint, in batches, sampled by the configured
     * ratio (a caller's sampling decision in its {@code traceparent} is followed).
     *
     * @param config the telemetry section, with an endpoint set
     * @return the tracing; {@link #close} flushes and stops the exporter
     * @throws IllegalArgumentException when no endpoint is set
     */
    public static OtelTracing export(TelemetryConfig config) {
        String endpoint = config.otlpEndpointIfSet()
                .orElseThrow(() -> new IllegalArgumentException("telemetry.otlp_endpoint is not set"));
        OtlpHttpSpanExporter exporter =
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(
                                Attributes.of(AttributeKey.stringKey("service.name"), config.serviceName()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        return new OtelTracing(provider.get(SCOPE), Optional.of(provider));
    }

    @Override
    public Optional<Filter> server() {
        return Optional.of(server);
    }

    @Override
    public Filter span(String name, Filter filter) {
        return new SpanFilter(tracer, Optional.of(name), name + ".answer", filter);
    }

    @Override
    public Filter answerSpan(String name, Filter filter) {
        return new SpanFilter(tracer, Optional.empty(), name, filter);
    }

    @Override
    public Endpoint providerCall(Endpoint endpoint) {
        return new ProviderSpan(tracer, endpoint);
    }

    /** Flushes the spans not yet sent and stops the exporter, when this tracing owns it. */
    @Override
    public void close() {
        owned.ifPresent(SdkTracerProvider::close);
    }
}
