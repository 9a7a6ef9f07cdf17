package io.monago.atrium.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.gateway.config.ConfigException;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/** Which sections of a new configuration apply at once, and which wait for a restart. */
class ConfigChangeTest {

    private static GatewayConfig parse(String yaml) {
        return new ConfigLoader(k -> null).parse("atrium.yaml", yaml);
    }

    @Test
    void policySectionsReloadAndWiringSectionsWaitForARestart() {
        GatewayConfig running = parse("server: {port: 8080}\n");
        GatewayConfig next = parse("""
                server: {port: 9090}
                pricing: {usd_to_idr: 17000}
                workspaces:
                  - id: default
                    models: ["echo"]
                """);

        ConfigChange change = ConfigChange.between(running, next);
        GatewayConfig applied = change.applied("atrium.yaml");

        assertThat(change.reloaded()).containsExactly("workspaces", "pricing");
        assertThat(change.needRestart()).containsExactly("server");
        assertThat(applied.server().port()).isEqualTo(8080);
        assertThat(applied.pricing().usdToIdr()).isEqualTo(17000);
        assertThat(applied.workspaces()).isEqualTo(next.workspaces());
    }

    @Test
    void theSameFileChangesNothing() {
        assertThat(ConfigChange.between(parse("{}"), parse("{}")).isEmpty()).isTrue();
    }

    @Test
    void aModelOnAProviderTheProcessDoesNotRunIsRefused() {
        GatewayConfig running = parse("{}");
        GatewayConfig next = parse("""
                providers:
                  echo: {type: echo}
                  local: {type: echo}
                models:
                  - {name: "*", provider: local}
                """);

        assertThatThrownBy(() -> ConfigChange.between(running, next).applied("atrium.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("atrium.yaml: models[0].provider: provider 'local' is not running: providers change"
                        + " only on a restart");
    }
}
