package io.monago.atrium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway on two event loops: concurrent calls are all answered, governed and audited. */
class SeveralEventLoopsTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrentCallsOnTwoLoopsAreAnsweredAndAuditedEachOnce() {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (RunningGateway gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("atrium.yaml", "server:\n  event_loops: 2\n"), dataDir)) {
            List<CompletableFuture<RunningGateway.Reply>> calls = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> gateway.chat("{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\","
                                    + "\"content\":\"Pasien NIK 3201234567890123, pertanyaan " + i + "\"}]}"),
                            callers))
                    .toList();
            List<RunningGateway.Reply> replies =
                    calls.stream().map(CompletableFuture::join).toList();

            assertThat(replies).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).doesNotContain("3201234567890123");
            });
            List<String> ids = replies.stream()
                    .map(r -> r.header(ProtocolHeaders.AUDIT_ID))
                    .toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(40);
            assertThat(ids)
                    .allSatisfy(id -> assertThat(gateway.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                                    .status())
                            .isEqualTo(200));
        } finally {
            callers.shutdownNow();
        }
    }
}
