package io.monago.atrium.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RawConnection;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection cannot be held without making a request: a head must arrive whole within
 * {@code server.request_head_timeout_ms} (however slowly its bytes drip in), a body within
 * {@code server.request_body_timeout_ms}, and no more than {@code server.max_connections} are open.
 * A call waiting on a slow provider is not cut. Limits here are 1 s; each test waits for what it
 * expects with a generous bound.
 */
class ConnectionLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String AUTH = "Authorization: Bearer " + RunningGateway.ADMIN_KEY + "\r\n";
    private static final String BODY = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dataDir;

    private static RunningGateway gateway(Path dataDir, String server) {
        return RunningGateway.start(new ConfigLoader(k -> null).parse("test.yaml", "server:\n" + server), dataDir);
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() {
        try (RunningGateway gateway = gateway(dataDir, "  request_head_timeout_ms: 1000\n");
                RawConnection conn = RawConnection.open(gateway.gateway().port())) {
            assertThat(conn.closedWithin(BOUND)).isTrue();
        }
    }

    @Test
    void aHeadDrippedInSlowlyDoesNotHoldTheConnection() {
        try (RunningGateway gateway = gateway(dataDir, "  request_head_timeout_ms: 1000\n");
                RawConnection conn = RawConnection.open(gateway.gateway().port())) {
            String neverEnding = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Drip: " + "d".repeat(4000);

            // One byte every 200 ms: each restarts an idle timeout, none restarts the head timeout.
            assertThat(conn.dripUntilClosed(neverEnding, Duration.ofMillis(200), BOUND))
                    .isTrue();
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedWhenNoNextRequestComes() {
        try (RunningGateway gateway = gateway(dataDir, "  request_head_timeout_ms: 1000\n  idle_timeout_ms: 1500\n");
                RawConnection conn = RawConnection.open(gateway.gateway().port())) {
            RawConnection.Response first =
                    conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawConnection.Response second =
                    conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(conn.closedWithin(BOUND)).isTrue();
        }
    }

    /**
     * A client that keeps a pooled connection idle for longer than the head timeout finds it open:
     * closing it first would race the client's next request on it.
     */
    @Test
    void aKeptAliveConnectionIdleLongerThanTheHeadTimeoutStillServesTheNextRequest() throws Exception {
        try (RunningGateway gateway = gateway(dataDir, "  request_head_timeout_ms: 500\n  idle_timeout_ms: 30000\n");
                RawConnection conn = RawConnection.open(gateway.gateway().port())) {
            assertThat(conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read()
                            .status())
                    .isEqualTo(200);
            Thread.sleep(1_600); // three head timeouts
            assertThat(conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read()
                            .status())
                    .isEqualTo(200);
        }
    }

    /** The idle clock stops at the next request's first byte, and its head has the head timeout. */
    @Test
    void aNextHeadDrippedInSlowlyAfterAnIdleWaitIsClosedOnTheHeadTimeout() throws Exception {
        try (RunningGateway gateway = gateway(dataDir, "  request_head_timeout_ms: 1000\n  idle_timeout_ms: 60000\n");
                RawConnection conn = RawConnection.open(gateway.gateway().port())) {
            assertThat(conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read()
                            .status())
                    .isEqualTo(200);
            Thread.sleep(1_500); // idle past the head timeout: the idle clock, not the head clock, runs
            String neverEnding = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Drip: " + "d".repeat(4000);

            assertThat(conn.dripUntilClosed(neverEnding, Duration.ofMillis(200), BOUND))
                    .isTrue();
        }
    }

    @Test
    void aCallWaitingOnASlowProviderIsNotCut() throws Exception {
        try (FakeOpenAiUpstream upstream = new FakeOpenAiUpstream()) {
            upstream.mode(FakeOpenAiUpstream.Mode.HANG);
            // The provider never answers; the gateway gives up on it after its 3 s timeout, three
            // times the head timeout, and must still be able to say so on the caller's connection.
            try (RunningGateway gateway =
                            RunningGateway.behind(upstream, dataDir, "server:\n  request_head_timeout_ms: 1000\n");
                    RawConnection conn = RawConnection.open(gateway.gateway().port())) {
                RawConnection.Response r = conn.send(chat(BODY)).read();

                assertThat(r.status()).as(r.body()).isEqualTo(504);
                assertThat(r.json().at("/error/code").asText()).isEqualTo("upstream_timeout");
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408AuditedAndTheConnectionCloses() {
        try (RunningGateway gateway = gateway(dataDir, "  request_body_timeout_ms: 1000\n");
                RawConnection conn = RawConnection.open(gateway.gateway().port())) {
            RawConnection.Response r = conn.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + AUTH
                            + "Content-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n\r\n"
                            + BODY.substring(0, 10))
                    .read();

            assertThat(r.status()).as(r.body()).isEqualTo(408);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("request_timeout");
            assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(r.json().at("/error/message").asText()).contains("1000 ms");
            assertThat(r.header("Connection")).isEqualTo("close");
            String auditId = r.header(ProtocolHeaders.AUDIT_ID);
            assertThat(auditId).startsWith("audit-");
            assertThat(conn.closedWithin(BOUND)).isTrue();
            var record = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY));
            assertThat(record.json().path("status_code").asInt()).isEqualTo(408);
        }
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnce() {
        int limit = 3;
        try (RunningGateway gateway = gateway(dataDir, "  max_connections: " + limit + "\n")) {
            int port = gateway.gateway().port();
            List<RawConnection> open = new ArrayList<>();
            try {
                for (int i = 0; i < limit; i++) {
                    RawConnection conn = RawConnection.open(port);
                    open.add(conn);
                    // Answered, so counted: the gateway has seen this connection.
                    assertThat(conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                                    .read()
                                    .status())
                            .isEqualTo(200);
                }
                try (RawConnection over = RawConnection.open(port)) {
                    assertThat(over.closedWithin(BOUND)).isTrue();
                }
                // The kept connections still work.
                for (RawConnection conn : open) {
                    assertThat(conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                                    .read()
                                    .status())
                            .isEqualTo(200);
                }

                open.remove(0).close();

                // Once the gateway has seen the close, there is room again.
                assertThat(servedWithin(port, BOUND)).isTrue();
            } finally {
                open.forEach(RawConnection::close);
            }
        }
    }

    /** Whether a new connection gets an answer within the bound, trying again while it is refused. */
    private static boolean servedWithin(int port, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try (RawConnection conn = RawConnection.open(port)) {
                if (conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").read().status() == 200) {
                    return true;
                }
            } catch (AssertionError | UncheckedIOException e) {
                // Closed at once: the gateway has not counted the earlier close yet.
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String chat(String body) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
