package io.monago.atrium.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code /metrics} is served: to admins of the default workspace, or on its own port to anyone. */
class MetricsListenerTest {

    @Test
    void onTheGatewaysPortOnlyTheOperatorsAdminKeysReadMetrics(@TempDir Path dataDir) {
        String yaml = "workspaces:\n  - {id: default}\n  - {id: clinic}\n"
                + "keys:\n  - {id: clinic-admin, hash: \"" + ApiKeyHash.of("sk-mng-clinic-admin-0001")
                + "\", workspace: clinic, admin: true}\n";
        try (RunningGateway gateway =
                RunningGateway.start(new ConfigLoader(k -> null).parse("test.yaml", yaml), dataDir)) {
            assertThat(gateway.getFromRoot("/metrics", Optional.empty()).status())
                    .isEqualTo(401);
            RunningGateway.Reply other = gateway.getFromRoot("/metrics", Optional.of("sk-mng-clinic-admin-0001"));
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.body()).contains("permission_denied");
            assertThat(gateway.getFromRoot("/metrics", Optional.of(RunningGateway.ADMIN_KEY))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aSeparateListenerServesMetricsWithoutAKeyAndTheGatewaysPortDoesNot(@TempDir Path dataDir) throws Exception {
        String yaml = "metrics: {listen: \"127.0.0.1:0\"}\n";
        try (RunningGateway gateway =
                RunningGateway.start(new ConfigLoader(k -> null).parse("test.yaml", yaml), dataDir)) {
            int port = gateway.gateway().metricsPort().orElseThrow();
            HttpResponse<String> scraped = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("atrium_audit_batches_total");
            assertThat(gateway.getFromRoot("/metrics", Optional.of(RunningGateway.ADMIN_KEY))
                            .status())
                    .isEqualTo(404);
        }
    }
}
