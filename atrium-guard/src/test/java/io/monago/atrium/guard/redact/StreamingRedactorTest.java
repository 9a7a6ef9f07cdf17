package io.monago.atrium.guard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer that arrives in pieces is redacted exactly as the whole answer would be, wherever the
 * pieces are cut, and no piece ever carries a value.
 */
class StreamingRedactorTest {

    private final PiiRedactor redactor = PiiRedactor.of(PiiScanner.defaults(), PiiPolicy.defaults());

    static final String[] VALUES = {
        "3201234567890123", "4111111111111111", "dokter.budi@rs-sehat.co.id", "0812 3456 7890"
    };

    private static final String ANSWER = "Data pasien: NIK 3201234567890123, kartu 4111111111111111, "
            + "kontak dokter.budi@rs-sehat.co.id atau HP 0812 3456 7890. Terima kasih.";

    /** Feeds the pieces, then finishes; returns every piece sent. */
    private List<String> stream(List<String> pieces) {
        StreamingRedactor r = StreamingRedactor.of(redactor, RedactionSession.oneWay());
        List<String> sent = new ArrayList<>();
        for (String p : pieces) {
            sent.add(r.accept(p).text());
        }
        sent.add(r.finish().text());
        return sent;
    }

    private String whole() {
        return redactor.redactOutput(ANSWER, RedactionSession.oneWay()).text();
    }

    private void check(List<String> pieces) {
        List<String> sent = stream(pieces);
        assertThat(String.join("", sent)).as("cut into %s", pieces).isEqualTo(whole());
        for (String piece : sent) {
            for (String value : VALUES) {
                assertThat(piece).doesNotContain(value);
                // Nor any run of digits that is part of a value and long enough to identify it.
                assertThat(piece).doesNotContainPattern("[0-9]{8,}");
            }
        }
    }

    @Test
    void theWholeAnswerIsRedactedAsExpected() {
        assertThat(whole())
                .isEqualTo("Data pasien: NIK [NIK_1], kartu [CREDIT_CARD_1], kontak [EMAIL_1] atau HP [PHONE_1]."
                        + " Terima kasih.");
    }

    @Test
    void everyCutIntoTwoPiecesGivesTheSameAnswer() {
        for (int i = 0; i <= ANSWER.length(); i++) {
            check(List.of(ANSWER.substring(0, i), ANSWER.substring(i)));
        }
    }

    @Test
    void everyCutIntoThreePiecesAroundEachValueGivesTheSameAnswer() {
        for (String value : VALUES) {
            int at = ANSWER.indexOf(value);
            for (int i = at - 3; i <= at + value.length() + 1; i++) {
                for (int j = i; j <= at + value.length() + 1; j++) {
                    check(List.of(ANSWER.substring(0, i), ANSWER.substring(i, j), ANSWER.substring(j)));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void tenPiecesCutAtRandomGiveTheSameAnswer(int seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            List<Integer> cuts = new ArrayList<>();
            for (int k = 0; k < 9; k++) {
                cuts.add(random.nextInt(ANSWER.length() + 1));
            }
            cuts.sort(null);
            List<String> pieces = new ArrayList<>();
            int from = 0;
            for (int cut : cuts) {
                pieces.add(ANSWER.substring(from, cut));
                from = cut;
            }
            pieces.add(ANSWER.substring(from));
            check(pieces);
        }
    }

    @Test
    void characterByCharacterGivesTheSameAnswer() {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < ANSWER.length(); i++) {
            pieces.add(String.valueOf(ANSWER.charAt(i)));
        }
        check(pieces);
    }

    @Test
    void onlyWhatCouldStillBecomeAFindingIsHeld() {
        StreamingRedactor r = StreamingRedactor.of(redactor, RedactionSession.oneWay());

        assertThat(r.accept("Pasien batuk dua minggu, ").text()).isEqualTo("Pasien batuk dua minggu, ");
        assertThat(r.accept("hubungi 0812").text()).isEqualTo("hubungi ");
        assertThat(r.held()).isEqualTo(4);
        // A space after a digit may still be inside the number: held until a word follows it.
        assertThat(r.accept(" 3456 7890").text()).isEmpty();
        assertThat(r.accept(" segera, ").text()).isEqualTo("[PHONE_1] segera, ");
        assertThat(r.finish().text()).isEmpty();
        assertThat(r.summary().detectedCounts()).containsEntry(EntityType.PHONE, 1);
    }

    @Test
    void aLongRunIsReleasedButForItsTailAndAnUnfinishedPrivateKeyIsHeldWhole() {
        StreamingRedactor r = StreamingRedactor.of(redactor, RedactionSession.oneWay());
        String run = "x".repeat(StreamingRedactor.MAX_RUN + 100);

        assertThat(r.accept(run).text()).hasSize(run.length() - StreamingRedactor.KEEP);
        assertThat(r.held()).isEqualTo(StreamingRedactor.KEEP);

        StreamingRedactor k = StreamingRedactor.of(redactor, RedactionSession.oneWay());
        assertThat(k.accept("kunci: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg kqhkiG9w0BAQEFAASC")
                        .text())
                .isEqualTo("kunci: ");
        String rest = k.accept("BKcwggSjAgEAAoIBAQ\n-----END PRIVATE KEY----- selesai")
                        .text()
                + k.finish().text();
        assertThat(rest).doesNotContain("MIIEvQ").contains("selesai");
    }
}
