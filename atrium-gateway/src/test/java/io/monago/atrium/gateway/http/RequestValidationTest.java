package io.monago.atrium.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.RequestLimits;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed request gets a clear 400 or 413 in the protocol's shape, and is audited. */
class RequestValidationTest {

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", "server:\n  max_body_bytes: 2048\n"), dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field            | {"model":"m","messages":[{"role":"user","content":"hi"}],"frobnicate":1,"alpha":2} | unknown fields: alpha, frobnicate
            not JSON                 | {"model": "m", "messages": [                                         | not valid JSON
            not an object            | [1,2]                                                                | must be a JSON object
            missing model            | {"messages":[{"role":"user","content":"hi"}]}                        | missing required field: model
            missing messages         | {"model":"m"}                                                        | missing required field: messages
            empty messages           | {"model":"m","messages":[]}                                          | messages must not be empty
            model not a string       | {"model":5,"messages":[{"role":"user","content":"hi"}]}              | field model must be a string, got number
            temperature as text      | {"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":"hot"} | field temperature must be a number
            bad role                 | {"model":"m","messages":[{"role":"boss","content":"hi"}]}            | messages[0].role must be one of
            content a number         | {"model":"m","messages":[{"role":"user","content":5}]}               | messages[0].content must be a string or an array
            part without type        | {"model":"m","messages":[{"role":"user","content":[{"text":"x"}]}]}  | messages[0].content[0] must be an object with a type
            user too long            | {"model":"m","messages":[{"role":"user","content":"hi"}],"user":"%s"} | field user is longer than 256
            metadata not strings     | {"model":"m","messages":[{"role":"user","content":"hi"}],"metadata":{"a":1}} | field metadata.a must be a string
            """)
    void badRequestIsNamedAndAudited(String name, String body, String message) {
        RunningGateway.Reply r = gateway.chat(body.replace("%s", "u".repeat(300)));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_request_error");
        assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(r.json().at("/error/message").asText()).contains(message);
        assertAudited(r, 400);
    }

    @Test
    void bodyOverTheLimitIs413AndAudited() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(4000) + "\"}]}";
        RunningGateway.Reply r = gateway.chat(body);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("request_too_large");
        assertThat(r.json().at("/error/message").asText()).contains("2048 bytes");
        assertAudited(r, 413);
    }

    @Test
    void metadataFromHeadersIsRecordedAndBodyWins() {
        RunningGateway.Reply r = gateway.post(
                "/chat/completions",
                "{\"model\":\"m\",\"user\":\"dr-body\",\"metadata\":{\"ward\":\"icu\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of(
                        "Authorization",
                        "Bearer " + RunningGateway.ADMIN_KEY,
                        ProtocolHeaders.USER_ID,
                        "dr-header",
                        ProtocolHeaders.SESSION_ID,
                        "sess-9",
                        ProtocolHeaders.METADATA,
                        "{\"ward\":\"er\",\"shift\":\"night\"}",
                        "traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                        "Idempotency-Key",
                        "idem-123"));
        assertThat(r.status()).isEqualTo(200);
        var record = gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY))
                .json();
        assertThat(record.path("user").asText()).isEqualTo("dr-body");
        assertThat(record.path("session_id").asText()).isEqualTo("sess-9");
        assertThat(record.path("metadata").path("ward").asText()).isEqualTo("icu");
        assertThat(record.path("metadata").path("shift").asText()).isEqualTo("night");
        assertThat(record.path("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(record.path("idempotency_key").asText()).isEqualTo(Calls.storedIdempotencyKey("idem-123"));
    }

    @Test
    void anIdempotencyKeyOverTheLimitIsNamed() {
        RunningGateway.Reply r = gateway.post(
                "/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of(
                        "Authorization",
                        "Bearer " + RunningGateway.ADMIN_KEY,
                        "Idempotency-Key",
                        "k".repeat(RequestLimits.IDEMPOTENCY_KEY_MAX_CHARS + 1)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("Idempotency-Key is longer than 255");
        assertAudited(r, 400);
    }

    @Test
    void unknownEndpointAndMethodAnswerInTheProtocolShape() {
        RunningGateway.Reply r = gateway.get("/nothing-here", Optional.empty());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("not_found");
    }

    private static void assertAudited(RunningGateway.Reply r, int status) {
        String auditId = r.header(ProtocolHeaders.AUDIT_ID);
        assertThat(auditId).startsWith("audit-");
        // Refused before policy ran: neither allowed nor blocked.
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEmpty();
        assertThat(r.header(ProtocolHeaders.COST_IDR)).isEqualTo("0");
        var record = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().path("status_code").asInt()).isEqualTo(status);
        assertThat(record.json().path("decision").asText()).isEqualTo("rejected");
    }
}
