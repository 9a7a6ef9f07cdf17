package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every store does the same way: append, find, each search filter, pagination in both orders,
 * and a chain that verifies after many concurrent appends. Runs against SQLite and PostgreSQL.
 */
class AuditStoreTest {

    /** Records 1..12: workspace "default" except every fourth, key "a" for multiples of 3, "b" otherwise. */
    private static final int N = 12;

    @TempDir
    Path dir;

    private TestStore kept;

    @AfterEach
    void drop() {
        if (kept != null) {
            kept.close();
        }
    }

    private static AuditEntry record(int i) {
        String ws = i % 4 == 0 ? "other" : "default";
        Optional<String> key = i % 3 == 0 ? Optional.of("a") : Optional.of("b");
        return AuditFixtures.entry(i, ws, key, i % 5 == 0 ? "blocked" : "allowed");
    }

    private AuditStore filled(TestStore.Kind kind) {
        kept = kind.create(dir);
        AuditStore store = kept.open();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            done.add(store.append(record(i)));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        return store;
    }

    private static List<String> ids(AuditStore store, AuditQuery.Builder q) {
        return store.search(q.limit(AuditQuery.MAX_LIMIT).build()).join().records().stream()
                .map(StoredAudit::auditId)
                .toList();
    }

    /** The ids of workspace "default" records that match, newest first. */
    private static List<String> where(IntPredicate match) {
        List<String> out = new ArrayList<>();
        for (int i = N; i >= 1; i--) {
            if (i % 4 != 0 && match.test(i)) {
                out.add(record(i).auditId());
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aRecordIsFoundAsStoredWithItsHashes(TestStore.Kind kind) throws Exception {
        try (AuditStore store = filled(kind)) {
            StoredAudit found = store.find(record(3).auditId()).join().orElseThrow();

            assertThat(found.workspaceId()).isEqualTo("default");
            assertThat(found.keyId()).contains("a");
            var json = AuditFixtures.JSON.readTree(found.json());
            assertThat(json.path("audit_id").asText()).isEqualTo(record(3).auditId());
            assertThat(json.path("hash").asText()).hasSize(64);
            assertThat(json.path("prev_hash").asText()).hasSize(64);
            assertThat(store.find("audit-not-there").join()).isEmpty();
            assertThat(store.isHealthy()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void eachFilterNarrowsTheRecords(TestStore.Kind kind) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (AuditStore store = filled(kind)) {
            assertThat(ids(store, AuditQuery.in("default"))).containsExactlyElementsOf(where(i -> true));
            assertThat(ids(store, AuditQuery.in("default").keyId("a")))
                    .containsExactlyElementsOf(where(i -> i % 3 == 0));
            assertThat(ids(store, AuditQuery.in("default").user("user-1")))
                    .containsExactlyElementsOf(where(i -> i % 3 == 1));
            assertThat(ids(store, AuditQuery.in("default").sessionId("session-0")))
                    .containsExactlyElementsOf(where(i -> i % 2 == 0));
            assertThat(ids(store, AuditQuery.in("default").model("gpt-5.4")))
                    .containsExactlyElementsOf(where(i -> i % 2 == 1));
            assertThat(ids(store, AuditQuery.in("default").decision("blocked")))
                    .containsExactlyElementsOf(where(i -> i % 5 == 0));
            assertThat(ids(store, AuditQuery.in("default").metadata("department", Optional.of("jantung"))))
                    .containsExactlyElementsOf(where(i -> i % 2 == 1));
            assertThat(ids(store, AuditQuery.in("default").metadata("department", Optional.empty())))
                    .containsExactlyElementsOf(where(i -> true));
            assertThat(ids(store, AuditQuery.in("default").metadata("ward", Optional.empty())))
                    .isEmpty();
            assertThat(ids(store, AuditQuery.in("default").metadata("department", Optional.of("kulit"))))
                    .isEmpty();
            assertThat(ids(store, AuditQuery.in("default").entityType("NIK")))
                    .containsExactlyElementsOf(where(i -> i % 2 == 0));
            assertThat(ids(store, AuditQuery.in("default").ruleId("pii.PHONE.flag")))
                    .containsExactlyElementsOf(where(i -> i % 2 == 1));
            assertThat(ids(store, AuditQuery.in("default").from(start.plusSeconds(6))))
                    .containsExactlyElementsOf(where(i -> i >= 6));
            assertThat(ids(store, AuditQuery.in("default").to(start.plusSeconds(6))))
                    .containsExactlyElementsOf(where(i -> i < 6));
            assertThat(ids(
                            store,
                            AuditQuery.in("default")
                                    .keyId("b")
                                    .entityType("PHONE")
                                    .decision("allowed")))
                    .containsExactlyElementsOf(where(i -> i % 3 != 0 && i % 2 == 1 && i % 5 != 0));
            assertThat(ids(store, AuditQuery.in("other"))).hasSize(3);
            assertThat(ids(store, AuditQuery.anyWorkspace())).hasSize(N);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void pagesFollowTheCursorInBothOrdersWithoutRepeatsOrGaps(TestStore.Kind kind) {
        try (AuditStore store = filled(kind)) {
            List<String> newest = pages(store, AuditQuery.in("default").limit(4));
            List<String> oldest =
                    pages(store, AuditQuery.in("default").oldestFirst().limit(4));

            assertThat(newest).containsExactlyElementsOf(where(i -> true));
            List<String> reversed = new ArrayList<>(oldest);
            java.util.Collections.reverse(reversed);
            assertThat(reversed).containsExactlyElementsOf(newest);
        }
    }

    private static List<String> pages(AuditStore store, AuditQuery.Builder q) {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            AuditPage page = store.search(q.build()).join();
            page.records().forEach(r -> seen.add(r.auditId()));
            pages++;
            if (page.next().isEmpty()) {
                break;
            }
            q.after(page.next().get());
        }
        assertThat(pages).isEqualTo(3);
        return seen;
    }

    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void manyConcurrentAppendsMakeOneChainThatVerifies(TestStore.Kind kind) {
        kept = kind.create(dir);
        int n = 2_000;
        try (AuditStore store = kept.open()) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * (n / 4) + 1;
                Thread th = new Thread(() -> {
                    for (int i = from; i < from + n / 4; i++) {
                        CompletableFuture<Void> f = store.append(AuditFixtures.entry(i));
                        synchronized (done) {
                            done.add(f);
                        }
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            long batches = store instanceof SqliteAuditStore sqlite
                    ? sqlite.batchesWritten()
                    : ((PostgresAuditStore) store).batchesWritten();
            // Group commit: some commits held several records (at most 512 each).
            assertThat(batches).isBetween((long) (n + 511) / 512, (long) n - 1);
        }

        VerifyReport r = kept.verify(Optional.empty(), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(n);
        // Two checkpoints on the way (every 1 000) and, unless the last fell at the head, one at close.
        assertThat(r.checkpointsMatched()).isGreaterThanOrEqualTo(2);
    }

    /**
     * A record the store refuses (its audit id is taken) fails alone: the records written in the
     * same group commit are stored and acknowledged, and the chain stays whole.
     */
    @ParameterizedTest
    @EnumSource(TestStore.Kind.class)
    void aRefusedRecordDoesNotCostTheRecordsBesideItInTheBatch(TestStore.Kind kind) {
        int n = 200;
        kept = kind.create(dir);
        List<CompletableFuture<Void>> distinct = new ArrayList<>();
        List<CompletableFuture<Void>> repeats = new ArrayList<>();
        try (AuditStore store = kept.open()) {
            store.append(record(1)).join();
            // Queued back to back, so the writer takes them in a few batches, each with repeats inside.
            for (int i = 2; i <= n; i++) {
                distinct.add(store.append(record(i)));
                if (i % 50 == 0) {
                    repeats.add(store.append(record(1)));
                }
            }
            for (CompletableFuture<Void> f : distinct) {
                assertThat(f).succeedsWithin(java.time.Duration.ofSeconds(30));
            }
            for (CompletableFuture<Void> f : repeats) {
                assertThat(f).failsWithin(java.time.Duration.ofSeconds(30));
            }
            for (int i = 1; i <= n; i++) {
                assertThat(store.find(record(i).auditId()).join())
                        .as("record " + i)
                        .isPresent();
            }
        }
        VerifyReport r = kept.verify(Optional.empty(), Optional.empty());
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(n);
    }
}
