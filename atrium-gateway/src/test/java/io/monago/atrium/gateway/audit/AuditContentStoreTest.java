package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The content table on both stores: written with its record, read back, removed with its record by
 * retention, and kept out of the chain (the chain still verifies).
 */
class AuditContentStoreTest {

    @TempDir
    Path dir;

    private TestStore kept;

    @AfterEach
    void drop() {
        if (kept != null) {
            kept.close();
        }
    }

    private static AuditEntry withContent(int i) {
        return AuditFixtures.entry(i)
                .withContent(Optional.of(new AuditContent(
                        "[{\"role\":\"user\",\"content\":\"NIK [NIK_1] nomor " + i + "\"}]",
                        i % 5 == 0 ? Optional.empty() : Optional.of("answer " + i))));
    }

    private static long contentRows(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_content")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void contentIsKeptWithItsRecordAndGoesWithIt(TestStore.Kind kind) throws Exception {
        kept = kind.create(dir);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try (AuditStore store = kept.open()) {
            for (int i = 1; i <= 40; i++) {
                // Every other record without content, as from a workspace that keeps none.
                done.add(store.append(i % 2 == 0 ? withContent(i) : AuditFixtures.entry(i)));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

            AuditContent c =
                    store.findContent(AuditFixtures.entry(4).auditId()).join().orElseThrow();
            assertThat(c.requestJson()).isEqualTo("[{\"role\":\"user\",\"content\":\"NIK [NIK_1] nomor 4\"}]");
            assertThat(c.responseText()).contains("answer 4");
            assertThat(store.findContent(AuditFixtures.entry(10).auditId())
                            .join()
                            .orElseThrow()
                            .responseText())
                    .isEmpty();
            assertThat(store.findContent(AuditFixtures.entry(3).auditId()).join())
                    .isEmpty();
            try (Connection t = kept.tamper()) {
                assertThat(contentRows(t)).isEqualTo(20);
            }

            // Records 1..20 arrived before second 21.
            assertThat(store.prune(Instant.parse("2026-01-01T00:00:21Z")).join())
                    .isEqualTo(20);
            assertThat(store.findContent(AuditFixtures.entry(20).auditId()).join())
                    .isEmpty();
            assertThat(store.findContent(AuditFixtures.entry(22).auditId()).join())
                    .isPresent();
            try (Connection t = kept.tamper()) {
                assertThat(contentRows(t)).isEqualTo(10);
            }
        }
        VerifyReport r = kept.verify(Optional.empty(), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void anAnswerWithANulCharacterIsStoredAndDoesNotFailTheBatch(TestStore.Kind kind) {
        kept = kind.create(dir);
        try (AuditStore store = kept.open()) {
            AuditEntry e =
                    AuditFixtures.entry(1).withContent(Optional.of(new AuditContent("[]", Optional.of("a\u0000b"))));
            CompletableFuture.allOf(store.append(e), store.append(AuditFixtures.entry(2)))
                    .join();
            assertThat(store.findContent(e.auditId()).join().orElseThrow().responseText())
                    .contains("a\uFFFDb");
        }
        VerifyReport r = kept.verify(Optional.empty(), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(2);
    }
}
