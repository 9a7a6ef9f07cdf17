package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fail-open store over a real SQLite store that another connection keeps from writing: appends
 * succeed, what does not fit is dropped, held records are written once the store is back, and those
 * still held when the gateway stops are lost (and logged).
 */
class FailOpenAuditStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("audit.db");
    }

    private Connection lock() throws SQLException {
        Connection c = AuditFixtures.tamper(file());
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("DELETE FROM audit_checkpoints WHERE records < 0");
        }
        return c;
    }

    private static void release(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement()) {
            s.execute("ROLLBACK");
        }
        lock.close();
    }

    @Test
    void heldRecordsAreWrittenLateAndWhatDoesNotFitIsDropped() throws Exception {
        try (FailOpenAuditStore store = new FailOpenAuditStore(new SqliteAuditStore(file(), AuditFixtures.JSON), 1)) {
            AuditFixtures.fill(store, 1, 1);
            Connection lock = lock();
            AuditFixtures.fill(store, 2, 2);
            AuditFixtures.fill(store, 3, 3);
            assertThat(store.held()).isEqualTo(1);
            assertThat(store.isHealthy()).isTrue();
            release(lock);

            for (int i = 0; i < 300 && store.held() > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(store.held()).isZero();
            StoredAudit late = store.find("audit-test-000002").join().orElseThrow();
            assertThat(AuditFixtures.JSON
                            .readTree(late.json())
                            .path("written_late")
                            .asBoolean())
                    .isTrue();
            assertThat(store.find("audit-test-000003").join()).isEmpty();
            assertThat(store.search(AuditQuery.in("default").build()).join().records())
                    .hasSize(2);
            assertThat(store.prune(Instant.parse("2000-01-01T00:00:00Z")).join())
                    .isZero();
        }

        VerifyReport r = AuditFixtures.verify(file(), Optional.empty(), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(2);
    }

    @Test
    void recordsStillHeldWhenTheStoreClosesAreLost() throws Exception {
        Connection lock;
        try (FailOpenAuditStore store = new FailOpenAuditStore(new SqliteAuditStore(file(), AuditFixtures.JSON), 10)) {
            AuditFixtures.fill(store, 1, 1);
            lock = lock();
            AuditFixtures.fill(store, 2, 2);
            assertThat(store.held()).isEqualTo(1);
        }
        release(lock);

        try (SqliteAuditStore reopened = new SqliteAuditStore(file(), AuditFixtures.JSON)) {
            assertThat(reopened.find("audit-test-000001").join()).isPresent();
            assertThat(reopened.find("audit-test-000002").join()).isEmpty();
        }
    }
}
