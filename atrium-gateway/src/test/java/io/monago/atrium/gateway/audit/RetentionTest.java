package io.monago.atrium.gateway.audit;

import static io.monago.atrium.gateway.audit.AuditFixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention removes the oldest records in batches, and the chain still verifies from the cut; on
 * both stores.
 */
class RetentionTest {

    private static final ChainKey KEY = ChainKey.of("a-chain-key-of-32-bytes-for-tests");

    @TempDir
    Path dir;

    private TestStore kept;

    private TestStore use(TestStore.Kind kind) {
        kept = kind.create(dir);
        return kept;
    }

    @AfterEach
    void drop() {
        if (kept != null) {
            kept.close();
        }
    }

    private AuditStore open() {
        return kept.open(new AuditOptions(Optional.of(KEY), 1_000, Clock.systemUTC()));
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void oldRecordsGoAndTheChainVerifiesFromTheCut(TestStore.Kind kind) {
        use(kind);
        int total = kept.pruneBatch() * 2 + 500;
        List<String> ids;
        try (AuditStore store = open()) {
            ids = fill(store, 1, total);
            // Fixture record i arrived at second i of 2026: keep what arrived from second 2101 on.
            long removed = store.prune(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(2101))
                    .join();
            assertThat(removed).isEqualTo(2100);
            assertThat(store.find(ids.get(2099)).join()).isEmpty();
            assertThat(store.find(ids.get(2100)).join()).isPresent();
            // New records go on from the kept ones.
            fill(store, total + 1, total + 3);
        }

        VerifyReport r = kept.verify(Optional.of(KEY), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(total + 3);
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aCheckpointFromBeforeTheCutStillCatchesATruncatedTail(TestStore.Kind kind) throws Exception {
        use(kind);
        ChainCheckpoint anchor;
        try (AuditStore store = open()) {
            fill(store, 1, 10);
            store.prune(Instant.parse("2026-01-01T00:00:04Z")).join();
        }
        try (ChainSource source = kept.source()) {
            List<ChainCheckpoint> all = source.checkpoints();
            anchor = all.get(all.size() - 1);
        }
        assertThat(anchor.records()).isEqualTo(10);
        try (Connection c = kept.tamper();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_records WHERE audit_id = 'audit-test-000010'");
        }

        ChainBreak b =
                kept.verify(Optional.of(KEY), Optional.of(anchor)).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.TRUNCATED);
        assertThat(b.message()).contains("ends at record 9");
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void recordsCutFromTheStartWithoutRetentionAreCaught(TestStore.Kind kind) throws Exception {
        use(kind);
        try (AuditStore store = open()) {
            fill(store, 1, 6);
            store.prune(Instant.parse("2026-01-01T00:00:03Z")).join();
        }
        try (Connection c = kept.tamper();
                Statement s = c.createStatement()) {
            // Remove two more from the start and move the base over them, as retention would, but
            // without the key there is no signed checkpoint for the new cut.
            s.executeUpdate("UPDATE audit_chain SET base_records = 4, base_hash ="
                    + " (SELECT hash FROM audit_records WHERE audit_id = 'audit-test-000004')");
            s.executeUpdate("DELETE FROM audit_records WHERE audit_id IN ('audit-test-000003', 'audit-test-000004')");
        }

        ChainBreak b = kept.verify(Optional.of(KEY), Optional.empty()).problem().orElseThrow();

        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.DELETED);
        assertThat(b.message()).contains("no signed checkpoint anchors that cut");
    }
}
