package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.audit.SecurityEvidence;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionMessage;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.Choice;
import io.monago.atrium.chat.FinishReason;
import io.monago.atrium.chat.ToolCall;
import io.monago.atrium.chat.Usage;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AuthException;
import io.monago.atrium.models.ModelList;
import io.monago.atrium.protocol.PolicyDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Responses read back through a real server: typed fields, unknown fields kept, raw access. */
class ResponseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String RICH_COMPLETION = """
            {"id": "chatcmpl-9", "object": "chat.completion", "created": 1735689600, "model": "gpt-5.4-mini-2025",
             "system_fingerprint": "fp_1", "service_tier": "default", "x_gateway_note": {"region": "id-jkt"},
             "choices": [{"index": 0, "finish_reason": "tool_calls", "x_choice_extra": 1,
               "message": {"role": "assistant", "content": null, "refusal": null,
                 "annotations": [{"type": "url_citation"}],
                 "tool_calls": [{"id": "call_1", "type": "function",
                   "function": {"name": "lookup_patient", "arguments": "{\\"mrn\\":\\"A-1\\"}"}}]},
               "logprobs": {"content": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105],
                 "top_logprobs": [{"token": "Hello", "logprob": -2.5, "bytes": null}]}], "refusal": null}},
               {"index": 1, "finish_reason": "stop", "message": {"role": "assistant", "content": "Second"},
                "logprobs": null}],
             "usage": {"prompt_tokens": 20, "completion_tokens": 10, "total_tokens": 30,
               "prompt_tokens_details": {"cached_tokens": 8, "audio_tokens": 0},
               "completion_tokens_details": {"reasoning_tokens": 4, "audio_tokens": 0,
                 "accepted_prediction_tokens": 1, "rejected_prediction_tokens": 2},
               "x_usage_extra": true}}
            """;

    private TestServer server;
    private Atrium client;

    @BeforeEach
    void start() {
        server = TestServer.start();
        client = server.client().build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void everyModelledFieldIsReadAndUnknownFieldsAreKept() throws Exception {
        server.enqueue(TestServer.Reply.of(200, Map.of("X-Monago-Audit-Id", "audit-9"), RICH_COMPLETION));
        ChatCompletion c = client.chat().completions().create(request());

        assertThat(c.id()).isEqualTo("chatcmpl-9");
        assertThat(c.object()).isEqualTo("chat.completion");
        assertThat(c.created()).isEqualTo(1735689600L);
        assertThat(c.model()).isEqualTo("gpt-5.4-mini-2025");
        assertThat(c.systemFingerprint()).contains("fp_1");
        assertThat(c.serviceTier()).contains("default");
        assertThat(c.governance().auditId()).contains("audit-9");
        assertThat(c.additionalProperties()).containsOnlyKeys("x_gateway_note");
        assertThat(c.additionalProperties().get("x_gateway_note"))
                .isEqualTo(MAPPER.readTree("{\"region\":\"id-jkt\"}"));
        assertThat(c.rawJson()).isEqualTo(MAPPER.readTree(RICH_COMPLETION));

        Choice first = c.choices().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.finishReason()).contains(FinishReason.of("tool_calls"));
        assertThat(first.additionalProperties()).containsOnlyKeys("x_choice_extra");
        ChatCompletionMessage message = first.message();
        assertThat(message.content()).isEmpty();
        assertThat(message.refusal()).isEmpty();
        assertThat(message.toolCalls())
                .containsExactly(ToolCall.ofFunction("call_1", "lookup_patient", "{\"mrn\":\"A-1\"}"));
        assertThat(message.additionalProperties()).containsOnlyKeys("annotations");
        assertThat(first.logprobs().orElseThrow().content().get(0).bytes()).containsExactly(72, 105);
        assertThat(first.logprobs()
                        .orElseThrow()
                        .content()
                        .get(0)
                        .topLogprobs()
                        .get(0)
                        .token())
                .isEqualTo("Hello");
        assertThat(first.logprobs()
                        .orElseThrow()
                        .content()
                        .get(0)
                        .topLogprobs()
                        .get(0)
                        .bytes())
                .isEmpty();
        assertThat(c.choices().get(1).logprobs()).isEmpty();

        assertThat(c.content()).as("no text in the first choice").isEmpty();
        Usage usage = c.usage().orElseThrow();
        assertThat(usage.totalTokens()).isEqualTo(30);
        assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(8);
        assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(4);
        assertThat(usage.completionTokensDetails().rejectedPredictionTokens()).isEqualTo(2);
        assertThat(usage.additionalProperties()).containsOnlyKeys("x_usage_extra");
    }

    @Test
    void aToolCallingAnswerCanBeReplayedAsHistory() throws Exception {
        server.enqueue(TestServer.Reply.json(200, RICH_COMPLETION));
        ChatCompletion c = client.chat().completions().create(request());
        ChatCompletionRequest followUp = request().toBuilder()
                .addMessage(c.choices().get(0).message().toAssistantMessage())
                .addToolMessage("call_1", "{\"name\":\"Budi\"}")
                .build();
        JsonNode sent = followUp.toJson().get("messages");
        assertThat(sent.get(1)).isEqualTo(MAPPER.readTree("""
                {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
                  "function": {"name": "lookup_patient", "arguments": "{\\"mrn\\":\\"A-1\\"}"}}]}
                """));
    }

    @Test
    void aMinimalAnswerStillReads() {
        server.enqueue(TestServer.Reply.json(200, "{\"choices\": []}"));
        ChatCompletion c = client.chat().completions().create(request());
        assertThat(c.content()).isEmpty();
        assertThat(c.choices()).isEmpty();
        assertThat(c.usage()).isEmpty();
        assertThat(c.governance()).isEqualTo(Governance.empty());
    }

    @Test
    void aSuccessfulStatusWithABodyThatIsNotAnObjectIsAnApiException() {
        server.enqueue(TestServer.Reply.of(200, Map.of("X-Monago-Audit-Id", "a-arr"), "[1, 2]"));
        assertThatThrownBy(() -> client.chat().completions().create(request()))
                .isExactlyInstanceOf(ApiException.class)
                .hasMessageContaining("unexpected shape")
                .satisfies(e -> {
                    ApiException api = (ApiException) e;
                    assertThat(api.statusCode()).isEqualTo(200);
                    assertThat(api.auditId()).contains("a-arr");
                    assertThat(api.responseBodyText()).contains("[1, 2]");
                });
        server.enqueue(TestServer.Reply.json(200, "<html>proxy</html>"));
        assertThatThrownBy(() -> client.chat().completions().create(request()))
                .isExactlyInstanceOf(ApiException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void errorsCarryTheWholeAnswer() throws Exception {
        String body = "{\"error\": {\"message\": \"PII detected and policy blocked\", \"type\": \"policy_violation\","
                + " \"code\": \"pii_blocked\"}}";
        server.enqueue(TestServer.Reply.of(
                400,
                Map.of(
                        "X-Monago-Audit-Id",
                        "audit-b",
                        "X-Monago-Policy-Decision",
                        "blocked",
                        "X-Monago-Block-Reason",
                        "PII detected: NIK",
                        "X-Monago-Pii-Redacted",
                        "NIK"),
                body));
        assertThatThrownBy(() -> client.chat().completions().create(request())).satisfies(t -> {
            AtriumException e = (AtriumException) t;
            assertThat(e.errorCode()).contains("pii_blocked");
            assertThat(e.errorType()).contains("policy_violation");
            assertThat(e.responseBody()).contains(MAPPER.readTree(body));
            assertThat(e.governance().piiRedacted()).containsExactly("NIK");
            assertThat(e.decisionWord()).contains("blocked");
            assertThat(e.blockReason()).contains("PII detected: NIK");
            assertThat(e.response().orElseThrow().header("x-monago-audit-id")).contains("audit-b");
        });
    }

    @Test
    void rawResponseGivesStatusEveryHeaderAndTheParsedBody() {
        server.enqueue(TestServer.Reply.completion(Map.of("X-Request-Id", "req-1", "X-Monago-Provider", "echo")));
        RawResponse<ChatCompletion> raw =
                client.chat().completions().withRawResponse().create(request());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.header("x-request-id")).contains("req-1");
        assertThat(raw.headers()).containsKey("X-Request-Id");
        assertThat(raw.governance().provider()).contains("echo");
        assertThat(raw.body().content()).isEqualTo("Halo dokter");
        assertThat(raw.body().governance()).isEqualTo(raw.governance());

        server.enqueue(TestServer.Reply.completion(Map.of("X-Request-Id", "req-2")));
        RawResponse<ChatCompletion> asyncRaw = client.async()
                .chat()
                .completions()
                .withRawResponse()
                .create(request())
                .join();
        assertThat(asyncRaw.header("X-Request-Id")).contains("req-2");
    }

    @Test
    void modelsAreListed() {
        server.enqueue(TestServer.Reply.json(200, """
                {"object": "list", "data": [
                  {"id": "gpt-5.4-mini", "object": "model", "created": 1700000000, "owned_by": "openai", "x_tier": "a"},
                  {"id": "echo", "object": "model", "created": 0, "owned_by": "atrium"}]}
                """));
        ModelList models = client.models().list();
        assertThat(server.received().get(0).method()).isEqualTo("GET");
        assertThat(server.received().get(0).path()).isEqualTo("/v1/models");
        assertThat(server.received().get(0).header("Idempotency-Key")).isEmpty();
        assertThat(models.data()).extracting(m -> m.id()).containsExactly("gpt-5.4-mini", "echo");
        assertThat(models.find("gpt-5.4-mini").orElseThrow().ownedBy()).isEqualTo("openai");
        assertThat(models.find("gpt-5.4-mini").orElseThrow().additionalProperties())
                .containsOnlyKeys("x_tier");
        assertThat(models.find("claude")).isEmpty();

        server.enqueue(TestServer.Reply.json(401, "{\"error\":{\"message\":\"bad key\"}}"));
        assertThatThrownBy(() -> client.async().models().list().join()).hasCauseExactlyInstanceOf(AuthException.class);
    }

    @Test
    void aBlockedCallsAuditRecordNamesTheEvidenceBehindEachIncident() {
        server.enqueue(TestServer.Reply.json(200, """
                {"audit_id": "audit-2", "decision": "blocked", "security_incidents": ["prompt_injection"],
                 "security_evidence": [
                   {"category": "prompt_injection", "score": 0.973, "path": "messages[2].content", "role": "tool",
                    "signals": ["model:prompt_injection", "en.override_prior"]},
                   {"category": "hidden_instructions", "score": 0.3, "path": "messages[0].content", "role": "user",
                    "signals": ["hidden.zero_width"]}]}
                """));
        AuditRecord rec = client.audit().retrieve("audit-2");

        assertThat(rec.securityIncidents()).containsExactly("prompt_injection");
        assertThat(rec.securityEvidence())
                .containsExactly(
                        new SecurityEvidence(
                                "prompt_injection",
                                0.973,
                                "messages[2].content",
                                "tool",
                                List.of("model:prompt_injection", "en.override_prior")),
                        new SecurityEvidence(
                                "hidden_instructions",
                                0.3,
                                "messages[0].content",
                                "user",
                                List.of("hidden.zero_width")));
        assertThat(rec.additionalProperties()).doesNotContainKey("security_evidence");
    }

    @Test
    void anAuditRecordIsRetrievedByIdWithItsFieldsTyped() {
        server.enqueue(TestServer.Reply.json(200, """
                {"audit_id": "audit-1/x", "timestamp": "2025-01-01T02:03:04.500Z", "workspace": "rs-harapan",
                 "key_id": "key_7", "user": "dr-siti", "session_id": "ward-7", "metadata": {"dept": "paru"},
                 "model": "gpt-5.4-mini", "provider": "echo", "decision": "allowed", "block_reason": null,
                 "status_code": 200, "error_code": null, "pii_input": {"NIK": 1, "PHONE": 1}, "pii_output": {},
                 "security_incidents": [], "matched_rules": ["r-1"],
                 "usage": {"prompt_tokens": 30, "completion_tokens": 12, "total_tokens": 42},
                 "cost_idr": 31.2, "latency_ms": 812.4, "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
                 "idempotency_key": "k-1", "prev_hash": "ab", "hash": "cd", "retention_days": 365}
                """));
        AuditRecord rec = client.audit().retrieve("audit-1/x");

        assertThat(server.received().get(0).path()).isEqualTo("/v1/audit/audit-1%2Fx");
        assertThat(rec.auditId()).isEqualTo("audit-1/x");
        assertThat(rec.timestamp()).contains(Instant.parse("2025-01-01T02:03:04.500Z"));
        assertThat(rec.workspace()).contains("rs-harapan");
        assertThat(rec.keyId()).contains("key_7");
        assertThat(rec.user()).contains("dr-siti");
        assertThat(rec.sessionId()).contains("ward-7");
        assertThat(rec.metadata()).isEqualTo(Map.of("dept", "paru"));
        assertThat(rec.model()).contains("gpt-5.4-mini");
        assertThat(rec.provider()).contains("echo");
        assertThat(rec.decisionWord()).contains("allowed");
        assertThat(rec.decision()).contains(PolicyDecision.ALLOWED);
        assertThat(rec.blockReason()).isEmpty();
        assertThat(rec.statusCode()).hasValue(200);
        assertThat(rec.errorCode()).isEmpty();
        assertThat(rec.piiInput()).isEqualTo(Map.of("NIK", 1, "PHONE", 1));
        assertThat(rec.piiOutput()).isEmpty();
        assertThat(rec.securityIncidents()).isEmpty();
        assertThat(rec.matchedRules()).isEqualTo(List.of("r-1"));
        assertThat(rec.usage().orElseThrow().totalTokens()).isEqualTo(42);
        assertThat(rec.costIdr()).hasValue(31.2);
        assertThat(rec.latencyMs()).hasValue(812.4);
        assertThat(rec.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(rec.idempotencyKey()).contains("k-1");
        assertThat(rec.prevHash()).contains("ab");
        assertThat(rec.hash()).contains("cd");
        assertThat(rec.additionalProperties()).containsOnlyKeys("retention_days");
        assertThat(rec.rawJson().get("retention_days").asInt()).isEqualTo(365);
    }

    @Test
    void auditErrorsClassifyAsEverywhereElse() {
        server.enqueue(
                TestServer.Reply.json(404, "{\"error\":{\"message\":\"no such record\",\"code\":\"not_found\"}}"));
        assertThatThrownBy(() -> client.audit().retrieve("audit-missing"))
                .isExactlyInstanceOf(AtriumException.class)
                .hasMessage("no such record");
        server.enqueue(TestServer.Reply.json(403, "{\"error\":{\"message\":\"admin only\"}}"));
        assertThatThrownBy(() -> client.async().audit().retrieve("audit-x").join())
                .hasCauseExactlyInstanceOf(AuthException.class);
        assertThatThrownBy(() -> client.audit().retrieve(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamingIsRefusedBeforeAnythingIsSent() {
        ChatCompletionRequest streaming = request().toBuilder().stream(true).build();
        assertThatThrownBy(() -> client.chat().completions().create(streaming))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream");
        assertThat(server.received()).isEmpty();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
