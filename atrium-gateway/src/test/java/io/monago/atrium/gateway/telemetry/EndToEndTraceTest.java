package io.monago.atrium.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.TraceAttributes;
import io.monago.atrium.telemetry.otel.AtriumTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace from an SDK call through the real gateway to a fake upstream, all spans caught by the
 * OpenTelemetry SDK's in-memory exporter: the SDK's call and try spans, the gateway's server span
 * under the try, its filter spans and the provider's GenAI span under that, the audit id on the
 * spans and the trace id in the audit record; and nowhere in any attribute the prompt, the NIK the
 * guard found, or the key.
 */
class EndToEndTraceTest {

    private static final String NIK = "3201234567890123";
    private static final String PROMPT = "Pasien NIK " + NIK + " batuk 2 minggu";

    @TempDir
    Path dataDir;

    private InMemorySpanExporter spans;
    private OpenTelemetrySdk otel;
    private FakeOpenAiUpstream upstream;
    private RunningGateway gateway;

    @BeforeEach
    void start() throws Exception {
        spans = InMemorySpanExporter.create();
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        upstream = new FakeOpenAiUpstream();
        String yaml = "providers:\n  up: {type: openai, base_url: \"" + upstream.baseUrl()
                + "\", timeout_ms: 3000, retries: 0}\n"
                + "models:\n  - {name: \"*\", provider: up}\n";
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", yaml),
                dataDir,
                OtelTracing.using(otel.getSdkTracerProvider()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        upstream.close();
        otel.close();
    }

    private Atrium client(int maxRetries) {
        return Atrium.builder()
                .apiKey(RunningGateway.ADMIN_KEY)
                .baseUrl(gateway.baseUrl())
                .environment(name -> null)
                .maxRetries(maxRetries)
                .addTelemetry(AtriumTracing.create(otel))
                .build();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage(PROMPT)
                .build();
    }

    @Test
    void oneTraceRunsFromTheSdkThroughTheGatewayToTheProvider() {
        ChatCompletion answer;
        try (Atrium client = client(0)) {
            answer = client.chat().completions().create(request());
        }
        String auditId = answer.governance().auditId().orElseThrow();
        List<SpanData> all = spans.getFinishedSpanItems();

        SpanData call = named(all, "chat gpt-5.4-mini", SpanKind.CLIENT, false);
        assertThat(call.getParentSpanContext().isValid())
                .as("the SDK's call span starts the trace")
                .isFalse();
        assertThat(all).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(call.getTraceId()));

        SpanData attempt = only(all, s -> s.getParentSpanId().equals(call.getSpanId()));
        SpanData server = only(all, s -> s.getKind() == SpanKind.SERVER);
        assertThat(server.getParentSpanId())
                .as("the gateway continues the try's context")
                .isEqualTo(attempt.getSpanId());

        Set<String> children = all.stream()
                .filter(s -> s.getParentSpanId().equals(server.getSpanId()))
                .map(SpanData::getName)
                .collect(Collectors.toSet());
        assertThat(children)
                .contains(
                        "atrium.authenticate",
                        "atrium.validate",
                        "atrium.limit",
                        "atrium.inspect",
                        "atrium.policy",
                        "atrium.redact",
                        "atrium.meter",
                        "atrium.audit.write",
                        "chat gpt-5.4-mini");

        SpanData provider =
                only(all, s -> s.getParentSpanId().equals(server.getSpanId()) && s.getKind() == SpanKind.CLIENT);
        assertThat(string(provider, TraceAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(string(provider, TraceAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("up");
        assertThat(provider.getAttributes().get(AttributeKey.longKey(TraceAttributes.GEN_AI_USAGE_INPUT_TOKENS)))
                .isEqualTo(1000L);
        assertThat(provider.getEvents()).hasSize(1);

        for (SpanData s : List.of(call, server)) {
            assertThat(string(s, TraceAttributes.AUDIT_ID)).isEqualTo(auditId);
            assertThat(string(s, TraceAttributes.DECISION)).isEqualTo("allowed");
            assertThat(s.getAttributes().get(AttributeKey.stringArrayKey(TraceAttributes.PII_REDACTED)))
                    .containsExactly("NIK");
            assertThat(s.getAttributes().get(AttributeKey.longKey(TraceAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)))
                    .isEqualTo(500L);
        }
        RunningGateway.Reply record = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.json().path("trace_id").asText()).isEqualTo(call.getTraceId());

        assertNoAttributeLeaks(all);
    }

    @Test
    void aRetriedCallShowsEachTryAndTheGatewayCallItReached() {
        upstream.mode(FakeOpenAiUpstream.Mode.FAIL_500);
        try (Atrium client = client(1)) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(AtriumException.class);
        }
        List<SpanData> all = spans.getFinishedSpanItems();
        SpanData call = named(all, "chat gpt-5.4-mini", SpanKind.CLIENT, false);
        List<SpanData> tries = all.stream()
                .filter(s -> s.getParentSpanId().equals(call.getSpanId()))
                .toList();
        assertThat(tries).hasSize(2);
        List<SpanData> servers =
                all.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertThat(servers).hasSize(2);
        assertThat(servers.stream().map(SpanData::getParentSpanId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(
                        tries.stream().map(SpanData::getSpanId).toList());
        assertThat(servers)
                .allSatisfy(
                        s -> assertThat(string(s, TraceAttributes.ERROR_TYPE)).isNotEmpty());
        assertNoAttributeLeaks(all);
    }

    @Test
    void aWorkspaceThatOptsInGetsTheRedactedPromptAndAnswerOnItsServerSpanOnly() {
        gateway.close();
        String yaml = "providers:\n  up: {type: openai, base_url: \"" + upstream.baseUrl()
                + "\", timeout_ms: 3000, retries: 0}\n"
                + "models:\n  - {name: \"*\", provider: up}\n"
                + "workspaces:\n  - id: default\n    telemetry: {content: true}\n";
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", yaml),
                dataDir.resolve("content"),
                OtelTracing.using(otel.getSdkTracerProvider()));
        ChatCompletion answer;
        try (Atrium client = client(0)) {
            answer = client.chat().completions().create(request());
        }

        List<SpanData> all = spans.getFinishedSpanItems();
        SpanData server = only(all, sp -> sp.getKind() == SpanKind.SERVER);
        assertThat(string(server, TraceAttributes.GEN_AI_INPUT_MESSAGES))
                .contains("Pasien NIK [NIK_1] batuk")
                .doesNotContain(NIK);
        assertThat(string(server, TraceAttributes.GEN_AI_OUTPUT_MESSAGES))
                .isNotEmpty()
                .doesNotContain(NIK);
        assertThat(all)
                .filteredOn(sp -> sp.getKind() != SpanKind.SERVER)
                .allSatisfy(sp -> assertThat(sp.getAttributes().asMap().keySet())
                        .extracting(AttributeKey::getKey)
                        .doesNotContain(TraceAttributes.GEN_AI_INPUT_MESSAGES, TraceAttributes.GEN_AI_OUTPUT_MESSAGES));
        // Traced, not stored: the audit keeps no content unless audit.store_content says so.
        String auditId = answer.governance().auditId().orElseThrow();
        assertThat(gateway.get("/audit/" + auditId + "/content", Optional.of(RunningGateway.ADMIN_KEY))
                        .status())
                .isEqualTo(404);
    }

    private static void assertNoAttributeLeaks(List<SpanData> all) {
        for (SpanData s : all) {
            s.getAttributes()
                    .forEach((k, v) -> assertThat(String.valueOf(v))
                            .as("attribute %s of span %s", k, s.getName())
                            .doesNotContain(NIK)
                            .doesNotContain("batuk")
                            .doesNotContain(RunningGateway.ADMIN_KEY));
            s.getEvents()
                    .forEach(e -> e.getAttributes()
                            .forEach((k, v) -> assertThat(String.valueOf(v))
                                    .doesNotContain(NIK)
                                    .doesNotContain("batuk")));
        }
    }

    private static String string(SpanData s, String key) {
        return s.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static SpanData named(List<SpanData> all, String name, SpanKind kind, boolean hasParent) {
        return only(
                all,
                s -> s.getName().equals(name)
                        && s.getKind() == kind
                        && s.getParentSpanContext().isValid() == hasParent);
    }

    private static SpanData only(List<SpanData> all, java.util.function.Predicate<SpanData> which) {
        List<SpanData> found = all.stream().filter(which).toList();
        assertThat(found).as("spans matching").hasSize(1);
        return found.get(0);
    }
}
