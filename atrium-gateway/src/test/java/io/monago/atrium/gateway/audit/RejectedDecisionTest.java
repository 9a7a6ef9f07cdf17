package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.PolicyDecision;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision the real gateway records: {@code rejected} for every error answer that is not a
 * policy block, whatever status it has, sent as an empty decision header (the protocol's header
 * has three words: no policy decision was made); {@code blocked} for a block; {@code allowed} for
 * an answer. Audit search finds the refused calls by that word.
 */
class RejectedDecisionTest {

    private static final String ADMIN = "Bearer " + RunningGateway.ADMIN_KEY;
    private static final String CLEAN = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}";

    @TempDir
    static Path dataDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        gateway = RunningGateway.behind(upstream, dataDir, "server:\n  max_body_bytes: 2048\n", "retries: 0");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void aCallWithoutAKeyIsRejectedNotAllowed() {
        RunningGateway.Reply r = gateway.post("/chat/completions", CLEAN, Map.of());

        assertThat(r.status()).isEqualTo(401);
        assertRecorded(r, "rejected", "invalid_api_key");
    }

    @Test
    void aBodyOverTheLimitIsRejected() {
        String big = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(4096) + "\"}]}";
        RunningGateway.Reply r = gateway.post("/chat/completions", big, Map.of("Authorization", ADMIN));

        assertThat(r.status()).isEqualTo(413);
        assertRecorded(r, "rejected", "request_too_large");
    }

    @Test
    void anInvalidBodyIsRejectedAndStaysAPlainBadRequestForClients() {
        String unknownField =
                "{\"model\":\"echo\",\"frobnicate\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        RunningGateway.Reply r = gateway.post("/chat/completions", unknownField, Map.of("Authorization", ADMIN));

        assertThat(r.status()).isEqualTo(400);
        assertRecorded(r, "rejected", "invalid_request_error");
        assertThat(r.header(ProtocolHeaders.BLOCK_REASON)).isEmpty();
    }

    @Test
    void aProviderFailureIsRejectedThoughPolicyAllowedTheCall() {
        upstream.mode(FakeOpenAiUpstream.Mode.FAIL_500);
        try {
            RunningGateway.Reply r = gateway.chat(CLEAN);

            assertThat(r.status()).isEqualTo(502);
            assertRecorded(r, "rejected", "upstream_error");
        } finally {
            upstream.mode(FakeOpenAiUpstream.Mode.ANSWER);
        }
    }

    @Test
    void aPolicyBlockIsStillBlockedAndAnAnswerStillAllowed() {
        RunningGateway.Reply blocked =
                gateway.chat("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"SSN 123-45-6789\"}]}");
        assertThat(blocked.status()).isEqualTo(400);
        assertRecorded(blocked, "blocked", "pii_blocked");

        RunningGateway.Reply answered = gateway.chat(CLEAN);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
    }

    @Test
    void theSdkReadsTheWordAndAuditSearchFindsRefusedCallsByIt() {
        AtomicReference<String> refusedId = new AtomicReference<>();
        try (Atrium client = Atrium.builder()
                .apiKey("sk-mng-not-a-key")
                .baseUrl(gateway.baseUrl())
                .environment(name -> null)
                .maxRetries(0)
                .build()) {
            ChatCompletionRequest request = ChatCompletionRequest.builder()
                    .model("echo")
                    .addUserMessage("halo")
                    .build();
            assertThatThrownBy(() -> client.chat().completions().create(request))
                    .isInstanceOfSatisfying(AtriumException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.decision()).isEmpty();
                        assertThat(e.governance().blocked()).isFalse();
                        refusedId.set(e.governance().auditId().orElseThrow());
                    });
        }
        try (Atrium admin = Atrium.builder()
                .apiKey(RunningGateway.ADMIN_KEY)
                .baseUrl(gateway.baseUrl())
                .environment(name -> null)
                .build()) {
            assertThat(admin.audit().retrieve(refusedId.get()).decision()).contains(PolicyDecision.REJECTED);
        }
        RunningGateway.Reply page =
                gateway.get("/audit?decision=rejected&limit=500", Optional.of(RunningGateway.ADMIN_KEY));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("data"))
                .isNotEmpty()
                .allSatisfy(rec -> assertThat(rec.path("decision").asText()).isEqualTo("rejected"));
    }

    private static void assertRecorded(RunningGateway.Reply r, String decision, String errorCode) {
        assertThat(r.json().at("/error/code").asText()).isEqualTo(errorCode);
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION))
                .as("the header carries the protocol's words only")
                .isEqualTo(decision.equals("rejected") ? "" : decision);
        String auditId = r.header(ProtocolHeaders.AUDIT_ID);
        RunningGateway.Reply rec = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(rec.status()).as(rec.body()).isEqualTo(200);
        assertThat(rec.json().path("decision").asText()).isEqualTo(decision);
        assertThat(rec.json().path("error_code").asText()).isEqualTo(errorCode);
    }
}
