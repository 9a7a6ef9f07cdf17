package io.monago.atrium.guard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiAction;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
    private final PiiRedactor redactor = PiiRedactor.of(PiiScanner.defaults(), PiiPolicy.defaults());

    private static List<TextSegment> segments(String... texts) {
        return java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> new TextSegment("messages[" + i + "].content", MessageRole.USER, texts[i]))
                .collect(Collectors.toList());
    }

    @Test
    void aRequestIsRedactedAcrossSegmentsAndTheAnswerRestored() {
        RedactionSession session = RedactionSession.reversible();
        PiiRedactor.RedactedRequest request = redactor.redactRequest(
                segments("Pasien NIK 3201234567890123, HP 081234567890", "Ulangi: NIK 3201234567890123"), session);
        assertThat(request.summary().blocked()).isFalse();
        assertThat(request.summary().redactedWire()).isEqualTo("NIK,PHONE");
        assertThat(request.segments())
                .extracting(PiiRedactor.RedactedSegment::redactedText)
                .containsExactly("Pasien NIK [NIK_1], HP [PHONE_1]", "Ulangi: NIK [NIK_1]");
        assertThat(request.segments().get(0).toString()).doesNotContain("3201234567890123");

        // The model repeats a placeholder and invents an e-mail address of its own.
        PiiRedactor.RedactedText answer =
                redactor.redactOutput("Pasien [NIK_1] bisa dihubungi di [PHONE_1] atau dokter.budi@rs.co.id", session);
        assertThat(answer.text()).isEqualTo("Pasien [NIK_1] bisa dihubungi di [PHONE_1] atau [EMAIL_1]");
        assertThat(answer.summary().redactedCounts()).isEqualTo(Map.of(EntityType.EMAIL, 1));
        assertThat(session.restore(answer.text()))
                .isEqualTo("Pasien 3201234567890123 bisa dihubungi di 081234567890 atau [EMAIL_1]");
        assertThat(session.counts()).isEqualTo(Map.of(EntityType.NIK, 2, EntityType.PHONE, 1));
        assertThat(session.outputCounts()).isEqualTo(Map.of(EntityType.EMAIL, 1));
    }

    @Test
    void aBlockedRequestIsStillRedactedForStorage() {
        PiiRedactor.RedactedRequest request = redactor.redactRequest(
                segments("charge my card 4111 1111 1111 1111 please, NIK 3201234567890123"), RedactionSession.oneWay());
        assertThat(request.summary().blocked()).isTrue();
        assertThat(request.summary().blockReason()).hasValue("PII detected: CREDIT_CARD");
        assertThat(request.segments().get(0).redactedText())
                .isEqualTo("charge my card [CREDIT_CARD_1] please, NIK [NIK_1]");
    }

    @Test
    void blockingTypesInAnAnswerAreRedactedAndFlaggedOnesPassThrough() {
        PiiRedactor flagEmails = PiiRedactor.of(
                PiiScanner.defaults(),
                PiiPolicy.builder().action(EntityType.EMAIL, PiiAction.FLAG).build());
        RedactionSession session = RedactionSession.reversible();
        PiiRedactor.RedactedText answer =
                flagEmails.redactOutput("Kartu 4111 1111 1111 1111, email a.b@c.co.id", session);
        assertThat(answer.text()).isEqualTo("Kartu [CREDIT_CARD_1], email a.b@c.co.id");
        assertThat(answer.summary().flaggedCounts()).isEqualTo(Map.of(EntityType.EMAIL, 1));
        assertThat(session.restore(answer.text())).isEqualTo(answer.text());
    }
}
