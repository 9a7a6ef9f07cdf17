package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.FinishReason;
import io.monago.atrium.chat.Usage;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.protocol.PolicyDecision;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One name, one type: decision accessors, usage and finish reason read the same on every object that has them. */
class ConsistentAccessorsTest {

    private final TestServer server = TestServer.start();
    private final Atrium client = server.client().maxRetries(0).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void governanceAuditRecordAndExceptionsNameTheDecisionAlike() {
        server.enqueue(TestServer.Reply.completion(
                Map.of("X-Monago-Audit-Id", "audit-1", "X-Monago-Policy-Decision", "flagged")));
        server.enqueue(TestServer.Reply.json(200, """
                {"audit_id": "audit-1", "decision": "flagged", "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}}
                """));
        server.enqueue(TestServer.Reply.of(
                413,
                Map.of("Content-Type", "application/json", "X-Monago-Policy-Decision", "rejected"),
                "{\"error\":{\"message\":\"too large\",\"code\":\"request_too_large\"}}"));

        Governance g = client.chat().completions().create(request()).governance();
        AuditRecord rec = client.audit().retrieve("audit-1");
        AtriumException e = org.junit.jupiter.api.Assertions.assertThrows(
                AtriumException.class, () -> client.chat().completions().create(request()));

        assertThat(g.decision()).contains(PolicyDecision.FLAGGED);
        assertThat(rec.decision()).contains(PolicyDecision.FLAGGED);
        assertThat(g.decisionWord()).contains("flagged");
        assertThat(rec.decisionWord()).contains("flagged");
        assertThat(e.decision()).contains(PolicyDecision.REJECTED);
        assertThat(e.decisionWord()).contains("rejected");
        assertThat(e.governance().blocked()).isFalse();
    }

    @Test
    void usageIsOptionalOnTheCompletionAsOnTheAuditRecordAndTheChunk() {
        server.enqueue(TestServer.Reply.completion(Map.of()));
        server.enqueue(TestServer.Reply.json(200, """
                {"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "x"}, "finish_reason": "stop"}]}
                """));

        ChatCompletion withUsage = client.chat().completions().create(request());
        ChatCompletion without = client.chat().completions().create(request());

        assertThat(withUsage.usage().map(Usage::totalTokens)).contains(15L);
        assertThat(without.usage()).isEmpty();
    }

    @Test
    void aFinishReasonThisSdkDoesNotKnowStaysReadable() {
        server.enqueue(TestServer.Reply.json(200, """
                {"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "x"}, "finish_reason": "stop"},
                             {"index": 1, "message": {"role": "assistant", "content": "y"}, "finish_reason": "guardrail_pause"}]}
                """));

        ChatCompletion c = client.chat().completions().create(request());

        FinishReason known = c.choices().get(0).finishReason().orElseThrow();
        FinishReason unknown = c.choices().get(1).finishReason().orElseThrow();
        assertThat(known).isEqualTo(FinishReason.STOP);
        assertThat(known.known()).contains(FinishReason.Known.STOP);
        assertThat(unknown.value()).isEqualTo("guardrail_pause");
        assertThat(unknown.known()).isEmpty();
        assertThat(unknown).hasToString("guardrail_pause");
    }

    @Test
    void governanceToStringLeavesAbsentFieldsOutInsteadOfPrintingNull() {
        Governance partial = Governance.fromHeaders(Map.of(
                "X-Monago-Audit-Id",
                java.util.List.of("audit-1"),
                "X-Monago-Policy-Decision",
                java.util.List.of("allowed")));

        assertThat(partial.toString())
                .isEqualTo("Governance{auditId=audit-1, piiDetected=false, decision=allowed}")
                .doesNotContain("null");
        assertThat(Governance.empty()).hasToString("Governance{piiDetected=false}");
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
