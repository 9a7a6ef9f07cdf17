package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Limits are opt-in and checked when the file loads. */
class LimitsConfigTest {

    private static final String HASH = "sha256:" + "a".repeat(64);
    private final ConfigLoader loader = new ConfigLoader(k -> null);

    @Test
    void theDefaultsLimitNothing() {
        GatewayConfig c = GatewayConfig.defaults();

        assertThat(c.limits().store()).isEqualTo("memory");
        assertThat(c.limits().defaultMaxTokens()).isEqualTo(1024L);
        assertThat(c.workspaces().get(0).limits().any()).isFalse();
    }

    @Test
    void readsRedisStoresAndTheChoiceWhenTheyAreUnreachable() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                limits: {store: "redis://127.0.0.1:6379", key_prefix: "clinic:"}
                idempotency: {store: "redis://127.0.0.1:6379/1"}
                workspaces:
                  - id: clinic
                    on_store_error: fail_open
                  - id: pilot
                """);

        assertThat(StoreUrl.redis(c.limits().store())).contains("redis://127.0.0.1:6379");
        assertThat(c.limits().keyPrefix()).isEqualTo("clinic:");
        assertThat(StoreUrl.redis(c.idempotency().store())).contains("redis://127.0.0.1:6379/1");
        assertThat(c.idempotency().keyPrefix()).isEqualTo("atrium:");
        assertThat(OnStoreError.of(
                        java.util.Optional.ofNullable(c.workspaces().get(0).onStoreError())))
                .isEqualTo(new OnStoreError(true, true));
        assertThat(OnStoreError.of(
                        java.util.Optional.ofNullable(c.workspaces().get(1).onStoreError())))
                .isEqualTo(OnStoreError.DEFAULT);
        assertThat(OnStoreError.DEFAULT.budgetsFailOpen()).isFalse();
        assertThat(OnStoreError.DEFAULT.rateLimitsFailOpen()).isTrue();
        assertThat(StoreUrl.redis(GatewayConfig.defaults().idempotency().store()))
                .isEmpty();
    }

    @Test
    void readsWorkspaceAndKeyLimits() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                limits: {default_max_tokens: 512}
                workspaces:
                  - id: clinic
                    limits: {requests_per_minute: 600, tokens_per_minute: 200000, idr_per_month: 50000000}
                keys:
                  - {id: pilot, hash: %s, workspace: clinic, limits: {idr_per_day: 500000}}
                """.formatted(HASH));

        assertThat(c.limits().defaultMaxTokens()).isEqualTo(512L);
        assertThat(c.workspaces().get(0).limits().rpm()).hasValue(600);
        assertThat(c.workspaces().get(0).limits().perMonth()).contains(50_000_000.0);
        assertThat(c.keys().get(0).limits().perDay()).contains(500_000.0);
        assertThat(c.keys().get(0).limits().tpm()).isEmpty();
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                workspaces:
                  - id: clinic
                    limits: {idr_per_day: 0}
                """))
                .hasMessage("atrium.yaml:3: workspaces[0].limits.idr_per_day: must be a positive number of rupiah");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "limits: {store: postgres://127.0.0.1:5432}\n"))
                .hasMessage("atrium.yaml:1: limits.store: must be memory or a redis:// URL such as"
                        + " redis://127.0.0.1:6379, got scheme 'postgres'");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "idempotency: {store: redis}\n"))
                .hasMessageContaining("idempotency.store: must be memory or a redis:// URL");
        assertThatThrownBy(() ->
                        loader.parse("atrium.yaml", "limits: {store: 'redis://127.0.0.1:6379', key_prefix: ''}\n"))
                .hasMessageContaining("limits.key_prefix: must not be empty");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                workspaces:
                  - id: clinic
                    on_store_error: fail_sometimes
                """))
                .hasMessage("atrium.yaml:3: workspaces[0].on_store_error: must be fail_closed or fail_open,"
                        + " got 'fail_sometimes'");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                keys:
                  - {id: k, hash: %s, limits: {requests_per_minute: -1}}
                """.formatted(HASH)))
                .hasMessageContaining("keys[0].limits.requests_per_minute: must be positive");
    }
}
