package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code anthropic} provider's configuration: what it needs, what it defaults, what it refuses. */
class AnthropicProviderConfigTest {

    private final ConfigLoader loader = new ConfigLoader(Map.of("ANTHROPIC_API_KEY", "sk-ant-secret")::get);

    @Test
    void aKeyIsAllItNeeds() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                providers:
                  claude:
                    type: anthropic
                    api_key: ${ANTHROPIC_API_KEY}
                models:
                  - name: claude-*
                    provider: claude
                """);

        ProviderConfig p = c.providers().get("claude");
        assertThat(p.type()).isEqualTo("anthropic");
        assertThat(p.baseUrl()).as("the provider's default").isNull();
        assertThat(p.anthropicVersion()).as("the provider's default").isNull();
        assertThat(p.apiKeyIfSet()).contains("sk-ant-secret");
        assertThat(p.toString()).doesNotContain("sk-ant-secret");
    }

    @Test
    void theVersionAndBaseUrlCanBeSet() {
        ProviderConfig p = loader.parse("atrium.yaml", """
                        providers:
                          claude:
                            type: anthropic
                            base_url: https://anthropic-proxy.internal/v1
                            api_key: ${ANTHROPIC_API_KEY}
                            anthropic_version: "2023-06-01"
                        models:
                          - name: "*"
                            provider: claude
                        """).providers().get("claude");

        assertThat(p.baseUrl()).isEqualTo("https://anthropic-proxy.internal/v1");
        assertThat(p.anthropicVersion()).isEqualTo("2023-06-01");
    }

    @Test
    void withoutAKeyItIsRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                        providers:
                          claude:
                            type: anthropic
                        """))
                .hasMessage("atrium.yaml:2: providers.claude.api_key: is required for an anthropic provider"
                        + " (write api_key: ${ANTHROPIC_API_KEY})");
    }

    @Test
    void aVersionThatIsNotADateIsRefused() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                        providers:
                          claude:
                            type: anthropic
                            api_key: k
                            anthropic_version: latest
                        """))
                .hasMessage("atrium.yaml:5: providers.claude.anthropic_version: must be an Anthropic API version date"
                        + " such as 2023-06-01, got 'latest'");
    }

    @Test
    void aVersionOnAnotherProviderIsRefused() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                        providers:
                          up:
                            type: openai
                            base_url: https://api.openai.com/v1
                            anthropic_version: "2023-06-01"
                        """))
                .hasMessage(
                        "atrium.yaml:5: providers.up.anthropic_version: applies only to a provider of type anthropic");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                        providers:
                          claude:
                            type: anthropic
                            base_url: api.anthropic.com
                            api_key: k
                        """))
                .hasMessageStartingWith("atrium.yaml:4: providers.claude.base_url: must be an http or https URL");
    }

    @Test
    void theTypeIsAmongTheKnownOnes() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                        providers:
                          claude:
                            type: claude
                        """))
                .hasMessageContaining("one of anthropic, echo, openai");
    }
}
