package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code telemetry} and {@code metrics} sections: defaults, and errors that name the field. */
class TelemetryConfigTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null);

    @Test
    void tracingIsOffAndMetricsAreServedToAdminsByDefault() {
        GatewayConfig c = loader.parse("atrium.yaml", "pricing: {usd_to_idr: 16000}\n");
        assertThat(c.telemetry().otlpEndpointIfSet()).isEmpty();
        assertThat(c.telemetry().serviceName()).isEqualTo("atrium-gateway");
        assertThat(c.telemetry().sampleRatio()).isEqualTo(1.0);
        assertThat(c.metrics().enabled()).isTrue();
        assertThat(c.metrics().listenIfSet()).isEmpty();
    }

    @Test
    void readsTheSections() {
        GatewayConfig c = loader.parse("atrium.yaml", """
                telemetry: {otlp_endpoint: "http://collector:4318/v1/traces", sample_ratio: 0.25}
                metrics: {listen: "0.0.0.0:9464"}
                """);
        assertThat(c.telemetry().otlpEndpointIfSet()).contains("http://collector:4318/v1/traces");
        assertThat(c.telemetry().sampleRatio()).isEqualTo(0.25);
        assertThat(c.metrics().listenIfSet()).contains("0.0.0.0:9464");
    }

    @Test
    void anEndpointThatIsNotHttpIsRefusedByName() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "telemetry: {otlp_endpoint: \"collector:4317\"}\n"))
                .hasMessageContaining("telemetry.otlp_endpoint: must be an http:// or https:// URL");
    }

    @Test
    void aSampleRatioOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "telemetry: {sample_ratio: 2}\n"))
                .hasMessageContaining("telemetry.sample_ratio: must be a number from 0 to 1");
    }

    @Test
    void aListenAddressWithoutAPortIsRefused() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "metrics: {listen: \"0.0.0.0\"}\n"))
                .hasMessageContaining("metrics.listen: must be host:port");
    }
}
