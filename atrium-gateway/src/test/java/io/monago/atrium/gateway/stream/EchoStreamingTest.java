package io.monago.atrium.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stream: true} on the offline echo provider, through the real gateway. */
class EchoStreamingTest {

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.defaults(dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theAnswerStreamsRedactedWithGovernanceUpFrontAndAtTheEnd() {
        RunningGateway.Reply r =
                gateway.chat("{\"model\":\"gpt-5.4-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"Pasien NIK 3201234567890123, HP 081234567890, batuk dua minggu.\"}]}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        String auditId = r.header(ProtocolHeaders.AUDIT_ID);
        assertThat(auditId).startsWith("audit-");
        assertThat(r.header(ProtocolHeaders.PII_REDACTED)).contains("NIK");
        assertThat(r.header(ProtocolHeaders.COST_IDR))
                .as("known only at the end")
                .isNull();
        assertThat(r.header(ProtocolHeaders.LATENCY_MS))
                .as("known only at the end")
                .isNull();

        List<String> data = Calls.sseData(r.body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks =
                data.subList(0, data.size() - 1).stream().map(Calls::json).toList();
        StringBuilder text = new StringBuilder();
        for (JsonNode c : chunks) {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            for (JsonNode choice : c.path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
            }
        }
        assertThat(text.toString()).isEqualTo("Pasien NIK [NIK_1], HP [PHONE_1], batuk dua minggu.");
        assertThat(chunks.size()).as("streamed in pieces, not in one").isGreaterThan(4);
        assertThat(r.body()).doesNotContain("3201234567890123").doesNotContain("081234567890");

        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").isEmpty()).isTrue();
        assertThat(last.path("usage").path("total_tokens").asLong()).isPositive();
        JsonNode governance = last.path("governance");
        assertThat(governance.path("audit_id").asText()).isEqualTo(auditId);
        assertThat(governance.path("policy_decision").asText()).isEqualTo("allowed");
        assertThat(governance.path("provider").asText()).isEqualTo("echo");
        assertThat(governance.path("pii_redacted").toString()).contains("NIK", "PHONE");

        JsonNode record = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY))
                .json();
        assertThat(record.path("stream").path("completed").asBoolean()).isTrue();
        assertThat(record.path("stream").path("chunks_delivered").asLong()).isEqualTo(chunks.size() - 1);
        assertThat(record.path("usage").path("total_tokens").asLong())
                .isEqualTo(last.path("usage").path("total_tokens").asLong());
    }

    @Test
    void aBlockedStreamingCallIsAnErrorLikeAnyOther() {
        RunningGateway.Reply r = gateway.post(
                "/chat/completions",
                "{\"model\":\"gpt-5.4-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"my SSN is 123-45-6789\"}]}",
                Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("pii_blocked");
    }
}
