package io.monago.atrium.gateway.spend;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets with the in-memory store survive a restart: a new gateway on the same data folder counts
 * this month's recorded spend again, per key and per workspace, in the workspace's time zone. The
 * echo provider is priced so that every answer token costs Rp 16.500; a call reserving 20 answer
 * tokens (Rp 330.000) fits a Rp 500.000 day only while less than Rp 170.000 is spent.
 */
class SpendAfterRestartTest {

    private static final String KEY = "sk-mng-pilot";
    private static final double BUDGET_IDR = 500_000;

    @TempDir
    Path dataDir;

    private static GatewayConfig config() {
        return new ConfigLoader(k -> null).parse("t.yaml", """
                models:
                  - {name: "*", provider: echo, output_usd_per_million: 1000000}
                workspaces:
                  - id: default
                  - id: pilot
                    time_zone: Asia/Jakarta
                    limits: {idr_per_day: %s}
                    rules:
                      - id: spent-this-month
                        when: "usage.key.idr_month > 0.0 && usage.workspace.tokens_month > 0"
                        action: flag
                keys:
                  - {id: pilot-app, hash: %s, workspace: pilot}
                """.formatted(BUDGET_IDR, ApiKeyHash.of(KEY)));
    }

    private static RunningGateway.Reply call(RunningGateway gateway) {
        return gateway.post(
                "/chat/completions",
                "{\"model\":\"m\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}",
                Map.of("Authorization", "Bearer " + KEY));
    }

    /** Calls until the day's budget refuses; returns the rupiah spent. */
    private static double spendTheDay(RunningGateway gateway) {
        double spent = 0;
        for (int i = 0; i < 40; i++) {
            RunningGateway.Reply r = call(gateway);
            if (r.status() != 200) {
                assertThat(r.json().at("/error/code").asText()).isEqualTo("budget_exceeded");
                return spent;
            }
            spent += Double.parseDouble(r.header(ProtocolHeaders.COST_IDR));
        }
        throw new AssertionError("the budget never refused a call");
    }

    @Test
    void theBudgetStillRefusesAfterARestartOnTheSameDataFolder() {
        double spent;
        try (RunningGateway first = RunningGateway.start(config(), dataDir)) {
            spent = spendTheDay(first);
        }
        assertThat(spent).isGreaterThan(BUDGET_IDR - 330_000).isLessThanOrEqualTo(BUDGET_IDR);

        try (RunningGateway second = RunningGateway.start(config(), dataDir)) {
            RunningGateway.Reply r = call(second);

            assertThat(r.status()).isEqualTo(429);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("budget_exceeded");
            assertThat(r.json().at("/error/message").asText()).contains("workspace pilot idr_per_day");
        }
    }

    @Test
    void aFreshDataFolderHasSpentNothing() {
        try (RunningGateway fresh = RunningGateway.start(config(), dataDir)) {
            RunningGateway.Reply r = call(fresh);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
        }
    }

    @Test
    void theDayAndTheMonthAreTheWorkspacesOwn() {
        // 18:00 UTC on 30 November is 01:00 on 1 December in Jakarta.
        Instant spentAt = Instant.parse("2026-11-30T18:00:00Z");
        try (RunningGateway first = RunningGateway.start(config(), dataDir, Clock.fixed(spentAt, ZoneOffset.UTC))) {
            assertThat(spendTheDay(first)).isPositive();
        }

        // 10:00 UTC on 1 December: the same day in Jakarta, so the day's budget is still spent.
        Instant sameDay = Instant.parse("2026-12-01T10:00:00Z");
        try (RunningGateway second = RunningGateway.start(config(), dataDir, Clock.fixed(sameDay, ZoneOffset.UTC))) {
            assertThat(call(second).status()).isEqualTo(429);
        }

        // 17:30 UTC on 1 December is 00:30 on 2 December in Jakarta: a new day of the same month.
        Instant nextDay = Instant.parse("2026-12-01T17:30:00Z");
        try (RunningGateway third = RunningGateway.start(config(), dataDir, Clock.fixed(nextDay, ZoneOffset.UTC))) {
            RunningGateway.Reply r = call(third);

            assertThat(r.status()).isEqualTo(200);
            // The month's spend came back too: the rule reading it flags the call.
            assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        }
    }
}
