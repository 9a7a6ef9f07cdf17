package io.monago.atrium;

import static io.monago.atrium.RawHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.errors.PolicyBlockedException;
import io.monago.atrium.protocol.PolicyDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client reads what the protocol leaves no room to read otherwise: repeated header lines
 * (RFC 9110 §5.3), the decision words (exact, docs/protocol.md §3), and an error body's code and
 * type (from its {@code error} object when it has one, §4). Each answer is the exact bytes a server
 * sends.
 */
class ProtocolReadingTest {

    private RawHttpServer server;
    private Atrium client;

    @BeforeEach
    void start() {
        server = RawHttpServer.start();
        client = server.client().maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void repeatedHeaderLinesAreJoinedNotReducedToTheFirst() {
        server.enqueue(answer(
                200,
                TestServer.COMPLETION,
                "Content-Type: application/json",
                "X-Monago-Pii-Redacted: NIK",
                "X-Monago-Pii-Redacted: PHONE",
                "X-Monago-Security-Incident: prompt_injection",
                "x-monago-security-incident: jailbreak_attempt, ",
                "X-Monago-Pii-Detected: true"));

        RawResponse<?> raw = client.chat().completions().withRawResponse().create(request());

        assertThat(raw.governance().piiRedacted()).containsExactly("NIK", "PHONE");
        assertThat(raw.governance().securityIncidents()).containsExactly("prompt_injection", "jailbreak_attempt");
        assertThat(raw.header("x-monago-pii-redacted")).contains("NIK, PHONE");
    }

    @Test
    void repeatedLinesOnAnErrorAnswerAreJoinedToo() {
        server.enqueue(answer(
                400,
                "{\"error\":{\"message\":\"PII blocked\",\"code\":\"pii_blocked\"}}",
                "Content-Type: application/json",
                "X-Monago-Policy-Decision: blocked",
                "X-Monago-Pii-Redacted: NIK",
                "X-Monago-Pii-Redacted: PHONE"));

        PiiBlockedException e = catchThrowableOfType(
                PiiBlockedException.class, () -> client.chat().completions().create(request()));

        assertThat(e.governance().piiRedacted()).containsExactly("NIK", "PHONE");
    }

    @Test
    void aHeaderMapWithRepeatedValuesOrSpellingsIsJoinedInOrder() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-Monago-Pii-Redacted", List.of("NIK", "PHONE"));
        assertThat(Governance.fromHeaders(headers).piiRedacted()).containsExactly("NIK", "PHONE");

        Map<String, List<String>> spellings = new java.util.LinkedHashMap<>();
        spellings.put("X-Monago-Pii-Redacted", List.of("NIK"));
        spellings.put("x-monago-pii-redacted", List.of("EMAIL"));
        assertThat(Governance.fromHeaders(spellings).piiRedacted()).containsExactly("NIK", "EMAIL");
    }

    @Test
    void theDecisionIsComparedExactlyBlockedIsNotBlocked() {
        server.enqueue(answer(
                200, TestServer.COMPLETION, "Content-Type: application/json", "X-Monago-Policy-Decision: Blocked"));

        Governance g = client.chat().completions().create(request()).governance();

        assertThat(g.decisionWord()).contains("Blocked");
        assertThat(g.decision()).isEmpty();
        assertThat(g.blocked()).isFalse();
        assertThat(PolicyDecision.fromWire("BLOCKED")).isEmpty();
        assertThat(PolicyDecision.fromWire("blocked")).contains(PolicyDecision.BLOCKED);
    }

    @Test
    void aBlockIsRecognisedByTheExactWordOnly() {
        String body = "{\"error\":{\"message\":\"no\",\"code\":\"custom_rule\"}}";
        server.enqueue(answer(400, body, "Content-Type: application/json", "X-Monago-Policy-Decision: Blocked"));
        server.enqueue(answer(400, body, "Content-Type: application/json", "X-Monago-Policy-Decision: blocked"));

        AtriumException notABlock = catchThrowableOfType(
                AtriumException.class, () -> client.chat().completions().create(request()));
        AtriumException aBlock = catchThrowableOfType(
                AtriumException.class, () -> client.chat().completions().create(request()));

        assertThat(notABlock).isExactlyInstanceOf(AtriumException.class);
        assertThat(notABlock.governance().blocked()).isFalse();
        assertThat(aBlock).isExactlyInstanceOf(PolicyBlockedException.class);
    }

    @Test
    void withAnErrorObjectCodeAndTypeComeOnlyFromIt() {
        server.enqueue(answer(
                400,
                "{\"error\":{\"message\":\"unknown field: foo\"},\"code\":\"pii_blocked\",\"type\":\"policy_violation\"}",
                "Content-Type: application/json"));

        AtriumException e = catchThrowableOfType(
                AtriumException.class, () -> client.chat().completions().create(request()));

        assertThat(e).isExactlyInstanceOf(AtriumException.class);
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.errorType()).isEmpty();
        assertThat(e).hasMessage("unknown field: foo");
    }

    @Test
    void theErrorObjectsOwnCodeWinsAndTheTopLevelFillsNothingIn() {
        server.enqueue(answer(
                400,
                "{\"error\":{\"message\":\"bad\",\"code\":\"invalid_request_error\"},\"type\":\"pii_violation\"}",
                "Content-Type: application/json"));

        AtriumException e = catchThrowableOfType(
                AtriumException.class, () -> client.chat().completions().create(request()));

        assertThat(e).isExactlyInstanceOf(AtriumException.class);
        assertThat(e.errorCode()).contains("invalid_request_error");
        assertThat(e.errorType()).isEmpty();
    }

    @Test
    void withoutAnErrorObjectTheTopLevelIsRead() {
        server.enqueue(answer(
                400,
                "{\"error\":\"a string, not an object\",\"code\":\"pii_blocked\"}",
                "Content-Type: application/json"));

        AtriumException e = catchThrowableOfType(
                AtriumException.class, () -> client.chat().completions().create(request()));

        assertThat(e).isExactlyInstanceOf(PiiBlockedException.class);
        assertThat(e.errorCode()).contains("pii_blocked");
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
