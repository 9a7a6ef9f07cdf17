package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atrium audit verify}, {@code checkpoint}, {@code search} and {@code export} find a
 * gateway's PostgreSQL store from its configuration file, as {@code serve} does.
 */
class PostgresAuditCommandTest {

    private static final String KEY = "sk-mng-audit-cli-pg-test";
    private static final Map<String, String> ENV = Map.of("AUDIT_KEY", "chain-key-for-the-cli-test-0123456789");

    @TempDir
    Path dir;

    private final TestSchema schema = new TestSchema();

    @AfterEach
    void drop() throws Exception {
        schema.close();
    }

    private static AuditCommandTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtriumCli.run(args, env::get, new PrintWriter(out, true), new PrintWriter(err, true));
        return new AuditCommandTest.Run(exit, out.toString(), err.toString());
    }

    private Path config() throws Exception {
        Path config = dir.resolve("atrium.yaml");
        Files.writeString(
                config,
                "server:\n  data_dir: " + dir.resolve("data") + "\n" + schema.auditYaml()
                        + "  chain_key: ${AUDIT_KEY}\n");
        return config;
    }

    private void serve(Path config, int calls) throws Exception {
        GatewayConfig c = new ConfigLoader(ENV::get).load(config);
        try (Gateway gateway = Gateway.start(c.withServer(c.server().withListen("127.0.0.1", 0)), Optional.of(KEY))) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < calls; i++) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                                .header("Authorization", "Bearer " + KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"call " + i
                                                + "\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void verifyCheckpointSearchAndExportReadThePostgresStoreTheConfigNames() throws Exception {
        Path config = config();
        serve(config, 5);
        String file = config.toString();

        AuditCommandTest.Run intact = run(ENV, "audit", "verify", "--config", file);
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("audit chain intact: 5 records, HMAC-SHA-256");

        List<String> newestFirst =
                run(ENV, "audit", "search", "--config", file).out().lines().toList();
        assertThat(newestFirst).hasSize(5).allMatch(l -> l.startsWith("{\"audit_id\":\"audit-"));
        List<String> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        AuditCommandTest.Run export = run(ENV, "audit", "export", "--config", file, "--format", "jsonl");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out().lines().toList()).containsExactlyElementsOf(oldestFirst);

        Path anchor = dir.resolve("anchor.json");
        assertThat(run(ENV, "audit", "checkpoint", "--config", file, "--out", anchor.toString())
                        .exit())
                .isZero();
        schema.sql("UPDATE audit_records SET record = replace(record, '\"status_code\":200', '\"status_code\":201')"
                + " WHERE seq = 3");
        AuditCommandTest.Run altered = run(ENV, "audit", "verify", "--config", file);
        assertThat(altered.exit()).isEqualTo(1);
        assertThat(altered.err())
                .contains("record 3 (audit-")
                .contains("was altered")
                .contains("checked jdbc:postgresql://")
                .contains("schema " + schema.name);

        // Cut the altered record and everything after it, with the store's own checkpoints: only the
        // exported checkpoint still knows there were five.
        schema.sql("DELETE FROM audit_records WHERE seq >= 3", "DELETE FROM audit_checkpoints");
        assertThat(run(ENV, "audit", "verify", "--config", file).exit()).isZero();
        AuditCommandTest.Run cut = run(ENV, "audit", "verify", "--config", file, "--checkpoint", anchor.toString());
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.err()).contains("the chain ends at record 2").contains("counted 5 records");
    }

    @Test
    void aSchemaWithNoStoreIsNamed() throws Exception {
        AuditCommandTest.Run r = run(ENV, "audit", "verify", "--config", config().toString());

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("no audit store at").contains(schema.name);
    }
}
