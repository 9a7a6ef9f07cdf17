package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.gateway.support.PostgresSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only the PostgreSQL store does: its migrations, several stores (gateways) appending to one
 * chain, a lost connection, a schema named in the URL.
 */
class PostgresAuditStoreTest {

    private static final ChainKey KEY = ChainKey.of("a-chain-key-of-32-bytes-for-tests");

    private final PostgresSchemas schema = PostgresSchemas.fresh();
    private final TestStore.Postgres store = new TestStore.Postgres(schema);

    @AfterEach
    void drop() {
        store.close();
    }

    private AuditStore open() {
        return store.open(new AuditOptions(Optional.of(KEY), 100, Clock.systemUTC()));
    }

    private int versionRows() throws SQLException {
        try (Connection c = store.tamper();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void migrationsRunOnceAndAreRecorded() throws Exception {
        try (AuditStore s = open()) {
            AuditFixtures.fill(s, 1, 3);
        }
        try (AuditStore s = open()) {
            AuditFixtures.fill(s, 4, 5);
        }

        assertThat(versionRows()).isEqualTo(PostgresSchema.latest());
        try (Connection c = store.tamper()) {
            assertThat(PostgresSchema.version(c, schema.name())).isEqualTo(PostgresSchema.latest());
        }
        assertThat(store.verify(Optional.of(KEY), Optional.empty()).records()).isEqualTo(5);
    }

    @Test
    void aStoreFromANewerGatewayIsRefused() throws Exception {
        try (AuditStore s = open()) {
            AuditFixtures.fill(s, 1, 1);
        }
        try (Connection c = store.tamper();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_schema_version(version) VALUES (" + (PostgresSchema.latest() + 1) + ")");
        }

        assertThatThrownBy(this::open)
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("newer than this gateway's")
                .hasMessageContaining("schema " + schema.name());
    }

    @Test
    void gatewaysStartingTogetherOnANewSchemaAllOpenIt() throws Exception {
        List<CompletableFuture<AuditStore>> opening = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opening.add(CompletableFuture.supplyAsync(this::open));
        }
        List<AuditStore> stores = new ArrayList<>();
        for (CompletableFuture<AuditStore> f : opening) {
            stores.add(f.join());
        }
        stores.forEach(AuditStore::close);

        assertThat(versionRows()).isEqualTo(PostgresSchema.latest());
    }

    @Test
    void severalStoresOnOneSchemaAppendToOneChainThatVerifies() {
        int perStore = 600;
        List<AuditStore> stores = List.of(open(), open(), open());
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < perStore; i++) {
                for (int s = 0; s < stores.size(); s++) {
                    done.add(stores.get(s).append(AuditFixtures.entry(s * perStore + i + 1)));
                }
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } finally {
            stores.forEach(AuditStore::close);
        }

        VerifyReport r = store.verify(Optional.of(KEY), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(3L * perStore);
        // Written by whichever store crossed the mark: at most 100 + 511 records apart (a batch holds up
        // to 512), so at least two on the way, and one at the last close.
        assertThat(r.checkpointsMatched()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLostConnectionFailsTheWriteThenTheStoreReconnects() throws Exception {
        try (AuditStore s = open()) {
            AuditFixtures.fill(s, 1, 2);
            try (Connection c = store.tamper();
                    PreparedStatement kill = c.prepareStatement(
                            "SELECT pg_terminate_backend(pid) FROM" + " pg_stat_activity WHERE application_name = ?")) {
                // The store's connections carry its schema's name, which is this test's alone.
                kill.setString(1, "atrium-audit " + schema.name());
                kill.execute();
            }

            assertThatThrownBy(() -> s.append(AuditFixtures.entry(3)).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(AuditStoreException.class);
            assertThat(s.isHealthy()).isFalse();

            s.append(AuditFixtures.entry(4)).join();
            assertThat(s.isHealthy()).isTrue();
        }

        VerifyReport r = store.verify(Optional.of(KEY), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(3);
    }

    @Test
    void aTailCutWithoutMovingTheHeadIsCaughtByTheNextAppend() throws Exception {
        try (AuditStore s = open()) {
            AuditFixtures.fill(s, 1, 10);
        }
        try (Connection c = store.tamper();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_records WHERE seq > 7");
            s.executeUpdate("DELETE FROM audit_checkpoints");
        }
        try (AuditStore s = open()) {
            AuditFixtures.fill(s, 11, 11);
        }

        ChainBreak b =
                store.verify(Optional.of(KEY), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.DELETED);
        assertThat(b.position()).isEqualTo(8);
        assertThat(b.message()).contains("after record 7 (audit-test-000007)").contains("audit-test-000011");
    }

    @Test
    void aSchemaNamedInTheUrlIsUsed() throws Exception {
        PostgresTarget target = PostgresTarget.of(
                PostgresSchemas.URL + "?currentSchema=" + schema.name(),
                Optional.empty(),
                Optional.of(PostgresSchemas.USER),
                Optional.empty());
        assertThat(target.schema()).isEqualTo(schema.name());
        assertThat(target.describe()).doesNotContain("?").endsWith("schema " + schema.name());
        try (AuditStore s = new PostgresAuditStore(target, AuditFixtures.JSON, AuditOptions.defaults())) {
            AuditFixtures.fill(s, 1, 2);
        }

        try (Connection c = store.tamper();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_records")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void theVerifierSeesNoStoreWhereThereIsNone() {
        assertThatThrownBy(store::source)
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("no audit store at")
                .hasMessageContaining(schema.name());
    }
}
