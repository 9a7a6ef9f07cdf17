package io.monago.atrium.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, workspaces and who may read which audit record. */
class AuthenticationTest {

    static final String NURSE = "sk-mng-nurse-key";
    static final String DOCTOR = "sk-mng-doctor-key";
    static final String OFF = "sk-mng-disabled-key";
    static final String BANKER = "sk-mng-bank-admin";
    static final String BODY = "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", """
                workspaces:
                  - id: clinic
                  - id: bank
                    models: ["gpt-5.4-mini"]
                keys:
                  - {id: nurse, hash: %s, workspace: clinic, models: ["claude-*"]}
                  - {id: doctor, hash: %s, workspace: clinic}
                  - {id: off, hash: %s, workspace: clinic, disabled: true}
                  - {id: banker, hash: %s, workspace: bank, admin: true}
                """.formatted(
                        ApiKeyHash.of(NURSE), ApiKeyHash.of(DOCTOR), ApiKeyHash.of(OFF), ApiKeyHash.of(BANKER))),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static RunningGateway.Reply call(String key, String body) {
        return gateway.post(
                "/chat/completions", body, key == null ? Map.of() : Map.of("Authorization", "Bearer " + key));
    }

    @Test
    void missingUnknownAndDisabledKeys() {
        RunningGateway.Reply none = call(null, BODY);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(none.json().at("/error/message").asText()).contains("Authorization: Bearer");
        RunningGateway.Reply unknown = call("sk-mng-who-is-this", BODY);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("sk-mng-who-is-this");
        RunningGateway.Reply off = call(OFF, BODY);
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.json().at("/error/code").asText()).isEqualTo("permission_denied");
    }

    @Test
    void rejectedCallsAreRecordedAndReadableByAdminsOfTheDefaultWorkspace() {
        RunningGateway.Reply none = call(null, BODY);
        String id = none.header(ProtocolHeaders.AUDIT_ID);
        // The bootstrap admin belongs to the first workspace (clinic), where unauthenticated calls are recorded.
        RunningGateway.Reply record = gateway.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY));
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().path("status_code").asInt()).isEqualTo(401);
        assertThat(record.json().path("key_id").isNull()).isTrue();
        assertThat(gateway.get("/audit/" + id, Optional.of(BANKER)).status()).isEqualTo(404);
    }

    @Test
    void auditRecordsAreVisibleToTheirKeyAndTheWorkspaceAdminsOnly() {
        String id = call(DOCTOR, BODY).header(ProtocolHeaders.AUDIT_ID);
        assertThat(gateway.get("/audit/" + id, Optional.of(DOCTOR)).status()).isEqualTo(200);
        assertThat(gateway.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                        .status())
                .isEqualTo(200);
        assertThat(gateway.get("/audit/" + id, Optional.of(NURSE)).status()).isEqualTo(404);
        assertThat(gateway.get("/audit/" + id, Optional.of(BANKER)).status()).isEqualTo(404);
        assertThat(gateway.get("/audit/" + id, Optional.empty()).status()).isEqualTo(401);
        assertThat(gateway.get("/audit/audit-does-not-exist", Optional.of(DOCTOR))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void modelAllowListsOfWorkspaceAndKeyAreBlocks() {
        RunningGateway.Reply bank = call(BANKER, BODY.replace("gpt-5.4-mini", "gpt-5.4"));
        assertThat(bank.status()).isEqualTo(400);
        assertThat(bank.json().at("/error/code").asText()).isEqualTo("model_not_allowed");
        assertThat(bank.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("blocked");
        assertThat(bank.header(ProtocolHeaders.BLOCK_REASON)).isEqualTo("model not allowed for workspace bank");
        assertThat(call(BANKER, BODY).status()).isEqualTo(200);

        RunningGateway.Reply nurse = call(NURSE, BODY);
        assertThat(nurse.status()).isEqualTo(400);
        assertThat(nurse.header(ProtocolHeaders.BLOCK_REASON)).isEqualTo("model not allowed for this API key");
        assertThat(call(NURSE, BODY.replace("gpt-5.4-mini", "claude-sonnet-5")).status())
                .isEqualTo(200);
    }

    @Test
    void modelListIsFilteredByTheKey() {
        // The defaults list echo and gpt-5.4-mini; each key sees only those its workspace and key allow.
        var bank = gateway.get("/models", Optional.of(BANKER)).json();
        assertThat(bank.path("object").asText()).isEqualTo("list");
        assertThat(bank.path("data").findValuesAsText("id")).containsExactly("gpt-5.4-mini");
        var doctor = gateway.get("/models", Optional.of(DOCTOR)).json();
        assertThat(doctor.path("data").findValuesAsText("id")).containsExactly("echo", "gpt-5.4-mini");
        var nurse = gateway.get("/models", Optional.of(NURSE)).json();
        assertThat(nurse.path("data")).isEmpty();
        assertThat(gateway.get("/models", Optional.empty()).status()).isEqualTo(401);
    }
}
