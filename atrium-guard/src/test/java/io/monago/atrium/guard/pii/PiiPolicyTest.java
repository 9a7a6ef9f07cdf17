package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiPolicyTest {
    private final PiiScanner scanner = PiiScanner.defaults();

    @Test
    void theDefaultRedactsPersonalDataAndBlocksCardsSsnsAndSecrets() {
        PiiPolicy policy = PiiPolicy.defaults();
        for (EntityType t : EntityType.values()) {
            PiiAction expected = t == EntityType.CREDIT_CARD || t == EntityType.SSN || t == EntityType.SECRET
                    ? PiiAction.BLOCK
                    : PiiAction.REDACT;
            double min = t == EntityType.PERSON || t == EntityType.ADDRESS
                    ? PiiPolicy.DEFAULT_NAME_MIN_CONFIDENCE
                    : PiiPolicy.DEFAULT_MIN_CONFIDENCE;
            assertThat(policy.rule(t)).isEqualTo(new EntityRule(expected, min));
        }
    }

    @Test
    void aVerdictSortsFindingsByAction() {
        String text = "NIK 3201234567890123, HP 081234567890, SSN 123-45-6789, email budi@gmail.com";
        PiiPolicy policy =
                PiiPolicy.builder().action(EntityType.EMAIL, PiiAction.FLAG).build();
        PiiVerdict v = policy.evaluate(scanner.scan(text));
        assertThat(v.redact()).extracting(PiiFinding::type).containsExactly(EntityType.NIK, EntityType.PHONE);
        assertThat(v.block()).extracting(PiiFinding::type).containsExactly(EntityType.SSN);
        assertThat(v.flag()).extracting(PiiFinding::type).containsExactly(EntityType.EMAIL);
        assertThat(v.blocked()).isTrue();
        assertThat(v.flagged()).isTrue();
        assertThat(v.toReplace())
                .extracting(PiiFinding::type)
                .containsExactly(EntityType.NIK, EntityType.PHONE, EntityType.SSN);
    }

    @Test
    void findingsBelowTheMinimumConfidenceAreIgnored() {
        // The bare phone has confidence 0.9; context would make it 0.99.
        List<PiiFinding> findings = scanner.scan("Tolong simpan 081234567890 di daftar.");
        assertThat(findings).singleElement().extracting(PiiFinding::confidence).isEqualTo(0.9);
        PiiPolicy strict =
                PiiPolicy.builder().minConfidence(EntityType.PHONE, 0.95).build();
        assertThat(strict.evaluate(findings).summary().detected()).isFalse();
        assertThat(PiiPolicy.defaults().evaluate(findings).summary().detected()).isTrue();
    }

    @Test
    void allowedTypesAreDetectedButNotActedOn() {
        PiiPolicy policy =
                PiiPolicy.builder().allTypes(new EntityRule(PiiAction.ALLOW, 0)).build();
        PiiVerdict v = policy.evaluate(scanner.scan("SSN 123-45-6789"));
        assertThat(v.blocked()).isFalse();
        assertThat(v.allow()).hasSize(1);
        assertThat(v.summary().detected()).isTrue();
        assertThat(v.summary().redactedWire()).isEmpty();
    }

    @Test
    void summariesAddUpAcrossSegmentsAndNameTypesOnly() {
        PiiPolicy policy = PiiPolicy.defaults();
        PiiSummary total = PiiSummary.empty();
        for (String segment : List.of(
                "NIK 3201234567890123 dan HP 081234567890",
                "HP lain 081298765432",
                "leak SSN 123-45-6789 and card 4111 1111 1111 1111")) {
            total = total.plus(policy.evaluate(scanner.scan(segment)).summary());
        }
        assertThat(total.redactedCounts()).isEqualTo(Map.of(EntityType.NIK, 1, EntityType.PHONE, 2));
        assertThat(total.blockedCounts()).isEqualTo(Map.of(EntityType.CREDIT_CARD, 1, EntityType.SSN, 1));
        assertThat(total.redactedWire()).isEqualTo("NIK,PHONE");
        assertThat(total.blocked()).isTrue();
        assertThat(total.flagged()).isFalse();
        assertThat(total.blockReason()).hasValue("PII detected: CREDIT_CARD, SSN");
        assertThat(total.detectedCounts()).containsEntry(EntityType.PHONE, 2).hasSize(4);
        assertThat(total.toString()).doesNotContain("3201234567890123");
        assertThat(PiiSummary.empty().detected()).isFalse();
        assertThat(PiiSummary.empty().blockReason()).isEmpty();
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new EntityRule(PiiAction.REDACT, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minConfidence");
        assertThatThrownBy(() -> new EntityRule(null, 0.5)).isInstanceOf(NullPointerException.class);
    }
}
