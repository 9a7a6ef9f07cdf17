package io.monago.atrium.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.Atrium;
import io.monago.atrium.protocol.TraceAttributes;
import io.monago.atrium.telemetry.otel.AtriumTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A traced run is one trace: the run's span is the parent of every model call's span, on whichever
 * thread the call is made, and the transcript names its trace id, which is the one every call sent
 * the gateway in its {@code traceparent}.
 */
class RunTracingTest {

    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final AtriumTracing tracing = AtriumTracing.create(otel);
    private final Atrium client = upstream.clientBuilder().addTelemetry(tracing).build();

    @AfterEach
    void close() {
        client.close();
        upstream.close();
        otel.close();
    }

    @Test
    void aTracedRunIsOneTraceAndTheTranscriptNamesIt() {
        upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-0042\"}", "order_lab", "{\"test\":\"CBC\"}")
                .answer("triage", "Done.");
        Agent agent = Agent.builder("triage")
                .model("gpt-5.4-mini")
                .tools(new RunnerTest.PatientTools())
                .build();

        RunResult result;
        try (Runner runner =
                Runner.builder(client).runIds(() -> "run-7").tracing(tracing).build()) {
            result = runner.run(agent, "Can RM-0042 take amoxicillin?");
        }

        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData run = finished.stream()
                .filter(s -> s.getName().equals("invoke_agent triage"))
                .findFirst()
                .orElseThrow();
        assertThat(run.getAttributes().get(AttributeKey.stringKey(TraceAttributes.RUN_ID)))
                .isEqualTo("run-7");
        assertThat(result.transcript().traceId()).contains(run.getTraceId());
        List<SpanData> calls =
                finished.stream().filter(s -> s.getName().startsWith("chat")).toList();
        assertThat(calls).hasSize(2).allSatisfy(c -> {
            assertThat(c.getTraceId()).isEqualTo(run.getTraceId());
            assertThat(c.getParentSpanId()).isEqualTo(run.getSpanId());
        });
        assertThat(upstream.received())
                .allSatisfy(r -> assertThat(r.traceparent()).contains(run.getTraceId()));
    }

    @Test
    void withoutTracingTheTranscriptHasNoTraceId() {
        upstream.answer("triage", "Done.");
        Agent agent = Agent.builder("triage").model("gpt-5.4-mini").build();

        try (Runner runner = Runner.builder(client).build()) {
            assertThat(runner.run(agent, "hi").transcript().traceId()).isEmpty();
        }
    }
}
