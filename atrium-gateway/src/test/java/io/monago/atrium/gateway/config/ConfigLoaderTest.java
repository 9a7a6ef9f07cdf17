package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String HASH = "sha256:" + "a".repeat(64);
    private final ConfigLoader loader = new ConfigLoader(Map.of("OPENAI_KEY", "sk-upstream", "PORT", "9090")::get);

    @Test
    void readsEveryTypicalSectionWithEnvironmentSubstitution() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                server:
                  host: 0.0.0.0
                  port: ${PORT}
                  max_body_bytes: 1024
                pricing:
                  usd_to_idr: 16000
                providers:
                  openai:
                    type: openai
                    base_url: https://api.openai.com/v1
                    api_key: ${OPENAI_KEY}
                    timeout_ms: 2000
                models:
                  - name: gpt-5.4-mini
                    provider: openai
                    input_usd_per_million: 0.25
                    output_usd_per_million: 2.0
                workspaces:
                  - id: clinic
                    models: [gpt-*]
                    pii:
                      action: redact
                      entities:
                        NIK: block
                        EMAIL: {action: flag, min_confidence: 0.9}
                    security:
                      categories:
                        adversarial_suffix: flag
                keys:
                  - id: ops
                    hash: %s
                    workspace: clinic
                    admin: true
                """.formatted(HASH));
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.server().host()).isEqualTo("0.0.0.0");
        assertThat(c.server().maxBodyBytes()).isEqualTo(1024);
        assertThat(c.pricing().usdToIdr()).isEqualTo(16000.0);
        assertThat(c.providers().get("openai").apiKeyIfSet()).contains("sk-upstream");
        assertThat(c.providers().get("openai").toString()).doesNotContain("sk-upstream");
        assertThat(c.models().get(0).outputUsdPerMillion()).isEqualTo(2.0);
        WorkspaceConfig w = c.workspaces().get(0);
        assertThat(w.pii().entities().get("NIK").action()).isEqualTo("block");
        assertThat(w.pii().entities().get("EMAIL").minConfidence()).contains(0.9);
        assertThat(w.security().categories().get("adversarial_suffix").action()).isEqualTo("flag");
        assertThat(w.security().action()).isEqualTo("block");
        assertThat(c.keys().get(0).admin()).isTrue();
    }

    @Test
    void onlyTrueAndFalseAreBooleansSoOffStaysAWord() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                workspaces:
                  - id: w
                    pii: {reversible: true}
                    security:
                      action: off
                      categories:
                        adversarial_suffix: flag
                """);
        assertThat(c.workspaces().get(0).security().action()).isEqualTo("off");
        assertThat(c.workspaces().get(0).pii().reversible()).isTrue();
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "workspaces:\n  - id: w\n    security: {action: no}\n"))
                .hasMessageStartingWith(
                        "atrium.yaml:3: workspaces[0].security.action: must be one of block, flag, off, got 'no'");
    }

    @Test
    void emptyFileMeansBuiltInDefaults() {
        GatewayConfig c = loader.parse("atrium.yaml", "");
        assertThat(c).isEqualTo(GatewayConfig.defaults());
        assertThat(c.workspaces().get(0).pii().entities())
                .containsOnlyKeys("SSN", "CREDIT_CARD", "SECRET", "PERSON", "ADDRESS");
    }

    @Test
    void unknownFieldIsNamedWithItsLine() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                server:
                  port: 8080
                  hots: 0.0.0.0
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("atrium.yaml:3: server.hots: unknown field 'hots'");
    }

    @Test
    void wrongTypeIsNamedWithItsLine() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                server:
                  host: localhost
                  port: eighty
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("atrium.yaml:3: server.port: wrong type or value");
    }

    @Test
    void missingEnvironmentVariableIsNamed() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                providers:
                  openai:
                    type: openai
                    base_url: https://api.openai.com/v1
                    api_key: ${NOT_SET_ANYWHERE}
                """))
                .hasMessage("atrium.yaml:5: providers.openai.api_key: environment variable NOT_SET_ANYWHERE is not set "
                        + "(write ${NOT_SET_ANYWHERE:-default} to give a default)");
    }

    @Test
    void defaultValueSyntaxAndEscapes() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                server:
                  host: ${HOST_UNSET:-127.0.0.2}
                  data_dir: $${literal}
                """);
        assertThat(c.server().host()).isEqualTo("127.0.0.2");
        assertThat(c.server().dataDir()).isEqualTo("${literal}");
    }

    @Test
    void modelPointingAtUnknownProvider() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                models:
                  - name: gpt-5
                    provider: opeani
                """))
                .hasMessage("atrium.yaml:3: models[0].provider: no provider named 'opeani'; defined: echo");
    }

    @Test
    void keyMustBeAHashNeverTheKey() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                keys:
                  - id: ops
                    hash: sk-mng-plaintext
                """))
                .hasMessageStartingWith("atrium.yaml:3: keys[0].hash: must be sha256:")
                .hasMessageNotContaining("sk-mng-plaintext");
    }

    @Test
    void keyInUnknownWorkspace() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                keys:
                  - id: ops
                    hash: %s
                    workspace: bank
                """.formatted(HASH)))
                .hasMessage("atrium.yaml:4: keys[0].workspace: no workspace named 'bank'; defined: default");
    }

    @Test
    void badActionWordAndUnknownEntity() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                workspaces:
                  - id: w
                    pii:
                      entities:
                        NIK: shred
                """))
                .hasMessageStartingWith(
                        "atrium.yaml:5: workspaces[0].pii.entities.NIK.action: must be one of allow, block, flag, redact");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                workspaces:
                  - id: w
                    pii:
                      entities:
                        KTP: block
                """))
                .hasMessageStartingWith("atrium.yaml:5: workspaces[0].pii.entities.KTP: unknown entity type 'KTP'");
    }

    @Test
    void redactionOperatorSettingsAreChecked() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "workspaces:\n  - id: w\n    pii: {operator: hash}\n"))
                .hasMessageStartingWith(
                        "atrium.yaml:3: workspaces[0].pii.hash_salt: operator hash needs a secret salt");
        assertThatThrownBy(() -> loader.parse(
                        "atrium.yaml", "workspaces:\n  - id: w\n    pii: {operator: mask, reversible: true}\n"))
                .hasMessageStartingWith("atrium.yaml:3: workspaces[0].pii.reversible: needs operator placeholder");
        GatewayConfig c = loader.parse(
                "atrium.yaml", "workspaces:\n  - id: w\n    pii: {operator: hash, hash_salt: sixteen-bytes-salt!}\n");
        assertThat(c.workspaces().get(0).pii().toString()).doesNotContain("sixteen-bytes-salt!");
    }

    @Test
    void openAiProviderNeedsAnHttpUrl() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                providers:
                  up:
                    type: openai
                    base_url: api.openai.com
                """))
                .hasMessageStartingWith("atrium.yaml:4: providers.up.base_url: must be an http or https URL");
    }

    @Test
    void duplicateKeysAndBrokenYaml() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "server:\n  port: 1\n  port: 2\n"))
                .hasMessage("atrium.yaml:3: server.port: written twice");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "server:\n  port: [1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("atrium.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing)).hasMessage(missing + ": file not found");
        Path file = dir.resolve("atrium.yaml");
        Files.writeString(file, "pricing:\n  usd_to_idr: -1\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ":2: pricing.usd_to_idr: must be a positive number");
    }

    @Test
    void resilienceSettingsHaveDefaultsAndAreRead() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                providers:
                  main: {type: echo, retries: 4, retry_backoff_ms: 50, first_byte_timeout_ms: 9000,
                         idle_timeout_ms: 4000, circuit_breaker: {failures: 3, open_ms: 1000}}
                  spare: {type: echo}
                models:
                  - {name: clinical, provider: main, fallback: [clinical-spare]}
                  - {name: "clinical-*", provider: spare}
                """);

        ProviderConfig main = c.providers().get("main");
        assertThat(main.retries()).isEqualTo(4);
        assertThat(main.retryBackoffMs()).isEqualTo(50);
        assertThat(main.firstByteTimeoutMs()).isEqualTo(9000);
        assertThat(main.idleTimeoutMs()).isEqualTo(4000);
        assertThat(main.circuitBreaker()).isEqualTo(new CircuitBreakerConfig(3, 1000L));
        ProviderConfig spare = c.providers().get("spare");
        assertThat(spare.retries()).isEqualTo(2);
        assertThat(spare.circuitBreaker()).isEqualTo(CircuitBreakerConfig.defaults());
        assertThat(c.models().get(0).fallback()).containsExactly("clinical-spare");
    }

    @Test
    void aFallbackMustBeAServedModelNameOtherThanItself() {
        String providers = "providers:\n  p: {type: echo}\nmodels:\n";
        assertThatThrownBy(() ->
                        loader.parse("atrium.yaml", providers + "  - {name: a, provider: p, fallback: [nowhere]}\n"))
                .hasMessageContaining("models[0].fallback[0]")
                .hasMessageContaining("no model entry serves 'nowhere'");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", providers + "  - {name: a, provider: p, fallback: [a]}\n"))
                .hasMessageContaining("names the model itself");
        assertThatThrownBy(() ->
                        loader.parse("atrium.yaml", providers + "  - {name: a, provider: p, fallback: [\"b*\"]}\n"))
                .hasMessageContaining("not a pattern");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "providers:\n  p: {type: echo, retries: -1}\n"))
                .hasMessageContaining("providers.p.retries");
        assertThatThrownBy(() ->
                        loader.parse("atrium.yaml", "providers:\n  p: {type: echo, circuit_breaker: {open_ms: 0}}\n"))
                .hasMessageContaining("providers.p.circuit_breaker.open_ms");
    }
}
