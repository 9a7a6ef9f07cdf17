package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /v1/audit} on the real gateway: every filter, pagination, and who sees what; with the
 * SQLite store here, with PostgreSQL in {@link PostgresAuditSearchTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest {

    private static final String APP_A = "sk-mng-search-app-a";
    private static final String APP_B = "sk-mng-search-app-b";
    private static final String OTHER_ADMIN = "sk-mng-search-other-admin";

    Path dataDir;

    RunningGateway gateway;
    /** Audit ids of the calls made, oldest first. */
    final List<String> all = new ArrayList<>();

    final List<String> byA = new ArrayList<>();
    String middleTimestamp;
    String middleId;

    /** {@return the audit section of the gateway's configuration: empty for the SQLite default} */
    String auditYaml() {
        return "";
    }

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = java.nio.file.Files.createTempDirectory("atrium-audit-search");
        String yaml = "workspaces:\n  - id: default\n  - id: other\n"
                + "keys:\n"
                + "  - {id: app-a, hash: \"" + ApiKeyHash.of(APP_A) + "\"}\n"
                + "  - {id: app-b, hash: \"" + ApiKeyHash.of(APP_B) + "\"}\n"
                + "  - {id: other-admin, hash: \"" + ApiKeyHash.of(OTHER_ADMIN)
                + "\", workspace: other, admin: true}\n"
                + auditYaml();
        gateway = RunningGateway.start(new ConfigLoader(k -> null).parse("search.yaml", yaml), dataDir);
        for (int i = 0; i < 12; i++) {
            String key = i % 3 == 0 ? APP_A : APP_B;
            String content = i % 4 == 0
                    ? "Pasien NIK 3201234567890123 batuk"
                    : i % 4 == 1 ? "My SSN is 123-45-6789" : "Apa itu BPJS " + i + "?";
            Map<String, String> headers = new HashMap<>();
            headers.put("Authorization", "Bearer " + key);
            headers.put("X-Monago-User-Id", "dr-" + (i % 2 == 0 ? "sari" : "budi"));
            headers.put("X-Monago-Session-Id", "ward-" + (i % 3));
            headers.put("X-Monago-Metadata", "{\"department\":\"" + (i < 6 ? "paru" : "jantung") + "\"}");
            String model = i % 2 == 0 ? "gpt-5.4-mini" : "echo";
            var r = gateway.post(
                    "/chat/completions",
                    "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}",
                    headers);
            String id = r.header("X-Monago-Audit-Id");
            all.add(id);
            if (key.equals(APP_A)) {
                byA.add(id);
            }
            if (i == 6) {
                middleId = id;
                middleTimestamp = gateway.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                        .json()
                        .path("timestamp")
                        .asText();
            }
        }
    }

    @AfterAll
    void stop() throws java.io.IOException {
        gateway.close();
        try (var paths = java.nio.file.Files.walk(dataDir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
        afterGateway();
    }

    /** Removes what the store left once the gateway is closed: nothing for a SQLite file in the data folder. */
    void afterGateway() {}

    private RunningGateway.Reply search(String key, String query) {
        return gateway.get("/audit" + (query.isEmpty() ? "" : "?" + query), Optional.of(key));
    }

    private List<String> ids(String key, String query) {
        RunningGateway.Reply r = search(key, query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("data").forEach(rec -> ids.add(rec.path("audit_id").asText()));
        return ids;
    }

    private static List<String> newestFirst(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<String> where(java.util.function.IntPredicate call) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (call.test(i)) {
                out.add(all.get(i));
            }
        }
        return newestFirst(out);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void anAdminSeesEveryRecordOfItsWorkspaceNewestFirst() {
        assertThat(ids(RunningGateway.ADMIN_KEY, "limit=500")).containsExactlyElementsOf(newestFirst(all));
    }

    @Test
    void eachFilterNarrowsTheRecords() {
        String admin = RunningGateway.ADMIN_KEY;
        assertThat(ids(admin, "key_id=app-a")).containsExactlyElementsOf(newestFirst(byA));
        assertThat(ids(admin, "user=dr-budi")).containsExactlyElementsOf(where(i -> i % 2 == 1));
        assertThat(ids(admin, "session_id=ward-2")).containsExactlyElementsOf(where(i -> i % 3 == 2));
        assertThat(ids(admin, "metadata=department:jantung")).containsExactlyElementsOf(where(i -> i >= 6));
        assertThat(ids(admin, "metadata=department")).containsExactlyElementsOf(newestFirst(all));
        assertThat(ids(admin, "metadata=ward:paru")).isEmpty();
        assertThat(ids(admin, "model=echo")).containsExactlyElementsOf(where(i -> i % 2 == 1));
        assertThat(ids(admin, "decision=blocked")).containsExactlyElementsOf(where(i -> i % 4 == 1));
        assertThat(ids(admin, "entity_type=NIK")).containsExactlyElementsOf(where(i -> i % 4 == 0));
        assertThat(ids(admin, "rule_id=pii.SSN.block")).containsExactlyElementsOf(where(i -> i % 4 == 1));
        assertThat(ids(admin, "from=" + enc(middleTimestamp))).containsExactlyElementsOf(where(i -> i >= 6));
        assertThat(ids(admin, "to=" + enc(middleTimestamp)))
                .doesNotContain(middleId)
                .contains(all.get(0));
        assertThat(ids(admin, "user=dr-sari&model=gpt-5.4-mini&decision=blocked"))
                .isEmpty();
        assertThat(ids(admin, "user=dr-sari&entity_type=NIK&key_id=app-a"))
                .containsExactlyElementsOf(where(i -> i % 4 == 0 && i % 3 == 0));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        List<String> seen = new ArrayList<>();
        String query = "limit=5";
        int pages = 0;
        while (true) {
            JsonNode page = search(RunningGateway.ADMIN_KEY, query).json();
            page.path("data").forEach(r -> seen.add(r.path("audit_id").asText()));
            pages++;
            if (!page.path("has_more").asBoolean()) {
                assertThat(page.path("next_cursor").isNull()).isTrue();
                break;
            }
            query = "limit=5&cursor=" + enc(page.path("next_cursor").asText());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst(all));
    }

    @Test
    void aKeyThatIsNotAdminSeesOnlyItsOwnCalls() {
        assertThat(ids(APP_A, "")).containsExactlyElementsOf(newestFirst(byA));
        assertThat(ids(APP_A, "key_id=app-b")).isEmpty();
        assertThat(ids(APP_A, "user=dr-budi")).allMatch(byA::contains);
    }

    @Test
    void anAdminOfAnotherWorkspaceSeesNothingHere() {
        assertThat(ids(OTHER_ADMIN, "")).isEmpty();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        RunningGateway.Reply unknown = search(RunningGateway.ADMIN_KEY, "usr=dr-sari");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("message").asText()).contains("'usr'");
        assertThat(search(RunningGateway.ADMIN_KEY, "from=yesterday").status()).isEqualTo(400);
        assertThat(search(RunningGateway.ADMIN_KEY, "limit=0").status()).isEqualTo(400);
        assertThat(search(RunningGateway.ADMIN_KEY, "cursor=abc").status()).isEqualTo(400);
        assertThat(gateway.get("/audit", Optional.empty()).status()).isEqualTo(401);
    }
}
