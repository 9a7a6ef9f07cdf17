package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atrium audit verify} and {@code checkpoint} on the store a real gateway wrote. */
class AuditCommandTest {

    private static final String KEY = "sk-mng-audit-cli-test";
    private static final String CHAIN_KEY = "chain-key-for-the-cli-test-0123456789";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtriumCli.run(args, env::get, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private void serve(GatewayConfig c, int calls) throws Exception {
        try (Gateway gateway = Gateway.start(
                c.withServer(c.server()
                        .withListen("127.0.0.1", 0)
                        .withDataDir(dir.resolve("data").toString())),
                Optional.of(KEY))) {
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

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/audit.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void verifiesTheStoreServeWroteAndNamesTheRecordThatWasAltered() throws Exception {
        serve(GatewayConfig.defaults(), 5);

        Run intact = run(
                Map.of(), "audit", "verify", "--data-dir", dir.resolve("data").toString());
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("audit chain intact: 5 records, SHA-256");

        sql("UPDATE audit_records SET record = replace(record, '\"status_code\":200', '\"status_code\":201')"
                + " WHERE seq = 3");
        Run broken = run(
                Map.of(), "audit", "verify", "--data-dir", dir.resolve("data").toString());

        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err())
                .contains("audit chain broken: record 3 (audit-")
                .contains("was altered");
    }

    @Test
    void aKeyedChainFromTheConfigFileAndACheckpointThatCatchesATruncation() throws Exception {
        Path config = dir.resolve("atrium.yaml");
        Files.writeString(
                config, "server:\n  data_dir: " + dir.resolve("data") + "\naudit:\n  chain_key: ${AUDIT_KEY}\n");
        Map<String, String> env = Map.of("AUDIT_KEY", CHAIN_KEY);
        serve(new io.monago.atrium.gateway.config.ConfigLoader(env::get).load(config), 4);

        Path anchor = dir.resolve("anchor.json");
        Run cp = run(env, "audit", "checkpoint", "--config", config.toString(), "--out", anchor.toString());
        assertThat(cp.exit()).as(cp.err()).isZero();
        assertThat(Files.readString(anchor)).contains("\"records\":4").contains("\"signature\":\"");

        Run keyed = run(env, "audit", "verify", "--config", config.toString(), "--checkpoint", anchor.toString());
        assertThat(keyed.exit()).as(keyed.err()).isZero();
        assertThat(keyed.out()).contains("HMAC-SHA-256");

        Run noKey = run(
                Map.of(), "audit", "verify", "--data-dir", dir.resolve("data").toString());
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.err()).contains("audit.chain_key");

        sql("DELETE FROM audit_records WHERE seq = 4");
        sql("DELETE FROM audit_checkpoints");
        Run cut = run(env, "audit", "verify", "--config", config.toString(), "--checkpoint", anchor.toString());
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.err()).contains("the chain ends at record 3").contains("counted 4 records");
    }

    @Test
    void searchAndExportReadTheStoreWithTheSameFilters() throws Exception {
        serve(GatewayConfig.defaults(), 3);
        String data = dir.resolve("data").toString();

        Run all = run(Map.of(), "audit", "search", "--data-dir", data);
        assertThat(all.exit()).as(all.err()).isZero();
        List<String> newestFirst = all.out().lines().toList();
        assertThat(newestFirst).as(all.err()).hasSize(3).allMatch(l -> l.startsWith("{\"audit_id\":\"audit-"));

        Run one = run(Map.of(), "audit", "search", "--data-dir", data, "--limit", "1", "--decision", "allowed");
        assertThat(one.out().lines().toList()).containsExactly(newestFirst.get(0));
        assertThat(run(Map.of(), "audit", "search", "--data-dir", data, "--decision", "blocked")
                        .out())
                .isEmpty();

        Run jsonl = run(
                Map.of(),
                "audit",
                "export",
                "--data-dir",
                data,
                "--from",
                "2000-01-01T00:00:00Z",
                "--to",
                "2999-01-01T00:00:00Z",
                "--format",
                "jsonl");
        assertThat(jsonl.exit()).as(jsonl.err()).isZero();
        List<String> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        assertThat(jsonl.out().lines().toList()).containsExactlyElementsOf(oldestFirst);

        Path csv = dir.resolve("audit.csv");
        Run csvRun = run(Map.of(), "audit", "export", "--data-dir", data, "--format", "csv", "--out", csv.toString());
        assertThat(csvRun.exit()).as(csvRun.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("audit_id,timestamp,workspace,key_id,");
        assertThat(rows.get(1))
                .startsWith(oldestFirst.get(0).substring(13, 13 + 42))
                .contains(",allowed,,200,");

        Run bad = run(Map.of(), "audit", "export", "--data-dir", data, "--format", "xml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be jsonl or csv");
    }

    @Test
    void aCsvCellThatASpreadsheetWouldRunIsDefused() {
        assertThat(CsvRecordWriter.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvRecordWriter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvRecordWriter.quote("dr-sari")).isEqualTo("dr-sari");
    }
}
