package io.monago.atrium.gateway.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.idempotency.IdempotencyFilter;
import io.monago.atrium.gateway.limit.LimitFilter;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.gateway.support.TestRedis;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway with its Redis unreachable (a closed port): each workspace's {@code on_store_error}
 * decides, by default budgets fail closed (503, the provider not called) and rate limits fail open
 * (admitted uncounted), a call with an {@code Idempotency-Key} is processed without it unless its
 * workspace fails closed, and the audit record says which happened.
 */
class StoreUnreachableTest {

    static final String RATES = "sk-mng-down-rates";
    static final String BUDGET = "sk-mng-down-budget";
    static final String OPEN_BUDGET = "sk-mng-down-open-budget";
    static final String CLOSED_RATES = "sk-mng-down-closed-rates";

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        String down = TestRedis.unreachableUrl();
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("t.yaml", """
                        limits: {store: "%1$s"}
                        idempotency: {store: "%1$s"}
                        workspaces:
                          - id: default
                          - id: rates
                            limits: {requests_per_minute: 100}
                          - id: budget
                            limits: {idr_per_day: 500000}
                          - id: open-budget
                            limits: {idr_per_day: 500000}
                            on_store_error: fail_open
                          - id: closed-rates
                            limits: {requests_per_minute: 100}
                            on_store_error: fail_closed
                        keys:
                          - {id: rates-app, hash: %2$s, workspace: rates}
                          - {id: budget-app, hash: %3$s, workspace: budget}
                          - {id: open-budget-app, hash: %4$s, workspace: open-budget}
                          - {id: closed-rates-app, hash: %5$s, workspace: closed-rates}
                        """.formatted(
                                down,
                                ApiKeyHash.of(RATES),
                                ApiKeyHash.of(BUDGET),
                                ApiKeyHash.of(OPEN_BUDGET),
                                ApiKeyHash.of(CLOSED_RATES))),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static RunningGateway.Reply call(String key, Map<String, String> more) {
        Map<String, String> headers = new java.util.HashMap<>(more);
        headers.put("Authorization", "Bearer " + key);
        return gateway.post(
                "/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}",
                headers);
    }

    private static List<String> matchedRules(String key, RunningGateway.Reply reply) {
        JsonNode record = gateway.get("/audit/" + reply.header(ProtocolHeaders.AUDIT_ID), Optional.of(key))
                .json();
        List<String> rules = new ArrayList<>();
        record.path("matched_rules").forEach(r -> rules.add(r.asText()));
        return rules;
    }

    @Test
    void rateLimitsFailOpenByDefaultAndTheRecordSaysSo() {
        RunningGateway.Reply r = call(RATES, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(matchedRules(RATES, r)).containsExactly(LimitFilter.STORE_FAILED_OPEN);
    }

    @Test
    void budgetsFailClosedByDefaultAndTheRecordSaysSo() {
        RunningGateway.Reply r = call(BUDGET, Map.of());

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("service_unavailable");
        assertThat(r.json().at("/error/message").asText()).contains("limit store cannot be reached");
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(matchedRules(BUDGET, r)).containsExactly(LimitFilter.STORE_FAILED_CLOSED);
    }

    @Test
    void aWorkspaceMayLetItsBudgetFailOpen() {
        RunningGateway.Reply r = call(OPEN_BUDGET, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(matchedRules(OPEN_BUDGET, r)).containsExactly(LimitFilter.STORE_FAILED_OPEN);
    }

    @Test
    void aWorkspaceMayLetItsRateLimitsFailClosed() {
        RunningGateway.Reply r = call(CLOSED_RATES, Map.of());

        assertThat(r.status()).isEqualTo(503);
        assertThat(matchedRules(CLOSED_RATES, r)).containsExactly(LimitFilter.STORE_FAILED_CLOSED);
    }

    @Test
    void aCallWithoutLimitsDoesNotNeedTheStore() {
        RunningGateway.Reply r = call(RunningGateway.ADMIN_KEY, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(matchedRules(RunningGateway.ADMIN_KEY, r)).isEmpty();
    }

    @Test
    void anIdempotentCallIsProcessedWithoutItsKeyByDefaultAndTheRecordSaysSo() {
        RunningGateway.Reply r = call(RunningGateway.ADMIN_KEY, Map.of("Idempotency-Key", "down-1"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(matchedRules(RunningGateway.ADMIN_KEY, r)).containsExactly(IdempotencyFilter.STORE_FAILED_OPEN);
    }

    @Test
    void anIdempotentCallInAWorkspaceThatFailsClosedIsRefusedRatherThanRiskAnsweringItTwice() {
        RunningGateway.Reply r = call(CLOSED_RATES, Map.of("Idempotency-Key", "down-2"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().at("/error/message").asText()).contains("Idempotency-Key store cannot be reached");
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(matchedRules(CLOSED_RATES, r)).containsExactly(IdempotencyFilter.STORE_FAILED_CLOSED);
    }
}
