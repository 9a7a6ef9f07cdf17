package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.PostgresSchemas;
import io.monago.atrium.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real gateway whose store cannot write, because another process holds its write lock (the
 * SQLite file's, or the PostgreSQL chain's head row past the store's lock timeout): calls get 503
 * {@code audit_unavailable}, and once the store is known to fail no call reaches the provider. When
 * the lock goes, the gateway recovers by itself.
 */
class FailClosedTest {

    private static final String BODY =
            "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Apa itu BPJS?\"}]}";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aStoreThatCannotWriteStopsCallsBeforeTheProvider(TestStore.Kind kind) throws Exception {
        Optional<PostgresSchemas> schema =
                kind == TestStore.Kind.POSTGRES ? Optional.of(PostgresSchemas.fresh()) : Optional.empty();
        try (FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();
                RunningGateway gateway = RunningGateway.behind(
                        upstream,
                        dataDir,
                        schema.map(PostgresSchemas::auditYaml).orElse(""))) {
            assertThat(gateway.chat(BODY).status()).isEqualTo(200);
            upstream.received().clear();

            try (Connection lock = schema.isPresent()
                            ? schema.get().connect()
                            : AuditFixtures.tamper(RunningGateway.auditDatabase(dataDir));
                    Statement s = lock.createStatement()) {
                if (schema.isPresent()) {
                    s.execute("BEGIN");
                    s.execute("LOCK TABLE audit_chain IN ACCESS EXCLUSIVE MODE");
                } else {
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("DELETE FROM audit_checkpoints WHERE records < 0");
                }

                // The first call finds out: its answer is withheld.
                RunningGateway.Reply first = gateway.chat(BODY);
                assertThat(first.status()).isEqualTo(503);
                assertThat(first.json().path("error").path("code").asText()).isEqualTo("audit_unavailable");
                int afterFirst = upstream.received().size();

                // From then on the provider is not called at all.
                RunningGateway.Reply second = gateway.chat(BODY);
                assertThat(second.status()).isEqualTo(503);
                assertThat(second.json().path("error").path("code").asText()).isEqualTo("audit_unavailable");
                assertThat(upstream.received()).hasSize(afterFirst);
                assertThat(readyz(gateway)).isEqualTo(503);

                s.execute("ROLLBACK");
            }

            // The refusal's own record is written now, which tells the gateway the store is back.
            RunningGateway.Reply recovering = gateway.chat(BODY);
            assertThat(recovering.status()).isEqualTo(503);
            RunningGateway.Reply back = gateway.chat(BODY);
            assertThat(back.status()).isEqualTo(200);
            assertThat(readyz(gateway)).isEqualTo(200);
        } finally {
            schema.ifPresent(PostgresSchemas::close);
        }
    }

    private static int readyz(RunningGateway gateway) throws Exception {
        String root = gateway.baseUrl().replace("/v1", "");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(root + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
