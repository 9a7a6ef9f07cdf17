package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtriumCli.run(
                args, Map.of("NO_COLOR", "1")::get, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aValidFileIsReportedWithItsRules() throws IOException {
        Path file = dir.resolve("atrium.yaml");
        Files.writeString(file, """
                workspaces:
                  - id: clinic
                    rules:
                      - {id: after-hours, when: "time.hour < 7 || time.hour >= 19", action: flag}
                  - id: bank
                """);

        Run r = run("policy", "check", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(file + ": valid").contains("workspace bank: 0 rules");
        assertThat(r.out()).containsPattern("workspace clinic: 1 rule, policy version [0-9a-f]{12}");
    }

    @Test
    void aRuleWithATypeErrorIsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("atrium.yaml");
        Files.writeString(file, """
                workspaces:
                  - id: clinic
                    rules:
                      - id: late
                        when: "time.hour > '19'"
                        action: flag
                """);

        Run r = run("policy", "check", file.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(file + ":5: workspaces[0].rules[0].when: rule 'late': condition line 1, column 11:")
                .contains("no matching overload");
    }
}
