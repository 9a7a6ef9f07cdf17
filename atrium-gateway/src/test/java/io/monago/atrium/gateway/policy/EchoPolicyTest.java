package io.monago.atrium.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
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

/**
 * Workspace PII settings with the offline echo provider, whose answer is exactly what left the
 * gateway: operators, allow, minimum confidence, and the reversible round trip.
 */
class EchoPolicyTest {

    static final String NIK = "3201234567890123";
    static final Map<String, String> KEYS = Map.of(
            "reversible",
            "sk-mng-rev",
            "mask",
            "sk-mng-mask",
            "hash",
            "sk-mng-hash",
            "remove",
            "sk-mng-remove",
            "lenient",
            "sk-mng-lenient");

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        StringBuilder keys = new StringBuilder("keys:\n");
        KEYS.forEach((ws, key) -> keys.append("  - {id: ")
                .append(ws)
                .append("-app, hash: ")
                .append(ApiKeyHash.of(key))
                .append(", workspace: ")
                .append(ws)
                .append("}\n"));
        gateway = RunningGateway.start(
                new ConfigLoader(Map.of("SALT", "a-salt-of-sixteen-bytes-or-more")::get).parse("t.yaml", """
                workspaces:
                  - id: default
                  - id: reversible
                    pii: {reversible: true}
                  - id: mask
                    pii: {operator: mask, mask_keep_end: 4}
                  - id: hash
                    pii: {operator: hash, hash_salt: "${SALT}"}
                  - id: remove
                    pii: {operator: remove}
                  - id: lenient
                    pii:
                      entities:
                        PHONE: allow
                        NIK: {action: redact, min_confidence: 1.0}
                """ + keys),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static RunningGateway.Reply call(String workspace, String text) {
        return gateway.post(
                "/chat/completions",
                "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}",
                Map.of("Authorization", "Bearer " + KEYS.getOrDefault(workspace, RunningGateway.ADMIN_KEY)));
    }

    private static String answer(RunningGateway.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/choices/0/message/content").asText();
    }

    @Test
    void reversibleRoundTripWithTheEchoProvider() {
        RunningGateway.Reply r = call("reversible", "Pasien NIK " + NIK + " batuk");
        assertThat(answer(r)).isEqualTo("Pasien NIK " + NIK + " batuk");
        assertThat(r.header(ProtocolHeaders.PII_REDACTED)).isEqualTo("NIK");
        RunningGateway.Reply record =
                gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(KEYS.get("reversible")));
        assertThat(record.body()).doesNotContain(NIK);
        // Without reversible mode the same call shows what the provider received.
        assertThat(answer(call("default", "Pasien NIK " + NIK + " batuk"))).isEqualTo("Pasien NIK [NIK_1] batuk");
    }

    @Test
    void maskHashAndRemoveOperators() {
        assertThat(answer(call("mask", "NIK " + NIK))).isEqualTo("NIK ************0123");
        String hashed = answer(call("hash", "NIK " + NIK));
        assertThat(hashed).matches("NIK \\[NIK:[0-9a-f]{16}]");
        assertThat(answer(call("hash", "lagi NIK " + NIK))).endsWith(hashed.substring(4));
        assertThat(answer(call("remove", "NIK " + NIK + " batuk")))
                .doesNotContain(NIK)
                .startsWith("NIK ")
                .endsWith(" batuk");
    }

    @Test
    void allowAndMinimumConfidence() {
        RunningGateway.Reply r = call("lenient", "HP 081234567890, NIK " + NIK);
        assertThat(answer(r)).contains("081234567890").contains(NIK);
        assertThat(r.header(ProtocolHeaders.PII_DETECTED)).isEqualTo("true");
        assertThat(r.header(ProtocolHeaders.PII_REDACTED)).isEmpty();
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
    }
}
