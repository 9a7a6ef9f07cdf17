package io.monago.atrium.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.support.CapturedLog;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway watches its configuration file: a valid change applies to the next call, an invalid
 * one is refused with a log line naming file, line and field while the old policy stays, and a
 * call in flight during a reload finishes under the policy it started with.
 */
class ConfigReloadTest {

    private static final String BLOCK_NEW = """
              - id: no-new
                when: "request.text.user.contains('new')"
                action: block
                reason: new things are not allowed
            """;
    private static final String FLAG_ALL = """
              - id: flag-all
                when: "true"
                action: flag
            """;

    @TempDir
    Path dir;

    private FakeOpenAiUpstream upstream;
    private Path file;
    private RunningGateway gateway;
    private CapturedLog log;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new FakeOpenAiUpstream();
        file = dir.resolve("atrium.yaml");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (log != null) {
            log.close();
        }
        upstream.close();
    }

    private String yaml(String rules, String more) {
        return "providers:\n  up: {type: openai, base_url: \"" + upstream.baseUrl() + "\", timeout_ms: 20000}\n"
                + "models:\n  - {name: \"*\", provider: up}\n"
                + "workspaces:\n  - id: default\n"
                + (rules.isEmpty() ? "" : "    rules:\n" + rules.indent(6))
                + more;
    }

    /** Loads the file as the serve command does: the file, then the listen address and data folder. */
    private GatewayConfig load() {
        GatewayConfig c = new ConfigLoader(k -> null).load(file);
        return c.withServer(c.server().withListen("127.0.0.1", 0).withDataDir(dir.toString()));
    }

    private void startWith(String yaml) throws IOException {
        Files.writeString(file, yaml);
        log = new CapturedLog();
        Gateway g = Gateway.start(load(), Optional.of(RunningGateway.ADMIN_KEY));
        g.watch(file, this::load);
        gateway = RunningGateway.of(g);
    }

    private RunningGateway.Reply chat(String text) {
        return gateway.chat("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
    }

    private JsonNode record(RunningGateway.Reply reply) {
        return gateway.get("/audit/" + reply.header(ProtocolHeaders.AUDIT_ID), Optional.of(RunningGateway.ADMIN_KEY))
                .json();
    }

    /** Waits for what a reload does; the watcher takes a write once it has been quiet a moment. */
    private void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("waited 20 s for the reload; log: %s", log.text())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void evaluatorsArePartOfThePolicyAndAReloadSwapsThem() throws Exception {
        startWith(yaml("", ""));
        assertThat(record(chat("halo")).path("evaluations")).isEmpty();

        Files.writeString(file, yaml("", "    evaluators:\n      - {name: refused, type: refusal}\n"));
        eventually(() -> record(chat("halo")).path("evaluations").size() == 1);

        JsonNode e = record(chat("halo")).path("evaluations").path(0);
        assertThat(e.path("evaluator").asText()).isEqualTo("refused");
        assertThat(e.path("result").asText()).isEqualTo("recorded");
    }

    @Test
    void aValidChangeAppliesToTheNextCall() throws Exception {
        startWith(yaml("", ""));
        assertThat(chat("something new").status()).isEqualTo(200);

        Files.writeString(file, yaml(BLOCK_NEW, "server: {drain_timeout_ms: 1234}\n"));
        eventually(() -> chat("something new").status() == 400);

        RunningGateway.Reply blocked = chat("something new");
        assertThat(blocked.json().at("/error/code").asText()).isEqualTo("policy_blocked");
        assertThat(blocked.header(ProtocolHeaders.BLOCK_REASON)).isEqualTo("rule violation: no-new");
        assertThat(chat("something old").status()).isEqualTo(200);
        eventually(() -> log.text().contains("server changed"));
        assertThat(log.text())
                .contains("reloaded " + file + ": workspaces changed")
                .contains("default policy version ")
                .contains(file + ": server changed; these apply only after a restart");
    }

    @Test
    void anInvalidChangeIsRefusedAndTheOldPolicyStays() throws Exception {
        startWith(yaml(BLOCK_NEW, ""));
        assertThat(chat("something new").status()).isEqualTo(400);

        // Line 9 compares a text with a number: the rule does not compile.
        Files.writeString(file, yaml(BLOCK_NEW.replace("request.text.user.contains('new')", "request.model == 1"), ""));
        eventually(() -> log.text().contains("was not reloaded"));

        assertThat(log.text())
                .contains(file + " was not reloaded, the running policy stays: " + file
                        + ":9: workspaces[0].rules[0].when: rule 'no-new'");
        assertThat(chat("something new").status()).isEqualTo(400);
        assertThat(chat("something old").status()).isEqualTo(200);

        // A value in a field of the wrong type is quoted by the parser; the log leaves it out.
        String before = log.text();
        Files.writeString(file, yaml(BLOCK_NEW, "server: {max_body_bytes: \"sk-mng-secret-value\"}\n"));
        eventually(() -> log.text().length() > before.length()
                && log.text().substring(before.length()).contains("was not reloaded"));

        String refusal = log.text().substring(before.length());
        assertThat(refusal)
                .contains(file + ":12: server.max_body_bytes: wrong type or value")
                .doesNotContain("sk-mng-secret-value");
        assertThat(chat("something new").status()).isEqualTo(400);
    }

    @Test
    void aCallInFlightFinishesUnderThePolicyItStartedWith() throws Exception {
        startWith(yaml(FLAG_ALL, ""));
        String oldVersion = record(chat("before")).path("policy_version").asText();

        FakeOpenAiUpstream.Hold hold = upstream.holdNext();
        CompletableFuture<RunningGateway.Reply> inFlight = CompletableFuture.supplyAsync(() -> chat("something new"));
        assertThat(hold.awaitArrived(20, TimeUnit.SECONDS)).isTrue();

        Files.writeString(file, yaml(FLAG_ALL + BLOCK_NEW, ""));
        eventually(() -> chat("something new").status() == 400);
        RunningGateway.Reply underNew = chat("something new");
        hold.release();
        RunningGateway.Reply underOld = inFlight.get(20, TimeUnit.SECONDS);

        assertThat(underOld.status()).isEqualTo(200);
        assertThat(underOld.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        JsonNode oldRecord = record(underOld);
        assertThat(oldRecord.path("policy_version").asText()).isEqualTo(oldVersion);
        assertThat(oldRecord.path("matched_rules").toString())
                .contains("rule.flag-all.flag")
                .doesNotContain("no-new");

        JsonNode newRecord = record(underNew);
        assertThat(newRecord.path("policy_version").asText())
                .isNotEqualTo(oldVersion)
                .isNotEmpty();
        assertThat(newRecord.path("matched_rules").toString()).contains("rule.no-new.block");
        assertThat(newRecord.path("status_code").asInt()).isEqualTo(400);
    }

    @Test
    void aKeyAddedToTheFileWorksWithoutARestart() throws Exception {
        startWith(yaml("", ""));
        String newKey = "sk-mng-added-later";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + newKey);
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}";
        assertThat(gateway.post("/chat/completions", body, auth).status()).isEqualTo(401);

        Files.writeString(
                file,
                yaml(
                        "",
                        "keys:\n  - {id: later, hash: \"" + io.monago.atrium.gateway.auth.ApiKeyHash.of(newKey)
                                + "\"}\n"));
        eventually(() -> gateway.post("/chat/completions", body, auth).status() == 200);

        // The admin key the gateway started with still works.
        assertThat(chat("halo").status()).isEqualTo(200);
    }
}
