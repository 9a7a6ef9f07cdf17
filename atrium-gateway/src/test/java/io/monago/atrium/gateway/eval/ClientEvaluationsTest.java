package io.monago.atrium.gateway.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.eval.AsyncEvalHook;
import io.monago.atrium.eval.AsyncEvaluatingChat;
import io.monago.atrium.eval.EvalHook;
import io.monago.atrium.eval.EvalSubject;
import io.monago.atrium.eval.EvaluatedCompletion;
import io.monago.atrium.eval.EvaluatingChat;
import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
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
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's eval hooks, blocking and async, against the real gateway: the hook sees the request
 * and scores the answer, and the scores land in an audit record linked to the call.
 */
class ClientEvaluationsTest {
    private static final String OTHER_KEY = "sk-mng-eval-other";

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;
    static Atrium client;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", """
                        keys:
                          - {id: other, hash: %s, workspace: default}
                        """.formatted(ApiKeyHash.of(OTHER_KEY))), dataDir);
        client = Atrium.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey(RunningGateway.ADMIN_KEY)
                .environment(name -> null)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gateway.close();
    }

    private static ChatCompletionRequest request(String text) {
        return ChatCompletionRequest.builder()
                .model("echo")
                .addUserMessage(text)
                .build();
    }

    private static JsonNode record(String auditId) {
        return gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY))
                .json();
    }

    @Test
    void withTracingTheScoresSitOnTheCallsTraceBlockingAndAsync() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                        .setTracerProvider(SdkTracerProvider.builder()
                                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                                .build())
                        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                        .build();
                Atrium traced = Atrium.builder()
                        .baseUrl(gateway.baseUrl())
                        .apiKey(RunningGateway.ADMIN_KEY)
                        .environment(name -> null)
                        .addTelemetry(AtriumTracing.create(otel))
                        .build()) {
            AtriumTracing tracing = AtriumTracing.create(otel);
            EvaluatedCompletion blocking = EvaluatingChat.builder(traced, subject -> Map.of("polite", 0.9))
                    .tracing(tracing)
                    .build()
                    .create(request("Selamat pagi dokter"));
            EvaluatedCompletion async = AsyncEvaluatingChat.builder(
                            traced.async(), subject -> CompletableFuture.completedFuture(Map.of("polite", 0.4)))
                    .tracing(tracing)
                    .build()
                    .create(request("Selamat siang dokter"))
                    .get(10, TimeUnit.SECONDS);

            List<SpanData> evaluations = spans.getFinishedSpanItems().stream()
                    .filter(sp -> sp.getName().equals(TraceAttributes.EVALUATE_SPAN))
                    .toList();
            assertThat(evaluations)
                    .extracting(sp -> sp.getAttributes().get(AttributeKey.doubleKey("atrium.eval.polite")))
                    .containsExactly(0.9, 0.4);
            for (int i = 0; i < 2; i++) {
                SpanData evaluation = evaluations.get(i);
                EvaluatedCompletion res = i == 0 ? blocking : async;
                assertThat(spans.getFinishedSpanItems())
                        .as("the call's span is a child of the evaluation's")
                        .anySatisfy(sp -> {
                            assertThat(sp.getName()).startsWith("chat");
                            assertThat(sp.getParentSpanId()).isEqualTo(evaluation.getSpanId());
                        });
                String callId = res.completion().governance().auditId().orElseThrow();
                assertThat(record(callId).path("trace_id").asText()).isEqualTo(evaluation.getTraceId());
            }
        }
    }

    @Test
    void aHookScoresAStreamedAnswerOnceItEndedBlockingAndAsync() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();
        EvaluatedCompletion res = EvaluatingChat.builder(
                        client, subject -> Map.of("answered", subject.answer().isEmpty() ? 0.0 : 1.0))
                .build()
                .createStreaming(request("Jakarta hujan deras sejak pagi"), chunk -> pieces.add(chunk.content()));

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(res.completion().content());
        assertThat(res.scores()).containsEntry("answered", 1.0);
        assertThat(record(res.evaluationAuditId().orElseThrow())
                        .path("linked_audit_id")
                        .asText())
                .isEqualTo(res.completion().governance().auditId().orElseThrow());

        List<String> asyncPieces = new CopyOnWriteArrayList<>();
        EvaluatedCompletion async = AsyncEvaluatingChat.builder(
                        client.async(), subject -> CompletableFuture.completedFuture(Map.of("answered", 1.0)))
                .build()
                .createStreaming(request("Bandung cerah hari ini"), chunk -> asyncPieces.add(chunk.content()))
                .get(10, TimeUnit.SECONDS);

        assertThat(String.join("", asyncPieces)).isEqualTo(async.completion().content());
        JsonNode evaluation = record(async.evaluationAuditId().orElseThrow());
        assertThat(evaluation.path("linked_audit_id").asText())
                .isEqualTo(async.completion().governance().auditId().orElseThrow());
        assertThat(evaluation.path("evaluations").path(0).path("evaluator").asText())
                .isEqualTo("answered");
    }

    @Test
    void aBlockingHookScoresTheAnswerAndTheScoreIsAuditedLinkedToTheCall() {
        List<String> seen = new ArrayList<>();
        EvalHook hook = new EvalHook() {
            @Override
            public void beforeRequest(ChatCompletionRequest request) {
                seen.add("before");
            }

            @Override
            public Map<String, Double> score(EvalSubject subject) {
                seen.add("score:" + subject.answer());
                return Map.of("mentions_jakarta", subject.answer().contains("Jakarta") ? 1.0 : 0.0);
            }
        };

        EvaluatedCompletion res = EvaluatingChat.builder(client, hook).build().create(request("Jakarta hujan"));

        assertThat(seen).containsExactly("before", "score:" + res.completion().content());
        assertThat(res.scores()).containsEntry("mentions_jakarta", 1.0);
        String callId = res.completion().governance().auditId().orElseThrow();
        JsonNode evaluation = record(res.evaluationAuditId().orElseThrow());
        assertThat(evaluation.path("linked_audit_id").asText()).isEqualTo(callId);
        assertThat(evaluation.path("decision").asText()).isEqualTo("evaluation");
        JsonNode e = evaluation.path("evaluations").path(0);
        assertThat(e.path("evaluator").asText()).isEqualTo("mentions_jakarta");
        assertThat(e.path("stage").asText()).isEqualTo("client");
        assertThat(e.path("score").asDouble()).isEqualTo(1.0);
        assertThat(evaluation.toString()).doesNotContain("hujan");
        // The call's own record is untouched: the chain stays append-only.
        assertThat(record(callId).path("evaluations")).isEmpty();
    }

    @Test
    void anAsyncHookScoresWithoutBlockingAndIsRecorded() throws Exception {
        AsyncEvalHook judge = subject -> CompletableFuture.supplyAsync(() -> Map.of("length_ok", 0.25));

        EvaluatedCompletion res = AsyncEvaluatingChat.builder(client.async(), judge)
                .build()
                .create(request("Surabaya cerah"))
                .get(30, TimeUnit.SECONDS);

        assertThat(res.scores()).containsEntry("length_ok", 0.25);
        JsonNode evaluation = record(res.evaluationAuditId().orElseThrow());
        assertThat(evaluation.path("linked_audit_id").asText())
                .isEqualTo(res.completion().governance().auditId().orElseThrow());
        assertThat(evaluation.path("evaluations").path(0).path("score").asDouble())
                .isEqualTo(0.25);
    }

    @Test
    void onlySampledCallsAreScoredByTheInjectedRandomSource() {
        Deque<Double> draws = new ArrayDeque<>(List.of(0.05, 0.95, 0.30));
        List<String> scored = new ArrayList<>();
        EvaluatingChat chat = EvaluatingChat.builder(client, subject -> {
                    scored.add(subject.answer());
                    return Map.of("seen", 1.0);
                })
                .sampleRate(0.5)
                .randomSource(draws::pop)
                .build();

        EvaluatedCompletion first = chat.create(request("satu"));
        EvaluatedCompletion second = chat.create(request("dua"));
        EvaluatedCompletion third = chat.create(request("tiga"));

        assertThat(first.sampled()).isTrue();
        assertThat(second.sampled()).isFalse();
        assertThat(second.evaluationAuditId()).isEmpty();
        assertThat(third.sampled()).isTrue();
        assertThat(scored).hasSize(2);
    }

    @Test
    void aKeyThatMayNotReadTheCallCannotScoreIt() {
        String callId = client.chat()
                .completions()
                .create(request("halo"))
                .governance()
                .auditId()
                .orElseThrow();
        try (Atrium other = Atrium.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey(OTHER_KEY)
                .environment(name -> null)
                .build()) {
            assertThatThrownBy(() -> other.audit().recordEvaluations(callId, Map.of("x", 0.5)))
                    .isInstanceOfSatisfying(
                            AtriumException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }

    @Test
    void aMalformedScoreHeaderIsRefusedNamingThePair() {
        String callId = client.chat()
                .completions()
                .create(request("halo"))
                .governance()
                .auditId()
                .orElseThrow();

        RunningGateway.Reply reply = gateway.post(
                "/audit/" + callId + "/evaluations",
                "{}",
                Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY, ProtocolHeaders.EVAL, "ok=0.5, bad=7"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText())
                .contains("pair 2")
                .contains("0 to 1");
    }
}
