package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server section's connection limits: their defaults, their YAML names, their checks. */
class ServerLimitsConfigTest {

    private final ConfigLoader loader = new ConfigLoader(k -> null);

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig s = loader.parse("atrium.yaml", "").server();

        assertThat(s.requestHeadTimeoutMs()).isEqualTo(10_000);
        assertThat(s.requestBodyTimeoutMs()).isEqualTo(60_000);
        assertThat(s.maxConnections()).isEqualTo(1_000);
        assertThat(s.idleTimeoutMs()).isEqualTo(120_000);
        assertThat(s.eventLoops()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Test
    void readsTheLimitsInSnakeCase() {
        ServerConfig s = loader.parse("atrium.yaml", """
                        server:
                          request_head_timeout_ms: 2500
                          request_body_timeout_ms: 30000
                          max_connections: 64
                          idle_timeout_ms: 45000
                          event_loops: 3
                        """).server();

        assertThat(s.requestHeadTimeoutMs()).isEqualTo(2500);
        assertThat(s.requestBodyTimeoutMs()).isEqualTo(30_000);
        assertThat(s.maxConnections()).isEqualTo(64);
        assertThat(s.withListen("127.0.0.1", 0).withDataDir("d").withInlineWorkMaxBytes(1))
                .extracting(
                        ServerConfig::requestHeadTimeoutMs,
                        ServerConfig::requestBodyTimeoutMs,
                        ServerConfig::maxConnections,
                        ServerConfig::idleTimeoutMs,
                        ServerConfig::eventLoops)
                .containsExactly(2500L, 30_000L, 64, 45_000L, 3);
    }

    @ParameterizedTest
    @CsvSource({"request_head_timeout_ms, 0", "request_body_timeout_ms, -1", "max_connections, 0", "idle_timeout_ms, 0"
    })
    void aLimitMustBePositive(String field, String value) {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "server:\n  " + field + ": " + value + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("atrium.yaml:2: server." + field + ": must be positive");
    }

    @ParameterizedTest
    @CsvSource({"0", "-2", "257"})
    void eventLoopsMustBeAPlausibleCount(String value) {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "server:\n  event_loops: " + value + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("atrium.yaml:2: server.event_loops: must be between 1 and 256, got " + value);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "16, 8"})
    void theDefaultLeavesHalfTheProcessorsToTheWorkOffTheLoops(int processors, int loops) {
        assertThat(ServerConfig.defaultEventLoops(processors)).isEqualTo(loops);
    }
}
