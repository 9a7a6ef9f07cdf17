package io.monago.atrium.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits and budgets on the real gateway with the echo provider, priced so that every answer
 * token costs Rp 16.500: requests and tokens per minute with {@code Retry-After}, a daily budget
 * that concurrent callers cannot overspend, and the spend rules can read.
 */
class LimitsTest {

    static final String RPM_KEY = "sk-mng-rpm";
    static final String TPM_KEY = "sk-mng-tpm";
    static final String BUDGET_KEY = "sk-mng-budget";
    static final String BURST_KEY = "sk-mng-burst";
    static final double BUDGET_IDR = 500_000;

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("t.yaml", """
                models:
                  - {name: "*", provider: echo, output_usd_per_million: 1000000}
                workspaces:
                  - id: default
                  - id: capped
                    limits: {idr_per_day: %s}
                    rules:
                      - id: spent-today
                        when: "usage.key.idr_today > 0.0 && usage.workspace.tokens_today > 0"
                        action: flag
                  - id: burst
                    limits: {idr_per_day: %s}
                keys:
                  - {id: rpm-app, hash: %s, limits: {requests_per_minute: 2}}
                  - {id: tpm-app, hash: %s, limits: {tokens_per_minute: 100}}
                  - {id: budget-app, hash: %s, workspace: capped}
                  - {id: burst-app, hash: %s, workspace: burst}
                """.formatted(
                                BUDGET_IDR,
                                BUDGET_IDR,
                                ApiKeyHash.of(RPM_KEY),
                                ApiKeyHash.of(TPM_KEY),
                                ApiKeyHash.of(BUDGET_KEY),
                                ApiKeyHash.of(BURST_KEY))),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String body(int maxTokens) {
        return "{\"model\":\"m\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}";
    }

    private static RunningGateway.Reply call(String key, int maxTokens) {
        return gateway.post("/chat/completions", body(maxTokens), Map.of("Authorization", "Bearer " + key));
    }

    /** A minute window must not end between the calls that fill it and the one it refuses. */
    private static void notNearTheEndOfAMinute() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second >= 50) {
            Thread.sleep((61 - second) * 1000);
        }
    }

    @Test
    void requestsPerMinuteRefusesTheThirdCallUntilTheMinuteEnds() throws InterruptedException {
        notNearTheEndOfAMinute();
        assertThat(call(RPM_KEY, 5).status()).isEqualTo(200);
        assertThat(call(RPM_KEY, 5).status()).isEqualTo(200);

        RunningGateway.Reply r = call(RPM_KEY, 5);
        long secondsLeft = 60 - Instant.now().getEpochSecond() % 60;

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(r.json().at("/error/message").asText()).contains("key rpm-app requests_per_minute");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(secondsLeft - 1, secondsLeft + 1);
        assertThat(r.header(ProtocolHeaders.AUDIT_ID)).isNotEmpty();
    }

    @Test
    void tokensPerMinuteCountsThePromptAndTheAnswersLimitBeforeTheCall() throws InterruptedException {
        notNearTheEndOfAMinute();
        RunningGateway.Reply tooLong = call(TPM_KEY, 200);
        assertThat(tooLong.status()).isEqualTo(429);
        assertThat(tooLong.json().at("/error/message").asText()).contains("tokens_per_minute");
        assertThat(Long.parseLong(tooLong.header("Retry-After"))).isBetween(1L, 60L);

        // Settled with the real usage (a few tokens), so the reservation does not linger.
        for (int i = 0; i < 5; i++) {
            assertThat(call(TPM_KEY, 50).status()).isEqualTo(200);
        }
    }

    @Test
    void aDailyBudgetRefusesTheCallThatWouldExceedItUntilLocalMidnight() {
        double spent = 0;
        RunningGateway.Reply last = null;
        for (int i = 0; i < 40; i++) {
            last = call(BUDGET_KEY, 20);
            if (last.status() != 200) {
                break;
            }
            spent += Double.parseDouble(last.header(ProtocolHeaders.COST_IDR));
            if (i > 0) {
                assertThat(last.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
            }
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().at("/error/code").asText()).isEqualTo("budget_exceeded");
        assertThat(last.json().at("/error/message").asText()).contains("workspace capped idr_per_day");
        var local = Instant.now().atZone(ZoneId.of("Asia/Jakarta"));
        long toMidnight = Duration.between(
                        local, local.toLocalDate().plusDays(1).atStartOfDay(local.getZone()))
                .toSeconds();
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(toMidnight - 2, toMidnight + 2);
        assertThat(spent).isGreaterThan(0).isLessThanOrEqualTo(BUDGET_IDR);
    }

    @Test
    void fiftyConcurrentCallersNeverSpendMoreThanTheBudget() {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + BURST_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(20)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        double spent = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.join();
            if (r.statusCode() == 200) {
                spent += Double.parseDouble(
                        r.headers().firstValue(ProtocolHeaders.COST_IDR).orElseThrow());
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains("budget_exceeded");
                refused++;
            }
        }

        assertThat(refused).isPositive();
        assertThat(spent).isPositive().isLessThanOrEqualTo(BUDGET_IDR);
    }

    @Test
    void theBuiltInDefaultsLimitNothing() {
        for (int i = 0; i < 20; i++) {
            assertThat(gateway.chat(body(100_000)).status()).isEqualTo(200);
        }
    }
}
