package io.monago.atrium.gateway.audit;

import static io.monago.atrium.gateway.audit.AuditFixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tampering with a real store by editing its tables directly, the way someone with access to the
 * SQLite file or the PostgreSQL database would, and the verifier naming the record where it
 * happened. Every case runs against both stores.
 */
class AuditVerifierTest {

    private static final ChainKey KEY = ChainKey.of("a-chain-key-of-32-bytes-for-tests");

    @TempDir
    Path dir;

    private TestStore store;

    private void use(TestStore.Kind kind) {
        store = kind.create(dir);
    }

    @AfterEach
    void drop() {
        if (store != null) {
            store.close();
        }
    }

    private List<String> stored(int n, Optional<ChainKey> key, int checkpointEvery) {
        try (AuditStore s = store.open(new AuditOptions(key, checkpointEvery, Clock.systemUTC()))) {
            return fill(s, 1, n);
        }
    }

    private List<String> stored(int n) {
        return stored(n, Optional.empty(), 1_000);
    }

    private ChainCheckpoint latestCheckpoint() {
        try (ChainSource source = store.source()) {
            List<ChainCheckpoint> all = source.checkpoints();
            return all.get(all.size() - 1);
        }
    }

    private VerifyReport verify(Optional<ChainKey> key, Optional<ChainCheckpoint> checkpoint) {
        return store.verify(key, checkpoint);
    }

    private Connection tamper() throws SQLException {
        return store.tamper();
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void anUntouchedChainIsIntact(TestStore.Kind kind) {
        use(kind);
        List<String> ids = stored(10);

        VerifyReport r = verify(Optional.empty(), Optional.empty());

        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(10);
        assertThat(r.headAuditId()).contains(ids.get(9));
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void anAlteredRecordIsNamed(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(10);
        try (Connection c = tamper();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE audit_records SET record = replace(record, '\"decision\":\"allowed\"',"
                                + " '\"decision\":\"blocked\"') WHERE audit_id = ?")) {
            s.setString(1, ids.get(3));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        ChainBreak b = verify(Optional.empty(), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ALTERED);
        assertThat(b.position()).isEqualTo(4);
        assertThat(b.auditId()).contains(ids.get(3));
        assertThat(b.message()).contains("record 4 (" + ids.get(3) + ") was altered");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aColumnChangedToHideARecordFromSearchIsAnAlteration(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(5);
        try (Connection c = tamper();
                PreparedStatement s =
                        c.prepareStatement("UPDATE audit_records SET workspace = 'other' WHERE audit_id = ?")) {
            s.setString(1, ids.get(1));
            s.executeUpdate();
        }

        ChainBreak b = verify(Optional.empty(), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ALTERED);
        assertThat(b.position()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aDeletedRecordIsNamedByTheRecordAfterTheGap(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(10);
        try (Connection c = tamper();
                PreparedStatement s = c.prepareStatement("DELETE FROM audit_records WHERE audit_id = ?")) {
            s.setString(1, ids.get(5));
            s.executeUpdate();
        }

        ChainBreak b = verify(Optional.empty(), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.DELETED);
        assertThat(b.position()).isEqualTo(6);
        assertThat(b.message()).contains("after record 5 (" + ids.get(4) + ")").contains(ids.get(6));
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void theFirstRecordDeletedIsSeenAtTheStart(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(3);
        try (Connection c = tamper();
                PreparedStatement s = c.prepareStatement("DELETE FROM audit_records WHERE audit_id = ?")) {
            s.setString(1, ids.get(0));
            s.executeUpdate();
        }

        ChainBreak b = verify(Optional.empty(), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.DELETED);
        assertThat(b.position()).isEqualTo(1);
        assertThat(b.message()).contains("at the start of the chain");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void anInsertedRecordIsNamedEvenWhenItsOwnHashIsRight(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(10);
        try (Connection c = tamper();
                Statement s = c.createStatement()) {
            // Make room after record 5, then forge a record there, hashed correctly onto record 5.
            s.executeUpdate("UPDATE audit_records SET seq = -(seq + 1) WHERE seq > 5");
            s.executeUpdate("UPDATE audit_records SET seq = -seq WHERE seq < 0");
            String prev;
            try (ResultSet rs = s.executeQuery("SELECT hash FROM audit_records WHERE seq = 5")) {
                rs.next();
                prev = rs.getString(1);
            }
            AuditEntry forged = AuditFixtures.entry(99);
            AuditChain chain = new AuditChain(AuditFixtures.JSON, prev);
            String text = chain.link(forged.body());
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_records(seq, audit_id, ts, workspace,"
                    + " key_id, decision, status, record, prev_hash, hash, user_id, session_id, model, at_ms)"
                    + " VALUES (6,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ins.setString(1, forged.auditId());
                ins.setString(2, forged.timestamp());
                ins.setString(3, forged.workspaceId());
                ins.setString(4, forged.keyId().orElse(null));
                ins.setString(5, forged.decision());
                ins.setInt(6, forged.status());
                ins.setString(7, text);
                ins.setString(8, prev);
                ins.setString(9, chain.lastHash());
                ins.setString(10, forged.body().path("user").asText());
                ins.setString(11, forged.body().path("session_id").asText());
                ins.setString(12, forged.body().path("model").asText());
                ins.setLong(13, java.time.Instant.parse(forged.timestamp()).toEpochMilli());
                ins.executeUpdate();
            }
        }

        ChainBreak b = verify(Optional.empty(), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.INSERTED);
        assertThat(b.position()).isEqualTo(6);
        assertThat(b.auditId()).contains("audit-test-000099");
        assertThat(ids).doesNotContain("audit-test-000099");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aTruncatedTailPassesAloneButNotAgainstACheckpoint(TestStore.Kind kind) throws SQLException {
        use(kind);
        stored(10);
        ChainCheckpoint exported = latestCheckpoint();
        assertThat(exported.records()).isEqualTo(10);
        // Whoever cuts the tail also removes the store's own checkpoints.
        store.truncateAfter(7);

        assertThat(verify(Optional.empty(), Optional.empty()).problem()).isEmpty();
        ChainBreak b = verify(Optional.empty(), Optional.of(exported)).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.TRUNCATED);
        assertThat(b.position()).isEqualTo(8);
        assertThat(b.message()).contains("ends at record 7").contains("records 8 to 10 were removed");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aRewrittenTailIsCaughtByACheckpoint(TestStore.Kind kind) throws SQLException {
        use(kind);
        stored(6);
        ChainCheckpoint exported = latestCheckpoint();
        store.truncateAfter(4);
        // The tail is written again, with valid hashes (the chain is not keyed).
        try (AuditStore s = store.open()) {
            fill(s, 50, 51);
        }

        ChainBreak b = verify(Optional.empty(), Optional.of(exported)).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.REWRITTEN);
        assertThat(b.position()).isEqualTo(6);
        assertThat(b.auditId()).contains("audit-test-000051");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aPlainChainRewrittenWithRecomputedHashesShowsOnlyWhereItWasJoined(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(5);
        rewriteWithPlainSha(ids.get(2));

        ChainBreak b = verify(Optional.empty(), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.REWRITTEN);
        assertThat(b.position()).isEqualTo(3);
        assertThat(b.auditId()).contains(ids.get(2));
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aKeyedChainCannotBeRewrittenWithoutTheKey(TestStore.Kind kind) throws SQLException {
        use(kind);
        List<String> ids = stored(5, Optional.of(KEY), 1_000);
        rewriteWithPlainSha(ids.get(2));

        ChainBreak b = verify(Optional.of(KEY), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ALTERED);
        assertThat(b.position()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aKeyedChainVerifiesOnlyWithItsKey(TestStore.Kind kind) {
        use(kind);
        stored(3, Optional.of(KEY), 1_000);

        assertThat(verify(Optional.of(KEY), Optional.empty()).problem()).isEmpty();
        assertThat(verify(Optional.empty(), Optional.empty())
                        .problem()
                        .orElseThrow()
                        .kind())
                .isEqualTo(ChainBreak.Kind.WRONG_KEY);
        assertThat(verify(Optional.of(ChainKey.of("another-key-of-enough-bytes")), Optional.empty())
                        .problem()
                        .orElseThrow()
                        .kind())
                .isEqualTo(ChainBreak.Kind.WRONG_KEY);
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aKeyedStoreRefusesToOpenWithoutItsKey(TestStore.Kind kind) {
        use(kind);
        stored(1, Optional.of(KEY), 1_000);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.open())
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("audit.chain_key");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void checkpointsAreWrittenPeriodicallyAndSignedWithTheKey(TestStore.Kind kind) {
        use(kind);
        try (AuditStore s = store.open(new AuditOptions(Optional.of(KEY), 10, Clock.systemUTC()))) {
            // Each fill waits for its records, so each commit ends at a multiple of ten; the last
            // checkpoint is the one written at close.
            fill(s, 1, 10);
            fill(s, 11, 20);
            fill(s, 21, 25);
        }

        List<ChainCheckpoint> all;
        try (ChainSource source = store.source()) {
            all = source.checkpoints();
        }

        assertThat(all).extracting(ChainCheckpoint::records).containsExactly(10L, 20L, 25L);
        assertThat(all).allMatch(cp -> cp.signedBy(KEY));
        VerifyReport r = verify(Optional.of(KEY), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.checkpointsMatched()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aForgedCheckpointIsRefused(TestStore.Kind kind) {
        use(kind);
        stored(3, Optional.of(KEY), 1_000);
        ChainCheckpoint real = latestCheckpoint();
        ChainCheckpoint forged =
                new ChainCheckpoint(2, real.headAuditId(), real.headHash(), real.createdAt(), real.signature());

        ChainBreak b = verify(Optional.of(KEY), Optional.of(forged)).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.FORGED_CHECKPOINT);
    }

    @Test
    void aCheckpointSurvivesItsJsonForm() {
        ChainCheckpoint cp =
                ChainCheckpoint.take(7, "audit-x", "ab".repeat(32), "2026-01-01T00:00:00Z", Optional.of(KEY));

        ChainCheckpoint back = ChainCheckpoint.fromJson(AuditFixtures.JSON, cp.toJson(AuditFixtures.JSON));

        assertThat(back).isEqualTo(cp);
        assertThat(back.signedBy(KEY)).isTrue();
    }

    /** Replaces a record's decision and recomputes its plain SHA-256 hash, as an editor without the key would. */
    private void rewriteWithPlainSha(String auditId) throws SQLException {
        try (Connection c = tamper()) {
            String record;
            String prev;
            try (PreparedStatement q =
                    c.prepareStatement("SELECT record, prev_hash FROM audit_records WHERE audit_id = ?")) {
                q.setString(1, auditId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    record = rs.getString(1);
                    prev = rs.getString(2);
                }
            }
            var body = (com.fasterxml.jackson.databind.node.ObjectNode) AuditFixtures.JSON.readTree(record);
            body.put("user", "someone-else");
            AuditChain chain = new AuditChain(AuditFixtures.JSON, prev);
            String text = chain.link(body);
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE audit_records SET record = ?, hash = ?, user_id = 'someone-else' WHERE audit_id = ?")) {
                u.setString(1, text);
                u.setString(2, chain.lastHash());
                u.setString(3, auditId);
                u.executeUpdate();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
