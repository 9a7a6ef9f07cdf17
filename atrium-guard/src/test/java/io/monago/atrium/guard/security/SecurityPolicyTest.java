package io.monago.atrium.guard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecurityPolicyTest {

    private static SecurityReport report(SecurityIncident... incidents) {
        return SecurityReport.of(List.of(incidents), new ScanStats(1, 10, 0, 0, 0));
    }

    private static SecurityIncident incident(IncidentCategory category, double score) {
        return new SecurityIncident(category, score, "messages[1].content", MessageRole.USER, "test.rule");
    }

    @Test
    void defaultsBlockEveryCategoryAtItsThreshold() {
        SecurityPolicy policy = SecurityPolicy.defaults();
        for (IncidentCategory category : IncidentCategory.values()) {
            CategoryPolicy categoryPolicy = policy.policyFor(category);
            assertThat(categoryPolicy.action()).as(category.wireName()).isEqualTo(SecurityAction.BLOCK);
            assertThat(policy.evaluate(report(incident(category, categoryPolicy.threshold())))
                            .blocked())
                    .containsExactly(category);
            assertThat(policy.evaluate(report(incident(category, categoryPolicy.threshold() - 0.01)))
                            .isBlocked())
                    .isFalse();
        }
    }

    @Test
    void aStrayZeroWidthSpaceScoreIsBelowTheHiddenInstructionsThreshold() {
        assertThat(SecurityPolicy.defaults()
                        .evaluate(report(incident(IncidentCategory.HIDDEN_INSTRUCTIONS, 0.3)))
                        .isBlocked())
                .isFalse();
    }

    @Test
    void flagForwardsButReportsAndOffIgnores() {
        SecurityPolicy policy = SecurityPolicy.defaults().toBuilder()
                .set(IncidentCategory.JAILBREAK_ATTEMPT, CategoryPolicy.flag(0.5))
                .set(IncidentCategory.ADVERSARIAL_SUFFIX, CategoryPolicy.off())
                .build();

        SecurityVerdict verdict = policy.evaluate(report(
                incident(IncidentCategory.JAILBREAK_ATTEMPT, 0.9),
                incident(IncidentCategory.ADVERSARIAL_SUFFIX, 0.99)));

        assertThat(verdict.isBlocked()).isFalse();
        assertThat(verdict.isFlagged()).isTrue();
        assertThat(verdict.flagged()).containsExactly(IncidentCategory.JAILBREAK_ATTEMPT);
        assertThat(verdict.headerValue()).isEqualTo("jailbreak_attempt");
        assertThat(verdict.blockReason()).isEmpty();
    }

    @Test
    void theBlockReasonNamesEveryBlockedCategoryAndTheHeaderListsFlaggedOnesToo() {
        SecurityPolicy policy = SecurityPolicy.defaults().toBuilder()
                .set(IncidentCategory.HIDDEN_INSTRUCTIONS, CategoryPolicy.flag(0.5))
                .build();

        SecurityVerdict verdict = policy.evaluate(report(
                incident(IncidentCategory.PROMPT_INJECTION, 0.95),
                incident(IncidentCategory.JAILBREAK_ATTEMPT, 0.9),
                incident(IncidentCategory.HIDDEN_INSTRUCTIONS, 0.9)));

        assertThat(verdict.blockReason()).contains("prompt injection and jailbreak attempt detected");
        assertThat(verdict.headerValue()).isEqualTo("prompt_injection,jailbreak_attempt,hidden_instructions");
        assertThat(verdict.isFlagged())
                .as("a blocked verdict is not also 'flagged'")
                .isFalse();
    }

    @Test
    void wireNamesRoundTrip() {
        for (IncidentCategory category : IncidentCategory.values()) {
            assertThat(IncidentCategory.fromWire(" " + category.wireName().toUpperCase(Locale.ROOT) + " "))
                    .contains(category);
        }
        assertThat(IncidentCategory.fromWire("pii")).isEmpty();
        assertThat(IncidentCategory.fromWire(null)).isEmpty();
    }

    @Test
    void badValuesAreRejectedWithTheValueNamed() {
        assertThatThrownBy(() -> CategoryPolicy.block(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> incident(IncidentCategory.PROMPT_INJECTION, -0.1))
                .hasMessageContaining("-0.1");
    }
}
