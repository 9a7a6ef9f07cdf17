package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.Atrium;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.audit.AuditListParams;
import io.monago.atrium.audit.AuditPage;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.gateway.support.RunningGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's {@code audit().list(...)} against the real gateway: every page, fetched as iteration needs it. */
class AuditSdkListTest {

    @TempDir
    Path dataDir;

    @Test
    void listWalksEveryPageAndFiltersOnTheGateway() throws Exception {
        try (RunningGateway gateway = RunningGateway.defaults(dataDir);
                Atrium client = Atrium.builder()
                        .baseUrl(gateway.baseUrl())
                        .apiKey(RunningGateway.ADMIN_KEY)
                        .build()) {
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String content = i % 3 == 0 ? "Pasien NIK 3201234567890123 batuk" : "Apa itu BPJS " + i + "?";
                made.add(gateway.chat("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content
                                + "\"}]}")
                        .header("X-Monago-Audit-Id"));
            }
            Collections.reverse(made);

            List<String> all = client
                    .audit()
                    .list(AuditListParams.builder().limit(2).build())
                    .stream()
                    .map(AuditRecord::auditId)
                    .toList();
            assertThat(all).containsExactlyElementsOf(made);

            List<String> withNik = new ArrayList<>();
            for (AuditRecord r : client.audit()
                    .list(AuditListParams.builder().entityType("NIK").limit(1).build())) {
                withNik.add(r.auditId());
            }
            assertThat(withNik).containsExactly(made.get(0), made.get(3), made.get(6));

            AuditPage first = client.async()
                    .audit()
                    .listPage(AuditListParams.builder().limit(3).build(), RequestOptions.none())
                    .get();
            assertThat(first.data()).hasSize(3);
            assertThat(first.hasMore()).isTrue();
        }
    }
}
