package io.monago.atrium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySmokeTest {

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.defaults(dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void echoAnswersWithTheUserMessageAndGovernanceHeaders() {
        RunningGateway.Reply r = gateway.chat(
                "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of Indonesia?\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("What is the capital of Indonesia?");
        assertThat(r.json().at("/usage/prompt_tokens").asInt()).isPositive();
        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("echo");
        assertThat(r.header(ProtocolHeaders.COST_IDR)).isEqualTo("0");
        assertThat(r.header(ProtocolHeaders.AUDIT_ID)).startsWith("audit-");
        RunningGateway.Reply record =
                gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        assertThat(record.json().path("status_code").asInt()).isEqualTo(200);
        assertThat(record.json().path("model").asText()).isEqualTo("gpt-5.4-mini");
    }

    @Test
    void healthAndReadinessNeedNoKey() throws Exception {
        String root = gateway.baseUrl().replace("/v1", "");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/healthz", "/readyz"}) {
            var r = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + path))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).contains("\"status\"");
        }
    }

    /** On Linux x86-64 the event loops run on epoll, the native transport the gateway ships. */
    @Test
    void theEventLoopsRunOnEpollWhereItShips() {
        boolean linuxX64 =
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux")
                        && java.util.Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        org.junit.jupiter.api.Assumptions.assumeTrue(linuxX64, "the native transport ships for Linux x86-64 only");

        assertThat(gateway.gateway().usesNativeTransport()).isTrue();
        assertThat(gateway.chat("""
                        {"model":"gpt-5.4-mini","messages":[{"role":"user","content":"Halo"}]}""").status()).isEqualTo(200);
    }
}
