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
                    .contains("2. The same prompt, streamed")
                    .contains("3. A prompt with a US social security number")
                    .contains("PiiBlockedException (HTTP 400)")
                    .contains("4. A prompt injection")
                    .contains("SecurityBlockedException (HTTP 400)")
                    .contains("security incidents  prompt_injection")
                    .contains("5. The audit record of call 1")
                    .doesNotContain("\tat ")
                    .doesNotContain("\u001b[");
            String answer = out.substring(out.indexOf("Answer"), out.indexOf("Governance"));
            assertThat(answer)
                    .contains("[NIK_1]")
                    .doesNotContain("3201234567890123")
                    .doesNotContain("081234567890");
            String streamed = out.substring(out.indexOf("2. The same prompt"), out.indexOf("3. A prompt with"));
            assertThat(streamed.substring(streamed.indexOf("Answer"), streamed.indexOf("Governance")))
                    .as("in several pieces, redacted")
                    .contains("|")
                    .contains("NIK_1]")
                    .doesNotContain("3201234567890123");
            assertThat(streamed).contains("PII redacted        NIK, PHONE");
            assertThat(out.substring(out.indexOf("5. The audit record"))).doesNotContain("3201234567890123");
        }
    }
}
