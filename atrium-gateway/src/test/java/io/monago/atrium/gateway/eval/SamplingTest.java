package io.monago.atrium.gateway.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampling is decided by the audit id, so which calls were evaluated can be told in advance. */
class SamplingTest {
    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new io.monago.atrium.gateway.config.ConfigLoader(k -> null).parse("test.yaml", """
                        workspaces:
                          - id: default
                            evaluators:
                              - {name: half, type: refusal, sample_rate: 0.5}
                              - {name: never, type: refusal, sample_rate: 0}
                        """), dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void eachCallIsEvaluatedExactlyWhenItsAuditIdIsInTheSample() {
        int sampled = 0;
        int calls = 24;
        for (int i = 0; i < calls; i++) {
            RunningGateway.Reply r = gateway.chat(
                    "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"halo " + i + "\"}]}");
            String auditId = r.header(ProtocolHeaders.AUDIT_ID);
            JsonNode evaluations = gateway.get("/audit/" + auditId, Optional.of(RunningGateway.ADMIN_KEY))
                    .json()
                    .path("evaluations");
            boolean expected = Sampling.sampled(auditId, "half", 0.5);
            assertThat(evaluations.size()).as(auditId).isEqualTo(expected ? 1 : 0);
            sampled += expected ? 1 : 0;
        }
        // 24 calls at one half: all in or all out would be a 1 in 8 million chance.
        assertThat(sampled).isBetween(1, calls - 1);
    }

    @Test
    void theSampleIsTheRateAndStableForOneCall() {
        long in = IntStream.range(0, 20_000)
                .filter(i -> Sampling.sampled("audit-" + i, "toxicity", 0.1))
                .count();

        assertThat(in).isBetween(1_800L, 2_200L);
        assertThat(Sampling.sampled("audit-7", "toxicity", 0.1))
                .isEqualTo(Sampling.sampled("audit-7", "toxicity", 0.1));
        assertThat(IntStream.range(0, 1000).noneMatch(i -> Sampling.sampled("audit-" + i, "x", 0)))
                .isTrue();
        assertThat(IntStream.range(0, 1000).allMatch(i -> Sampling.sampled("audit-" + i, "x", 1)))
                .isTrue();
    }
}
