package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atrium chat} against a real gateway. */
class ChatCommandTest {

    static final String KEY = "sk-mng-chat-test";

    @TempDir
    static Path dataDir;

    static Gateway gateway;

    @BeforeAll
    static void start() {
        GatewayConfig c = GatewayConfig.defaults();
        gateway = Gateway.start(
                c.withServer(c.server().withListen("127.0.0.1", 0).withDataDir(dataDir.toString())), Optional.of(KEY));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtriumCli.run(args, env::get, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsTheAnswerAndItsGovernanceWithKeyAndUrlFromTheEnvironment() {
        Run r = run(Map.of("ATRIUM_API_KEY", KEY, "ATRIUM_BASE_URL", gateway.baseUrl()), "chat", "What is BPJS?");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("What is BPJS?")
                .contains("policy decision     allowed")
                .contains("audit id            audit-");
    }

    @Test
    void streamPrintsTheAnswerPieceByPieceThenTheWholeGovernance() {
        FlushRecordingWriter out = new FlushRecordingWriter();
        StringWriter err = new StringWriter();
        int exit = AtriumCli.run(
                new String[] {"chat", "--stream", "Pasien NIK 3201234567890123 batuk dua minggu, mohon saran."},
                Map.of("ATRIUM_API_KEY", KEY, "ATRIUM_BASE_URL", gateway.baseUrl())::get,
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        String printed = out.toString();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(printed)
                .startsWith("Pasien NIK [NIK_1] batuk dua minggu, mohon saran.\n")
                .doesNotContain("3201234567890123")
                .contains("Governance")
                .contains("PII redacted        NIK")
                .contains("provider            echo")
                .contains("audit id            audit-");
        // The answer reached the terminal in several writes, each flushed as it came, before the
        // governance that is known only at the end.
        int answerEnd = printed.indexOf('\n');
        assertThat(out.flushedLengths().stream().filter(n -> n > 0 && n < answerEnd))
                .as("flushes inside the answer")
                .hasSizeGreaterThan(3);
    }

    @Test
    void aBlockedStreamingCallExitsWithThreeLikeAnyOther() {
        Run r = run(
                Map.of("ATRIUM_API_KEY", KEY, "ATRIUM_BASE_URL", gateway.baseUrl()),
                "chat",
                "--stream",
                "leak SSN 123-45-6789");
        assertThat(r.exit()).isEqualTo(ChatCommand.BLOCKED);
        assertThat(r.out())
                .startsWith("Blocked by policy")
                .contains("PiiBlockedException")
                .doesNotContain("123-45-6789");
    }

    /** Records how much had been written at each flush. */
    static final class FlushRecordingWriter extends StringWriter {
        private final List<Integer> flushes = new ArrayList<>();

        @Override
        public void flush() {
            super.flush();
            flushes.add(getBuffer().length());
        }

        List<Integer> flushedLengths() {
            return List.copyOf(flushes);
        }
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Run r = run(
                Map.of("ATRIUM_API_KEY", "sk-mng-wrong", "ATRIUM_BASE_URL", "http://127.0.0.1:1/v1"),
                "chat",
                "--base-url",
                gateway.baseUrl(),
                "--api-key",
                KEY,
                "--model",
                "echo",
                "hi");
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
    }

    @Test
    void aBlockedCallExitsWithThreeAndShowsTheTypedError() {
        Run r = run(
                Map.of("ATRIUM_API_KEY", KEY, "ATRIUM_BASE_URL", gateway.baseUrl()), "chat", "leak SSN 123-45-6789");
        assertThat(r.exit()).isEqualTo(ChatCommand.BLOCKED);
        assertThat(r.out())
                .contains("PiiBlockedException")
                .contains("pii_blocked")
                .doesNotContain("123-45-6789");
    }

    @Test
    void aWrongKeyIsAFailureWithoutStackTrace() {
        Run r = run(Map.of("ATRIUM_API_KEY", "sk-mng-wrong", "ATRIUM_BASE_URL", gateway.baseUrl()), "chat", "hi");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("AuthException (HTTP 401)").doesNotContain("\tat ");
    }

    @Test
    void noKeyAnywhereIsAUsageProblem() {
        Run r = run(Map.of(), "chat", "hi");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ATRIUM_API_KEY").contains("--api-key").doesNotContain("\tat ");
    }
}
