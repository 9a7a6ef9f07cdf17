package io.monago.atrium.gateway.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.gateway.support.TestRedis;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With limits counted in Redis, a day's spend survives a restart of the gateway. */
class RestartTest {

    static final String KEY = "sk-mng-restart-budget";

    @TempDir
    Path dataDir;

    @Test
    void aBudgetSpentBeforeARestartStaysSpentAfterIt() {
        try (TestRedis redis = new TestRedis()) {
            GatewayConfig config = new ConfigLoader(k -> null)
                    .parse("t.yaml", """
                    limits: {store: "%s", key_prefix: "%s"}
                    models:
                      - {name: "*", provider: echo, output_usd_per_million: 1000000}
                    workspaces:
                      - id: default
                      - id: pilot
                        limits: {idr_per_day: 400000}
                    keys:
                      - {id: pilot-app, hash: %s, workspace: pilot}
                    """.formatted(TestRedis.URL, redis.prefix(), ApiKeyHash.of(KEY)));
            String body = "{\"model\":\"m\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}";
            Map<String, String> headers = Map.of("Authorization", "Bearer " + KEY);

            int admitted = 0;
            try (RunningGateway before = RunningGateway.start(config, dataDir)) {
                RunningGateway.Reply r;
                do {
                    r = before.post("/chat/completions", body, headers);
                    admitted += r.status() == 200 ? 1 : 0;
                } while (r.status() == 200 && admitted < 20);
                assertThat(r.status()).isEqualTo(429);
            }
            assertThat(admitted).isPositive();

            try (RunningGateway after = RunningGateway.start(config, dataDir)) {
                RunningGateway.Reply r = after.post("/chat/completions", body, headers);

                assertThat(r.status()).isEqualTo(429);
                assertThat(r.json().at("/error/code").asText()).isEqualTo("budget_exceeded");
            }
        }
    }
}
