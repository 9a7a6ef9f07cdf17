package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The governance object of a stream's last chunk, read alone and merged over the headers (§5). */
class GovernanceMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Governance HEADERS = Governance.fromHeaders(Map.of(
            "X-Monago-Audit-Id", List.of("audit-h"),
            "X-Monago-Pii-Detected", List.of("true"),
            "X-Monago-Pii-Redacted", List.of("NIK"),
            "X-Monago-Policy-Decision", List.of("flagged"),
            "X-Monago-Provider", List.of("openai"),
            "X-Monago-Security-Incident", List.of("prompt_injection"),
            "X-Monago-Latency-Ms", List.of("5")));

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void everyFieldTheObjectCarriesReplacesTheHeadersOne() throws Exception {
        Governance merged = HEADERS.mergedWith(
                json(
                        "{\"audit_id\":\"audit-f\",\"pii_detected\":false,"
                                + "\"pii_redacted\":[\"NIK\",\"PHONE\"],\"policy_decision\":\"blocked\",\"provider\":\"echo\","
                                + "\"latency_ms\":812.4,\"cost_idr\":31.2,\"security_incidents\":[],\"block_reason\":\"PII in answer\"}"));

        assertThat(merged.auditId()).contains("audit-f");
        assertThat(merged.piiDetected()).isFalse();
        assertThat(merged.piiRedacted()).containsExactly("NIK", "PHONE");
        assertThat(merged.decisionWord()).contains("blocked");
        assertThat(merged.blocked()).isTrue();
        assertThat(merged.provider()).contains("echo");
        assertThat(merged.latencyMs()).hasValue(812.4);
        assertThat(merged.costIdr()).hasValue(31.2);
        assertThat(merged.securityIncidents())
                .as("an empty list is a value too")
                .isEmpty();
        assertThat(merged.blockReason()).contains("PII in answer");
    }

    @Test
    void absentNullAndUnreadableFieldsKeepTheHeadersValue() throws Exception {
        Governance merged = HEADERS.mergedWith(json("{\"audit_id\":null,\"pii_redacted\":7,\"latency_ms\":\"soon\","
                + "\"policy_decision\":\"\",\"cost_idr\":\"12.5\",\"pii_detected\":\"yes\"}"));

        assertThat(merged.auditId()).contains("audit-h");
        assertThat(merged.piiRedacted()).containsExactly("NIK");
        assertThat(merged.latencyMs()).hasValue(5);
        assertThat(merged.decisionWord()).contains("flagged");
        assertThat(merged.costIdr())
                .as("a number written as text, read as the header rule reads it")
                .hasValue(12.5);
        assertThat(merged.piiDetected()).isTrue();
        assertThat(merged.provider()).contains("openai");
    }

    @Test
    void anythingButAnObjectChangesNothingAndAloneTheObjectReadsOnItsOwn() throws Exception {
        assertThat(HEADERS.mergedWith(json("[1,2]"))).isEqualTo(HEADERS);
        assertThat(HEADERS.mergedWith(json("{}"))).isEqualTo(HEADERS);
        Governance alone = Governance.fromJson(json(
                "{\"pii_redacted\":\" NIK , ,EMAIL\",\"security_incidents\":" + "[\"jailbreak_attempt\",\"\",3]}"));
        assertThat(alone.piiRedacted()).containsExactly("NIK", "EMAIL");
        assertThat(alone.securityIncidents()).containsExactly("jailbreak_attempt");
        assertThat(alone.auditId()).isEmpty();
    }

    @Test
    void theDecisionInTheObjectIsComparedExactlyToo() throws Exception {
        Governance merged = Governance.empty().mergedWith(json("{\"policy_decision\":\"Blocked\"}"));
        assertThat(merged.decisionWord()).contains("Blocked");
        assertThat(merged.blocked()).isFalse();
    }
}
