package io.monago.atrium.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A workspace's rules on the real gateway with the echo provider, whose answer is exactly what left
 * the gateway: each action, dry run, allow, the built-in checks first, and what the record keeps.
 */
class PolicyRulesTest {

    static final String NPWP = "09.254.294.3-407.000";
    static final String CLINIC_KEY = "sk-mng-clinic";
    static final String RADIOLOGY_KEY = "sk-mng-radiology";
    static final String AUDIT_TEAM_KEY = "sk-mng-audit-team";

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("t.yaml", """
                providers:
                  echo: {type: echo}
                  local: {type: echo}
                models:
                  - {name: local-llama, provider: local}
                  - {name: "*", provider: echo}
                workspaces:
                  - id: clinic
                    pii:
                      entities:
                        EMAIL: flag
                        SSN: block
                    rules:
                      - id: auditors-unrestricted
                        when: "key.labels.team == 'audit'"
                        action: allow
                      - id: no-tax-ids-abroad
                        description: Tax ids never go to foreign-hosted models
                        when: "'NPWP' in pii.types && request.model.startsWith('gpt-')"
                        action: block
                        reason: NPWP may not be sent to a model hosted abroad
                      - id: radiology-no-gpt54
                        when: "key.labels.team == 'radiology' && request.model == 'gpt-5.4'"
                        action: block
                      - id: dose-questions
                        when: "request.text.user.contains('dosis')"
                        action: block
                        mode: dry_run
                      - id: pilot-project
                        when: "request.metadata.project == 'pilot'"
                        action: flag
                      - id: mask-emails
                        when: "request.model == 'gpt-5.4-mini'"
                        action: redact
                        entities: [EMAIL]
                      - id: health-local
                        when: "request.text.user.contains('rekam medis')"
                        action: route
                        model: local-llama
                keys:
                  - {id: clinic-app, hash: %s, workspace: clinic}
                  - {id: radiology-app, hash: %s, workspace: clinic, labels: {team: radiology}}
                  - {id: audit-app, hash: %s, workspace: clinic, admin: true, labels: {team: audit}}
                """.formatted(
                        ApiKeyHash.of(CLINIC_KEY), ApiKeyHash.of(RADIOLOGY_KEY), ApiKeyHash.of(AUDIT_TEAM_KEY))),
                dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static RunningGateway.Reply call(String key, String model, String text, String extra) {
        return gateway.post(
                "/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]" + extra
                        + "}",
                Map.of("Authorization", "Bearer " + key));
    }

    private static JsonNode record(RunningGateway.Reply r) {
        RunningGateway.Reply rec =
                gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(AUDIT_TEAM_KEY));
        assertThat(rec.status()).as(rec.body()).isEqualTo(200);
        return rec.json();
    }

    private static String answer(RunningGateway.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/choices/0/message/content").asText();
    }

    @Test
    void aBlockRuleAnswersPolicyBlockedNamingTheRule() {
        RunningGateway.Reply r = call(CLINIC_KEY, "gpt-5.4-mini", "NPWP " + NPWP + " untuk laporan", "");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("policy_blocked");
        assertThat(r.json().at("/error/message").asText())
                .isEqualTo("the request was blocked by policy rule 'no-tax-ids-abroad':"
                        + " NPWP may not be sent to a model hosted abroad");
        assertThat(r.header(ProtocolHeaders.BLOCK_REASON)).isEqualTo("rule violation: no-tax-ids-abroad");
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("blocked");
        JsonNode rec = record(r);
        assertThat(rec.path("matched_rules").toString()).contains("rule.no-tax-ids-abroad.block");
        assertThat(rec.path("policy_version").asText()).matches("[0-9a-f]{12}");
        assertThat(rec.toString()).doesNotContain(NPWP);
    }

    @Test
    void theSameTaxIdToTheSelfHostedModelIsRedactedAndForwarded() {
        String text = answer(call(CLINIC_KEY, "local-llama", "NPWP " + NPWP + " untuk laporan", ""));

        assertThat(text).isEqualTo("NPWP [NPWP_1] untuk laporan");
    }

    @Test
    void aRuleCanBlockAModelForOneTeamOnly() {
        assertThat(call(RADIOLOGY_KEY, "gpt-5.4", "halo", "").header(ProtocolHeaders.BLOCK_REASON))
                .isEqualTo("rule violation: radiology-no-gpt54");
        assertThat(call(CLINIC_KEY, "gpt-5.4", "halo", "").status()).isEqualTo(200);
    }

    @Test
    void allowStopsTheRulesForItsCallers() {
        RunningGateway.Reply r = call(AUDIT_TEAM_KEY, "gpt-5.4-mini", "NPWP " + NPWP, "");

        assertThat(r.status()).isEqualTo(200);
        assertThat(record(r).path("matched_rules").toString())
                .contains("rule.auditors-unrestricted.allow")
                .doesNotContain("no-tax-ids-abroad");
    }

    @Test
    void theBuiltInChecksComeFirst() {
        RunningGateway.Reply r = call(CLINIC_KEY, "gpt-5.4-mini", "SSN 123-45-6789 dan NPWP " + NPWP, "");

        assertThat(r.json().at("/error/code").asText()).isEqualTo("pii_blocked");
        assertThat(record(r).path("matched_rules").toString()).doesNotContain("rule.");
    }

    @Test
    void aDryRunRuleIsRecordedAndChangesNothing() {
        RunningGateway.Reply r = call(CLINIC_KEY, "gpt-5.4", "berapa dosis parasetamol", "");

        assertThat(answer(r)).isEqualTo("berapa dosis parasetamol");
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
        assertThat(record(r).path("matched_rules").toString()).contains("rule.dose-questions.block.dry_run");
    }

    @Test
    void aFlagRuleForwardsWithDecisionFlagged() {
        RunningGateway.Reply r = call(CLINIC_KEY, "gpt-5.4", "halo", ",\"metadata\":{\"project\":\"pilot\"}");

        assertThat(answer(r)).isEqualTo("halo");
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        assertThat(record(r).path("matched_rules").toString()).contains("rule.pilot-project.flag");
    }

    @Test
    void aRedactRuleRedactsWhatThePiiPolicyOnlyFlagged() {
        String mail = "sari@example.co.id";
        assertThat(answer(call(CLINIC_KEY, "gpt-5.4", "email " + mail, ""))).isEqualTo("email " + mail);

        RunningGateway.Reply r = call(CLINIC_KEY, "gpt-5.4-mini", "email " + mail, "");
        assertThat(answer(r)).isEqualTo("email [EMAIL_1]");
        assertThat(r.header(ProtocolHeaders.PII_REDACTED)).isEqualTo("EMAIL");
    }

    @Test
    void aRouteRuleSendsTheCallToAnotherModel() {
        RunningGateway.Reply r = call(CLINIC_KEY, "gpt-5.4", "ringkas rekam medis pasien", "");

        assertThat(answer(r)).isEqualTo("ringkas rekam medis pasien");
        assertThat(r.header(ProtocolHeaders.PROVIDER)).isEqualTo("local");
        assertThat(r.json().path("model").asText()).isEqualTo("local-llama");
        assertThat(record(r).path("matched_rules").toString()).contains("rule.health-local.route");
    }
}
