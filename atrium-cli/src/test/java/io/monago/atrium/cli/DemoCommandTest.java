package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atrium demo} as README's first command runs it: a real process, offline, no keys. */
class DemoCommandTest {

    @Test
    void walksThroughRedactionBlocksAndTheAuditRecordAndExitsZero(@TempDir Path dir) throws Exception {
        try (CliProcess demo = CliProcess.start(dir, Map.of("NO_COLOR", "1"), "demo")) {
            int exit = demo.waitFor(120);
            String out = String.join("\n", demo.output());
            assertThat(exit).as(out).isZero();
            assertThat(out)
                    .contains("1. A clinical prompt with a NIK and a phone number")
                    .contains("PII redacted        NIK, PHONE")
                    .contains("policy decision     allowed")
                    .contains("provider            echo")
                    .contains("2. A prompt with a US social security number")
                    .contains("PiiBlockedException (HTTP 400)")
                    .contains("3. A prompt injection")
                    .contains("SecurityBlockedException (HTTP 400)")
                    .contains("security incidents  prompt_injection")
                    .contains("4. The audit record of call 1")
                    .doesNotContain("\tat ")
                    .doesNotContain("\u001b[");
            String answer = out.substring(out.indexOf("Answer"), out.indexOf("Governance"));
            assertThat(answer)
                    .contains("[NIK_1]")
                    .doesNotContain("3201234567890123")
                    .doesNotContain("081234567890");
            assertThat(out.substring(out.indexOf("4. The audit record"))).doesNotContain("3201234567890123");
        }
    }
}
