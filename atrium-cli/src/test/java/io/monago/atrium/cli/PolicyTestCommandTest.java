package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atrium policy test}: the real command on a real file, the gateway's own filters deciding. */
class PolicyTestCommandTest {

    @TempDir
    Path dir;

    private Path file;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtriumCli.run(
                args, Map.of("NO_COLOR", "1")::get, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void writeConfig() throws IOException {
        file = dir.resolve("atrium.yaml");
        Files.writeString(file, """
                server: {data_dir: "%s"}
                models:
                  - {name: gpt-5.4, provider: echo}
                  - {name: local-llama, provider: echo}
                workspaces:
                  - id: clinic
                    time_zone: Asia/Jakarta
                    rules:
                      - id: no-ids-abroad
                        when: "'NIK' in pii.types && request.model != 'local-llama'"
                        action: block
                        reason: identity numbers stay in Indonesia
                      - id: after-hours
                        when: "time.hour < 7 || time.hour >= 19"
                        action: flag
                        mode: dry_run
                      - id: health-local
                        when: "request.text.user.lowerAscii().contains('diagnosis')"
                        action: route
                        model: local-llama
                keys:
                  - {id: clinic-app, hash: "%s", workspace: clinic}
                """.formatted(dir.resolve("data"), ApiKeyHash.of("sk-mng-clinic")));
    }

    @Test
    void aBlockedCallShowsTheFindingsTheRuleAndTheReasonAndExits3() {
        Run r = run(
                "policy",
                "test",
                file.toString(),
                "--key",
                "clinic-app",
                "--model",
                "gpt-5.4",
                "--at",
                "2026-12-07T10:00:00+07:00",
                "Pasien NIK 3201234567890123 batuk 2 minggu");

        assertThat(r.exit()).as(r.err()).isEqualTo(PolicyTest.BLOCKED);
        assertThat(r.out())
                .contains("pii found:  NIK x1")
                .contains("rules:      no-ids-abroad  block  enforce")
                .contains("decision:   blocked")
                .contains("reason:     rule violation: no-ids-abroad")
                .contains("answer:     400 policy_blocked: the request was blocked by policy rule 'no-ids-abroad':"
                        + " identity numbers stay in Indonesia")
                .containsPattern("policy:     version [0-9a-f]{12}")
                .doesNotContain("3201234567890123")
                .doesNotContain("route:");
        // Nothing was recorded: the data folder was never made.
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void anAllowedCallShowsItsRouteAndItsDryRunRulesAndExits0() {
        Run r = run(
                "policy",
                "test",
                file.toString(),
                "--key",
                "clinic-app",
                "--model",
                "gpt-5.4",
                "--at",
                "2026-12-07T21:30:00+07:00",
                "--user",
                "dr-sari",
                "--metadata",
                "ward=3",
                "What is the diagnosis for a cough of two weeks?");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("pii found:  none")
                .contains("security:   no incident")
                .contains("rules:      after-hours  flag  dry_run")
                .contains("            health-local  route  enforce")
                .contains("decision:   allowed")
                .contains("route:      local-llama via provider echo as local-llama (not called)")
                .doesNotContain("reason:");
    }

    @Test
    void anUnknownModelIsRefusedWithExit4() {
        Run r = run("policy", "test", file.toString(), "--key", "clinic-app", "--model", "gpt-9", "halo");

        assertThat(r.exit()).as(r.err()).isEqualTo(PolicyTest.REFUSED);
        assertThat(r.out()).contains("answer:     404 model_not_found");
    }

    @Test
    void anUnknownKeyIsAUsageError() {
        Run r = run("policy", "test", file.toString(), "--key", "nobody", "--model", "gpt-5.4", "halo");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no key with id 'nobody' in the configuration; its keys: clinic-app");
    }
}
