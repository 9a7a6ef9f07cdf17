package io.monago.atrium.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.PrometheusText;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code conformance/gateway_default_policy.json} against the real gateway on the
 * default policy, through raw HTTP. Each case runs twice: with the offline echo provider (as the
 * file describes), and with an OpenAI-compatible upstream that records what it received, so that
 * "never reaches the upstream" is checked on the bytes that actually left the gateway. Once every
 * case has run, every column of every stored row of both gateways' audit stores is read and holds
 * none of the cases' PII values and no API key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayConformanceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CASES = Path.of("../conformance/gateway_default_policy.json");

    @TempDir
    static Path echoDir;

    @TempDir
    static Path upstreamDir;

    static RunningGateway echo;
    static RunningGateway proxied;
    static FakeOpenAiUpstream upstream;

    @BeforeAll
    static void start() throws IOException {
        echo = RunningGateway.defaults(echoDir);
        upstream = new FakeOpenAiUpstream();
        proxied = RunningGateway.behind(upstream, upstreamDir, "");
    }

    @AfterAll
    static void stop() {
        echo.close();
        proxied.close();
        upstream.close();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(CASES.toFile()).path("cases")) {
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void withTheEchoProvider(String name, JsonNode c) {
        RunningGateway.Reply r = send(echo, c);
        assertExpectations(c, r, true);
        assertNothingLeaks(c, r, echo);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void withAnUpstreamThatRecordsWhatLeftTheGateway(String name, JsonNode c) {
        upstream.received().clear();
        RunningGateway.Reply r = send(proxied, c);
        assertExpectations(c, r, false);
        assertNothingLeaks(c, r, proxied);
        for (FakeOpenAiUpstream.Received got : upstream.received()) {
            for (JsonNode secret : c.path("must_not_leak")) {
                assertThat(got.body().toString()).as("upstream body").doesNotContain(secret.asText());
            }
        }
        if (c.path("expect").path("status").asInt() == 200) {
            assertThat(upstream.received()).hasSize(1);
        } else {
            assertThat(upstream.received())
                    .as("nothing is forwarded on an error")
                    .isEmpty();
        }
    }

    @Test
    @Order(3)
    void noStoredColumnHoldsACasesPiiValueOrAKey() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(RunningGateway.ADMIN_KEY));
        for (JsonNode c : JSON.readTree(CASES.toFile()).path("cases")) {
            c.path("must_not_leak").forEach(v -> secrets.add(v.asText()));
        }
        assertThat(secrets).as("values the cases say must not leak").hasSizeGreaterThan(3);
        for (Path dir : List.of(echoDir, upstreamDir)) {
            List<String> stored = storedValues(RunningGateway.auditDatabase(dir));
            assertThat(stored).as("stored values in " + dir).hasSizeGreaterThan(50);
            for (String secret : secrets) {
                assertThat(stored).as("stored values").noneMatch(v -> v.contains(secret));
            }
        }
    }

    /**
     * After the cases, {@code /metrics} of the proxied gateway counts what was sent: calls by status
     * and decision, blocks by code, the fake upstream's tokens, one provider try and one audit write
     * per call; and holds no value a case says must not leak, and no key.
     */
    @Test
    @Order(4)
    void metricsCountWhatTheCasesSent() throws IOException {
        assertThat(proxied.getFromRoot("/metrics", Optional.empty()).status()).isEqualTo(401);
        RunningGateway.Reply scraped = proxied.getFromRoot("/metrics", Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.header("Content-Type")).startsWith("text/plain");
        PrometheusText m = PrometheusText.parse(scraped.body());

        JsonNode cases = JSON.readTree(CASES.toFile()).path("cases");
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        Map<String, Integer> blocksByCode = new java.util.TreeMap<>();
        for (JsonNode c : cases) {
            byStatus.merge(c.path("expect").path("status").asInt(), 1, Integer::sum);
            if (c.path("expect").path("policy_decision").asText().equals("blocked")) {
                blocksByCode.merge(c.path("expect").path("code").asText(), 1, Integer::sum);
            }
        }
        int answered = byStatus.getOrDefault(200, 0);
        assertThat(answered).isPositive();
        byStatus.forEach((status, n) -> assertThat(m.sum("atrium_requests_total", "status", status.toString()))
                .as("calls answered %d", status)
                .isEqualTo(n.doubleValue()));
        blocksByCode.forEach((code, n) -> assertThat(m.sum("atrium_blocks_total", "reason", code))
                .as("blocks by %s", code)
                .isEqualTo(n.doubleValue()));
        assertThat(m.sum("atrium_requests_total", "decision", "blocked"))
                .isEqualTo(blocksByCode.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        // The fake upstream reports 1000 prompt and 500 completion tokens for every answer.
        assertThat(m.sum("atrium_tokens_total", "direction", "input")).isEqualTo(1000.0 * answered);
        assertThat(m.sum("atrium_tokens_total", "direction", "output")).isEqualTo(500.0 * answered);
        assertThat(m.sum("atrium_provider_latency_seconds_count", "provider", "up", "outcome", "answered"))
                .isEqualTo(answered);
        assertThat(m.sum("atrium_gateway_latency_seconds_count")).isEqualTo(cases.size());
        assertThat(m.sum("atrium_gateway_latency_seconds_bucket", "le", "+Inf")).isEqualTo(cases.size());
        assertThat(m.sum("atrium_audit_write_latency_seconds_count", "result", "stored"))
                .isEqualTo(cases.size());
        assertThat(m.sum("atrium_audit_batches_total")).isBetween(1.0, (double) cases.size());
        assertThat(m.sum("atrium_pii_entities_total", "entity_type", "NIK", "direction", "input"))
                .isGreaterThanOrEqualTo(2);
        assertThat(m.sum("atrium_security_incidents_total", "category", "prompt_injection"))
                .isGreaterThanOrEqualTo(1);
        assertThat(m.sum("atrium_circuit_breaker_state", "provider", "up", "state", "closed"))
                .isEqualTo(1);

        List<String> secrets = new ArrayList<>(List.of(RunningGateway.ADMIN_KEY));
        cases.forEach(c -> c.path("must_not_leak").forEach(v -> secrets.add(v.asText())));
        for (String secret : secrets) {
            assertThat(scraped.body()).doesNotContain(secret);
        }
    }

    /** Every column of every row of every table, as {@code table.column = value}. */
    private static List<String> storedValues(Path database) throws SQLException {
        List<String> stored = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement st = db.createStatement();
                ResultSet tables = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement s = db.createStatement();
                        ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int col = 1; col <= columns; col++) {
                            stored.add(
                                    table + "." + rows.getMetaData().getColumnName(col) + " = " + rows.getString(col));
                        }
                    }
                }
            }
        }
        return stored;
    }

    static RunningGateway.Reply send(RunningGateway gateway, JsonNode c) {
        String body =
                c.has("raw_body") ? c.path("raw_body").asText() : c.path("body").toString();
        Map<String, String> headers = c.path("no_api_key").asBoolean(false)
                ? Map.of()
                : Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY);
        return gateway.post("/chat/completions", body, headers);
    }

    static void assertExpectations(JsonNode c, RunningGateway.Reply r, boolean echoProvider) {
        JsonNode e = c.path("expect");
        assertThat(r.status()).as(r.body()).isEqualTo(e.path("status").asInt());
        assertThat(r.header(ProtocolHeaders.AUDIT_ID))
                .as("every response carries an audit id")
                .startsWith("audit-");
        if (e.has("code")) {
            assertThat(r.json().at("/error/code").asText())
                    .isEqualTo(e.path("code").asText());
        }
        if (e.has("message_includes")) {
            assertThat(r.json().at("/error/message").asText())
                    .contains(e.path("message_includes").asText());
        }
        if (e.has("pii_detected")) {
            assertThat(r.header(ProtocolHeaders.PII_DETECTED))
                    .isEqualTo(e.path("pii_detected").asText());
        }
        List<String> redacted = list(r.header(ProtocolHeaders.PII_REDACTED));
        e.path("pii_redacted_includes").forEach(t -> assertThat(redacted).contains(t.asText()));
        if (e.has("pii_redacted")) {
            assertThat(redacted).isEqualTo(strings(e.path("pii_redacted")));
        }
        if (e.has("policy_decision")) {
            assertThat(r.header(ProtocolHeaders.POLICY_DECISION))
                    .isEqualTo(e.path("policy_decision").asText());
        }
        if (e.has("provider") && echoProvider) {
            assertThat(r.header(ProtocolHeaders.PROVIDER))
                    .isEqualTo(e.path("provider").asText());
        }
        if (e.has("block_reason_includes")) {
            assertThat(r.header(ProtocolHeaders.BLOCK_REASON))
                    .contains(e.path("block_reason_includes").asText());
        }
        List<String> incidents = list(r.header(ProtocolHeaders.SECURITY_INCIDENT));
        e.path("security_incidents_includes").forEach(t -> assertThat(incidents).contains(t.asText()));
        if (e.has("security_incidents")) {
            assertThat(incidents).isEqualTo(strings(e.path("security_incidents")));
        }
        if (e.path("cost_idr_present").asBoolean(false)) {
            assertThat(Double.parseDouble(r.header(ProtocolHeaders.COST_IDR))).isGreaterThanOrEqualTo(0.0);
        }
        if (e.path("latency_ms_present").asBoolean(false)) {
            assertThat(Double.parseDouble(r.header(ProtocolHeaders.LATENCY_MS))).isGreaterThanOrEqualTo(0.0);
        }
    }

    static void assertNothingLeaks(JsonNode c, RunningGateway.Reply r, RunningGateway gateway) {
        RunningGateway.Reply record =
                gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.status())
                .as("audit record of " + c.path("name").asText())
                .isEqualTo(200);
        assertThat(record.json().path("status_code").asInt()).isEqualTo(r.status());
        for (JsonNode secret : c.path("must_not_leak")) {
            assertThat(r.body()).as("response body").doesNotContain(secret.asText());
            assertThat(record.body()).as("audit record").doesNotContain(secret.asText());
        }
    }

    static List<String> list(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String s : header.split(",", -1)) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
