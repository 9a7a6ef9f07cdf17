package io.monago.atrium.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RawConnection;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Whatever arrives on the wire, the answer is the protocol's JSON error: requests the HTTP decoder
 * refuses, paths the router cannot read, methods a path does not serve. Each case is a request no
 * well-behaved client sends, written byte for byte on a raw socket to the real gateway.
 */
class HttpErrorsTest {

    private static final Duration CLOSE_BOUND = Duration.ofSeconds(10);
    private static final String AUTH = "Authorization: Bearer " + RunningGateway.ADMIN_KEY + "\r\n";
    private static final String BODY = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final int MAX_BODY_BYTES = 2048;

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", "server:\n  max_body_bytes: " + MAX_BODY_BYTES + "\n"),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A request the HTTP decoder refuses, the answer it must get, and a word its message has. */
    record Undecodable(String name, String request, int status, String code, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Undecodable> undecodable() {
        return List.of(
                new Undecodable(
                        "a control byte in a header",
                        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\n\r\n",
                        400,
                        "invalid_request_error",
                        "not well-formed"),
                new Undecodable(
                        "headers over 8 KiB",
                        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n",
                        431,
                        "request_headers_too_large",
                        "8192 bytes"),
                new Undecodable(
                        "a path over 4 KiB",
                        "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                        414,
                        "uri_too_long",
                        "4096 bytes"),
                new Undecodable(
                        "HTTP/1.2",
                        "GET /healthz HTTP/1.2\r\nHost: x\r\n\r\n",
                        400,
                        "invalid_request_error",
                        "HTTP/1.2 is not supported"),
                new Undecodable(
                        "HTTP/2.0 in a request line",
                        "GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n",
                        400,
                        "invalid_request_error",
                        "HTTP/2.0"),
                new Undecodable("not a request line", "HELLO\r\n\r\n", 400, "invalid_request_error", "not well-formed"),
                new Undecodable(
                        "a Content-Length that is no number",
                        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n",
                        400,
                        "invalid_request_error",
                        "not well-formed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodable")
    void aRequestTheDecoderRefusesGetsTheProtocolsErrorAndTheConnectionCloses(Undecodable c) {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r = conn.send(c.request()).read();

            assertThat(r.status()).as(r.body()).isEqualTo(c.status());
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.json().at("/error/code").asText()).isEqualTo(c.code());
            assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(r.json().at("/error/message").asText()).contains(c.says());
            assertThat(r.json().at("/error/param").isNull()).isTrue();
            assertThat(conn.closedWithin(CLOSE_BOUND)).isTrue();
        }
    }

    @Test
    void anUnsupportedVersionIsAnsweredInHttp11() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r =
                    conn.send("GET /healthz HTTP/1.2\r\nHost: x\r\n\r\n").read();

            assertThat(r.version()).isEqualTo("HTTP/1.1");
            assertThat(r.status()).isEqualTo(400);
        }
    }

    @Test
    void aStrayPercentInThePathIs400() {
        for (String path : List.of("/v1/%", "/heal%zz", "/v1/chat/completions%")) {
            try (RawConnection conn = RawConnection.open(port())) {
                RawConnection.Response r = conn.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .read();

                assertThat(r.status()).as(path).isEqualTo(400);
                assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_request_error");
                assertThat(r.json().at("/error/message").asText()).contains("percent-encoded");
            }
        }
    }

    @Test
    void aRequestWithoutHostIs400() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r =
                    conn.send("GET /healthz HTTP/1.1\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_request_error");
            assertThat(r.json().at("/error/message").asText()).contains("Host");
        }
    }

    @Test
    void anUnknownPathIs404() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r =
                    conn.send("DELETE /v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("not_found");
            assertThat(r.json().at("/error/message").asText()).contains("DELETE /v1/nothing");
        }
    }

    @Test
    void aMethodAPathDoesNotServeIs405WithAllow() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response chat = conn.send("GET /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n")
                    .read();
            RawConnection.Response health =
                    conn.send("DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawConnection.Response audit = conn.send(
                            "POST /v1/audit/audit-1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                    .read();
            RawConnection.Response headOnChat = conn.send("HEAD /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n")
                    .readHead();

            assertThat(chat.status()).isEqualTo(405);
            assertThat(chat.header("Allow")).isEqualTo("POST");
            assertThat(chat.json().at("/error/code").asText()).isEqualTo("method_not_allowed");
            assertThat(chat.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(health.status()).isEqualTo(405);
            assertThat(health.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(audit.status()).isEqualTo(405);
            assertThat(audit.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(headOnChat.status()).isEqualTo(405);
            assertThat(headOnChat.header("Allow")).isEqualTo("POST");
        }
    }

    @Test
    void headIsServedWhereGetIsWithoutABody() {
        try (RawConnection conn = RawConnection.open(port())) {
            for (String path : List.of("/healthz", "/readyz", "/v1/models")) {
                RawConnection.Response get = conn.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n")
                        .read();
                RawConnection.Response head = conn.send("HEAD " + path + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n")
                        .readHead();

                assertThat(head.status()).as(path).isEqualTo(200);
                assertThat(head.header("Content-Type")).isEqualTo("application/json");
                assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
                assertThat(head.body()).isEmpty();
            }
            RawConnection.Response missing =
                    conn.send("HEAD /nothing HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            // A body sent after a HEAD answer would be read here as the next answer's status line.
            RawConnection.Response after =
                    conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(missing.status()).isEqualTo(404);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().path("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void expectContinueWithinTheLimitGets100ThenTheAnswer() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response interim = conn.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + AUTH
                            + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                            + BODY.length() + "\r\n\r\n")
                    .read();
            assertThat(interim.status()).isEqualTo(100);

            RawConnection.Response r = conn.send(BODY).read();

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("hi");
            assertThat(r.header(ProtocolHeaders.AUDIT_ID)).startsWith("audit-");
        }
    }

    @Test
    void expectContinueOverTheLimitGets413WithoutContinuingAndIsAudited() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r = conn.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + AUTH
                            + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                            + (MAX_BODY_BYTES + 1) + "\r\n\r\n")
                    .read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("request_too_large");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertAudited(r, 413);
            assertThat(conn.closedWithin(CLOSE_BOUND)).isTrue();
        }
    }

    @Test
    void aChunkedBodyIsReadWhole() {
        String half = BODY.substring(0, 20);
        String rest = BODY.substring(20);
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r = conn.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + AUTH
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
                            + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n")
                    .read();

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("hi");
        }
    }

    @Test
    void aMalformedChunkSizeIs400AuditedAndTheConnectionCloses() {
        try (RawConnection conn = RawConnection.open(port())) {
            RawConnection.Response r = conn.send(malformedChunk()).read();

            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_request_error");
            assertThat(r.json().at("/error/message").asText()).contains("chunked");
            assertAudited(r, 400);
            assertThat(conn.closedWithin(CLOSE_BOUND)).isTrue();
        }
    }

    @Test
    void badInputLeavesNoStackTraceInTheLog() {
        List<String> requests = new java.util.ArrayList<>();
        undecodable().forEach(c -> requests.add(c.request()));
        requests.add("GET /v1/% HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.add("GET /heal%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.add("GET /healthz HTTP/1.1\r\n\r\n");
        requests.add("PATCH /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.add(malformedChunk());
        // A broken chunked body on a path that reads no body: answered first, then cut off.
        requests.add("POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\nxyz\r\n");

        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int checked;
        try {
            // The capture sees the gateway's logger: a stack trace logged now would be caught.
            LoggerFactory.getLogger(HttpErrorsTest.class).warn("capture check", new IllegalStateException("check"));
            checked = captured.size();
            for (String request : requests) {
                try (RawConnection conn = RawConnection.open(port())) {
                    assertThat(conn.send(request).read().status()).isBetween(400, 499);
                }
            }
            // Whatever the gateway logs about these calls, it logs before it closes or answers the
            // next; one more answered call makes sure the event loops got past them.
            assertThat(gateway.get("/models", Optional.of(RunningGateway.ADMIN_KEY))
                            .status())
                    .isEqualTo(200);
        } finally {
            System.setErr(original);
        }
        byte[] log = captured.toByteArray();
        String check = new String(log, 0, checked, StandardCharsets.UTF_8);
        String during = new String(log, checked, log.length - checked, StandardCharsets.UTF_8);
        assertThat(check).contains("capture check").contains("\tat ");
        assertThat(during).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static String malformedChunk() {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"mod\r\nzz-not-hex\r\n";
    }

    private static int port() {
        return gateway.gateway().port();
    }

    private static void assertAudited(RawConnection.Response r, int status) {
        String auditId = r.header(ProtocolHeaders.AUDIT_ID);
        assertThat(auditId).startsWith("audit-");
        for (String header : ProtocolHeaders.GOVERNANCE) {
            assertThat(r.header(header)).as(header).isNotNull();
        }
        var record = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().path("status_code").asInt()).isEqualTo(status);
    }
}
