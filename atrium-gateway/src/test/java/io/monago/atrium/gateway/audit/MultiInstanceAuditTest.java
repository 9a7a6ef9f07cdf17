package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.PostgresSchemas;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.gateway.support.TestRedis;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on random ports sharing one PostgreSQL store and one Redis, under concurrent load on
 * both: every audit id a client received is found through either gateway, a retry with the same
 * {@code Idempotency-Key} sent to the other gateway replays the first answer (one record, one
 * audit id), and the one chain they wrote verifies.
 */
class MultiInstanceAuditTest {

    private static final int CLIENTS_PER_GATEWAY = 4;
    private static final int CALLS_PER_CLIENT = 50;
    private static final String BODY = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dirA;

    @TempDir
    Path dirB;

    private final PostgresSchemas schema = PostgresSchemas.fresh();
    private final TestRedis redis = new TestRedis();

    @AfterEach
    void drop() {
        schema.close();
        redis.close();
    }

    private RunningGateway start(Path dataDir) {
        String yaml = schema.auditYaml() + "  checkpoint_every: 50\n" + "idempotency:\n  store: " + TestRedis.URL
                + "\n  key_prefix: \"" + redis.prefix() + "\"\n";
        return RunningGateway.start(new ConfigLoader(k -> null).parse("shared.yaml", yaml), dataDir);
    }

    @Test
    void everyIdIsFoundOnEitherGatewayAndTheSharedChainVerifies() throws Exception {
        List<String> fromA = new CopyOnWriteArrayList<>();
        List<String> fromB = new CopyOnWriteArrayList<>();
        try (RunningGateway a = start(dirA);
                RunningGateway b = start(dirB)) {
            ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_GATEWAY);
            try {
                List<Future<?>> running = new java.util.ArrayList<>();
                for (int c = 0; c < CLIENTS_PER_GATEWAY; c++) {
                    running.add(clients.submit(() -> load(a, fromA)));
                    running.add(clients.submit(() -> load(b, fromB)));
                }
                running.add(clients.submit(() -> retriedOnTheOther(a, b, fromA)));
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                clients.shutdown();
            }
            assertThat(fromA).hasSize(CLIENTS_PER_GATEWAY * CALLS_PER_CLIENT + RETRIED);
            assertThat(fromB).hasSize(CLIENTS_PER_GATEWAY * CALLS_PER_CLIENT);
            // Each gateway reads the other's records from the shared store.
            for (String id : fromA) {
                assertThat(b.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                                .status())
                        .as(id)
                        .isEqualTo(200);
            }
            for (String id : fromB) {
                assertThat(a.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                                .status())
                        .as(id)
                        .isEqualTo(200);
            }
        }

        PostgresTarget target = PostgresTarget.of(
                PostgresSchemas.URL, Optional.of(schema.name()), Optional.of(PostgresSchemas.USER), Optional.empty());
        VerifyReport r;
        try (ChainSource source = new PostgresChainSource(target)) {
            r = new AuditVerifier(AuditFixtures.JSON, Optional.empty()).verify(source, Optional.empty());
        }
        assertThat(r.problem()).isEmpty();
        assertThat(r.records()).isEqualTo(fromA.size() + fromB.size());
        assertThat(r.checkpointsMatched()).isPositive();
    }

    /** Calls sent to one gateway, each retried on the other with the same key. */
    private static final int RETRIED = 20;

    private static void retriedOnTheOther(RunningGateway first, RunningGateway other, List<String> ids) {
        for (int i = 0; i < RETRIED; i++) {
            Map<String, String> headers =
                    Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY, "Idempotency-Key", "retry-" + i);
            RunningGateway.Reply original = first.post("/chat/completions", BODY, headers);
            assertThat(original.status()).as(original.body()).isEqualTo(200);
            RunningGateway.Reply retry = other.post("/chat/completions", BODY, headers);
            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.header(ProtocolHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
            assertThat(retry.header(ProtocolHeaders.AUDIT_ID))
                    .as("the retry is the first call, audited once")
                    .isEqualTo(original.header(ProtocolHeaders.AUDIT_ID));
            ids.add(original.header(ProtocolHeaders.AUDIT_ID));
        }
    }

    private static void load(RunningGateway gateway, List<String> ids) {
        for (int i = 0; i < CALLS_PER_CLIENT; i++) {
            RunningGateway.Reply r = gateway.post(
                    "/chat/completions", BODY, Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            ids.add(r.header("X-Monago-Audit-Id"));
        }
    }
}
