package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written before migrations existed is brought up to date on open, its chain intact. */
class SqliteSchemaTest {

    @TempDir
    Path dir;

    @Test
    void aStoreFromBeforeMigrationsIsMigratedSearchableAndStillVerifies() throws Exception {
        Path file = dir.resolve("audit.db");
        try (Connection c = AuditFixtures.tamper(file);
                Statement s = c.createStatement()) {
            // The schema every store had before migrations were introduced.
            s.execute(
                    "CREATE TABLE audit_records (seq INTEGER PRIMARY KEY AUTOINCREMENT, audit_id TEXT NOT NULL UNIQUE,"
                            + " ts TEXT NOT NULL, workspace TEXT NOT NULL, key_id TEXT, decision TEXT NOT NULL,"
                            + " status INTEGER NOT NULL, record TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)");
            AuditChain chain = new AuditChain(AuditFixtures.JSON, AuditChain.GENESIS);
            for (int i = 1; i <= 3; i++) {
                AuditEntry e = AuditFixtures.entry(i);
                String prev = chain.lastHash();
                String text = chain.link(e.body());
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_records(audit_id, ts, workspace,"
                        + " key_id, decision, status, record, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                    ins.setString(1, e.auditId());
                    ins.setString(2, e.timestamp());
                    ins.setString(3, e.workspaceId());
                    ins.setString(4, e.keyId().orElse(null));
                    ins.setString(5, e.decision());
                    ins.setInt(6, e.status());
                    ins.setString(7, text);
                    ins.setString(8, prev);
                    ins.setString(9, chain.lastHash());
                    ins.executeUpdate();
                }
            }
        }

        try (SqliteAuditStore store = new SqliteAuditStore(file, AuditFixtures.JSON)) {
            AuditFixtures.fill(store, 4, 5);
            AuditPage sari = store.search(
                            AuditQuery.in("default").user("user-1").build())
                    .join();
            assertThat(sari.records())
                    .extracting(StoredAudit::auditId)
                    .containsExactly("audit-test-000004", "audit-test-000001");
        }

        VerifyReport r = AuditFixtures.verify(file, Optional.empty(), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(5);
    }

    @Test
    void aSearchColumnChangedToHideARecordIsAnAlteration() throws Exception {
        Path file = dir.resolve("audit.db");
        try (SqliteAuditStore store = new SqliteAuditStore(file, AuditFixtures.JSON)) {
            AuditFixtures.fill(store, 1, 4);
        }
        try (Connection c = AuditFixtures.tamper(file);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_records SET user_id = 'nobody' WHERE seq = 2");
        }

        ChainBreak b = AuditFixtures.verify(file, Optional.empty(), Optional.empty())
                .problem()
                .orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ALTERED);
        assertThat(b.position()).isEqualTo(2);
    }

    /**
     * A commit writes a page for every index a record is in: records that name no user or session
     * are in neither index, no index is kept that no query reads, and a search by user or session
     * still reads its index.
     */
    @Test
    void recordsWithoutAUserOrSessionAreInNoIndexOfThemAndSearchesStillUseThem() throws Exception {
        Path file = dir.resolve("audit.db");
        try (SqliteAuditStore store = new SqliteAuditStore(file, AuditFixtures.JSON)) {
            AuditFixtures.fill(store, 1, 3);
        }
        try (Connection c = AuditFixtures.tamper(file);
                Statement s = c.createStatement()) {
            java.util.Map<String, String> indexes = new java.util.TreeMap<>();
            try (var rs = s.executeQuery(
                    "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_records'")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(indexes).doesNotContainKey("audit_records_ws_ts");
            assertThat(indexes.get("audit_records_user_seq")).endsWith("WHERE user_id IS NOT NULL");
            assertThat(indexes.get("audit_records_session_seq")).endsWith("WHERE session_id IS NOT NULL");
            for (String column : java.util.List.of("user_id", "session_id")) {
                StringBuilder plan = new StringBuilder();
                try (var rs =
                        s.executeQuery("EXPLAIN QUERY PLAN SELECT seq FROM audit_records WHERE workspace = 'default'"
                                + " AND " + column + " = 'x' ORDER BY seq DESC LIMIT 10")) {
                    while (rs.next()) {
                        plan.append(rs.getString(4)).append('\n');
                    }
                }
                assertThat(plan.toString())
                        .contains(column.equals("user_id") ? "audit_records_user_seq" : "audit_records_session_seq");
            }
        }
    }
}
