package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.protocol.TraceAttributes;
import io.monago.atrium.telemetry.micrometer.AtriumMetrics;
import io.monago.atrium.telemetry.otel.AtriumTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tracing and metrics of the SDK's calls against a real server: a client span per call with the
 * GenAI and governance attributes, an HTTP span per try whose context the server receives as
 * {@code traceparent}, and the Micrometer meters; never the prompt in any attribute.
 */
class TelemetryTest {

    private static final String PROMPT = "Pasien NIK 3201234567890123 batuk 2 minggu";
    private static final Map<String, String> GOVERNANCE = Map.of(
            "Content-Type", "application/json",
            "X-Monago-Audit-Id", "aud_trace_1",
            "X-Monago-Policy-Decision", "allowed",
            "X-Monago-Pii-Detected", "true",
            "X-Monago-Pii-Redacted", "NIK",
            "X-Monago-Provider", "echo",
            "X-Monago-Cost-Idr", "12.5",
            "X-Monago-Latency-Ms", "3");

    private TestServer server;
    private InMemorySpanExporter spans;
    private OpenTelemetrySdk otel;

    @BeforeEach
    void start() {
        server = TestServer.start();
        spans = InMemorySpanExporter.create();
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
        otel.close();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage(PROMPT)
                .build();
    }

    @Test
    void aRetriedCallIsOneCallSpanOverOneSpanPerTry() {
        server.enqueue(TestServer.Reply.json(503, "{\"error\":{\"message\":\"busy\"}}"))
                .enqueue(TestServer.Reply.completion(GOVERNANCE));
        try (Atrium client =
                server.client().addTelemetry(AtriumTracing.create(otel)).build()) {
            client.chat().completions().create(request());
        }

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(3);
        SpanData call = finished.stream()
                .filter(s -> s.getName().equals("chat gpt-5.4-mini"))
                .findFirst()
                .orElseThrow();
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getParentSpanContext().isValid()).isFalse();
        var a = call.getAttributes();
        assertThat(a.get(AttributeKey.stringKey(TraceAttributes.GEN_AI_OPERATION_NAME)))
                .isEqualTo("chat");
        assertThat(a.get(AttributeKey.stringKey(TraceAttributes.GEN_AI_REQUEST_MODEL)))
                .isEqualTo("gpt-5.4-mini");
        assertThat(a.get(AttributeKey.stringKey(TraceAttributes.GEN_AI_RESPONSE_MODEL)))
                .isEqualTo("gpt-5.4-mini");
        assertThat(a.get(AttributeKey.longKey(TraceAttributes.GEN_AI_USAGE_INPUT_TOKENS)))
                .isEqualTo(12L);
        assertThat(a.get(AttributeKey.longKey(TraceAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)))
                .isEqualTo(3L);
        assertThat(a.get(AttributeKey.stringArrayKey(TraceAttributes.GEN_AI_RESPONSE_FINISH_REASONS)))
                .containsExactly("stop");
        assertThat(a.get(AttributeKey.stringKey(TraceAttributes.AUDIT_ID))).isEqualTo("aud_trace_1");
        assertThat(a.get(AttributeKey.stringKey(TraceAttributes.DECISION))).isEqualTo("allowed");
        assertThat(a.get(AttributeKey.stringArrayKey(TraceAttributes.PII_REDACTED)))
                .containsExactly("NIK");
        assertThat(a.get(AttributeKey.doubleKey(TraceAttributes.COST_IDR))).isEqualTo(12.5);
        assertThat(a.get(AttributeKey.stringKey(TraceAttributes.GEN_AI_PROVIDER_NAME)))
                .isEqualTo("echo");

        List<SpanData> tries = finished.stream()
                .filter(s -> s.getParentSpanId().equals(call.getSpanId()))
                .toList();
        assertThat(tries).hasSize(2);
        assertThat(tries.get(0).getAttributes().get(AttributeKey.longKey(TraceAttributes.HTTP_RESPONSE_STATUS_CODE)))
                .isEqualTo(503L);
        assertThat(tries.get(1).getAttributes().get(AttributeKey.longKey(TraceAttributes.HTTP_REQUEST_RESEND_COUNT)))
                .isEqualTo(1L);
        // Each try went out carrying its own span as the parent of whatever the server does.
        for (int i = 0; i < 2; i++) {
            String spanId = tries.get(i).getSpanId();
            assertThat(server.received().get(i).header("traceparent"))
                    .hasValueSatisfying(
                            tp -> assertThat(tp).startsWith("00-" + call.getTraceId() + "-" + spanId + "-"));
        }
        for (SpanData s : finished) {
            s.getAttributes()
                    .forEach((k, v) -> assertThat(String.valueOf(v))
                            .doesNotContain("3201234567890123")
                            .doesNotContain("batuk")
                            .doesNotContain(TestServer.API_KEY));
        }
    }

    @Test
    void theMicrometerBinderCountsCallsTokensCostAndRetries() {
        server.enqueue(TestServer.Reply.json(503, "{}")).enqueue(TestServer.Reply.completion(GOVERNANCE));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Atrium client =
                server.client().addTelemetry(AtriumMetrics.create(registry)).build()) {
            client.chat().completions().create(request());
        }
        assertThat(registry.get("atrium.client.requests")
                        .tags("model", "gpt-5.4-mini", "decision", "allowed", "status", "200", "provider", "echo")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("atrium.client.tokens")
                        .tags("direction", "input")
                        .counter()
                        .count())
                .isEqualTo(12.0);
        assertThat(registry.get("atrium.client.tokens")
                        .tags("direction", "output")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get("atrium.client.cost.idr").counter().count()).isEqualTo(12.5);
        assertThat(registry.get("atrium.client.retries").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("atrium.client.gateway.latency").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aClientWithoutTelemetrySendsNoTraceparent() {
        try (Atrium client = server.client().build()) {
            client.chat().completions().create(request());
        }
        assertThat(server.received().get(0).header("traceparent")).isEmpty();
    }
}
