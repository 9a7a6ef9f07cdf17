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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NIK pasien tiga dua tujuh tiga nol satu satu dua nol tiga enam enam nol nol nol empat, terima kasih.",
                "NPWP 092. 542943 - 4 - 407. 000 sudah dicatat.",
                "NIK ③②⑦③⓪①①②⓪③⑥⑥⓪⓪⓪④ sudah dicatat.",
                "Surel rina [at] rs-harapan . co . id ya.",
                "NIK (base64) MzIwMTIzNDU2Nzg5MDEyMw== sudah dicatat.",
                "NIK hex 33323031323334353637383930313233 sudah dicatat.",
                "NIK saya 3201 2345\n6789 0123 ya.",
                "HP 0812-3456-\n7890 ya.",
            })
    void anEvasiveValueCutAnywhereIsRedactedAsWhole(String answer) {
        String whole = redactor.redactOutput(answer, RedactionSession.oneWay()).text();
        assertThat(whole).as("the whole answer has a finding").isNotEqualTo(answer);
        for (int i = 0; i <= answer.length(); i++) {
            for (int j = i; j <= answer.length(); j += 3) {
                List<String> sent =
                        stream(List.of(answer.substring(0, i), answer.substring(i, j), answer.substring(j)));
                assertThat(String.join("", sent)).as("cut at %d and %d", i, j).isEqualTo(whole);
            }
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

        // The last word is held: a spelled-out "[at]" may follow it.
        assertThat(r.accept("Pasien batuk dua minggu, ").text()).isEqualTo("Pasien batuk dua ");
        assertThat(r.accept("hubungi 0812").text()).isEqualTo("minggu, hubungi ");
        assertThat(r.held()).isEqualTo(4);
        // A space after a digit may still be inside the number: held until a word follows it.
        assertThat(r.accept(" 3456 7890").text()).isEmpty();
        assertThat(r.accept(" segera, ").text()).isEqualTo("[PHONE_1] ");
        assertThat(r.finish().text()).isEqualTo("segera, ");
        assertThat(r.summary().detectedCounts()).containsEntry(EntityType.PHONE, 1);
    }

    @Test
    void placeholdersInTheAnswerDoNotHoldItBack() {
        // A model often repeats the placeholders it was sent; their brackets open no "[at]".
        StreamingRedactor r = StreamingRedactor.of(redactor, RedactionSession.oneWay());

        assertThat(r.accept("Pasien NIK [NIK_1], HP [PHONE_1], ").text()).isEqualTo("Pasien NIK [NIK_1], HP ");
        assertThat(r.accept("batuk dua minggu.").text()).isEqualTo("[PHONE_1], batuk dua ");
    }

    @Test
    void aNumberThatIsNoFindingYetIsHeldUntilItsSentenceEnds() {
        StreamingRedactor r = StreamingRedactor.of(redactor, RedactionSession.oneWay());

        assertThat(r.accept("Nomor 3201234567890123 adalah ").text()).isEqualTo("Nomor ");
        assertThat(r.accept("NIK saya. Terima ").text()).isEqualTo("[NIK_1] adalah NIK saya. ");
    }

    @Test
    void aContextWordAfterAValueInALaterPieceStillCounts() {
        // Found by StreamingRedactorFuzzTest: "3201234567890123" is no well-formed NIK (month 67), so
        // only "NIK" after it makes it one; the number was sent before that piece arrived.
        String answer = "Nomor 3201234567890123 adalah NIK saya.";
        String whole = redactor.redactOutput(answer, RedactionSession.oneWay()).text();

        assertThat(whole).isEqualTo("Nomor [NIK_1] adalah NIK saya.");
        assertThat(String.join("", stream(List.of("Nomor 3201234567890123 adalah ", "NIK saya."))))
                .isEqualTo(whole);
    }

    @Test
    void aListInSmallPiecesIsRedactedValueByValue() {
        // Holding back before a value must stop at a value's start, never inside one.
        StringBuilder list = new StringBuilder("Daftar NIK ");
        for (int i = 10; i < 20; i++) {
            list.append("32012345678901").append(i).append(", ");
        }
        String answer = list.append("selesai.").toString();
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < answer.length(); i += 3) {
            pieces.add(answer.substring(i, Math.min(answer.length(), i + 3)));
        }

        assertThat(String.join("", stream(pieces)))
                .isEqualTo(
                        redactor.redactOutput(answer, RedactionSession.oneWay()).text())
                .contains("[NIK_10], selesai.");
    }

    @Test
    void aSecondBeginInsideAPrivateKeyDoesNotReleaseTheKeyBeforeIt() {
        // Found by StreamingRedactorFuzzTest: the hold-back started at the last -----BEGIN, and what
        // the scanner took for the end of the first block, at a character no key holds, went out.
        String first = "kunci:\n-----BEGIN PRIVATE KEY-----\n<\u742d----\n<\u742d>MIANBgkqhkiG9w0yFAASC-----BEGIN";
        String second = " BKcwggSjgAEAAoIBAQC7\n-----END PRIVATE KEY-----\nok";
        String whole =
                redactor.redactOutput(first + second, RedactionSession.oneWay()).text();

        assertThat(whole).doesNotContain("\u742d").doesNotContain("MIANBg");
        assertThat(String.join("", stream(List.of(first, second)))).isEqualTo(whole);
    }

    @Test
    void anAtSignWithASpaceAfterItHoldsTheWordBeforeIt() {
        // Found by StreamingRedactorFuzzTest: "Terimdi@ " went out before the rest of the address.
        List<String> pieces = List.of(
                "Data pu HP 0812 ",
                "3456 7890. Terimdi@ 0812",
                "rs-sehat.co.id atau HP 0812 ",
                "3456 7890. Terima kasih.");
        String whole = redactor.redactOutput(String.join("", pieces), RedactionSession.oneWay())
                .text();

        assertThat(whole).doesNotContain("Terimdi");
        assertThat(String.join("", stream(pieces))).isEqualTo(whole);
    }

    @Test
    void aSpelledOutEmailAddressCutAfterItsLocalPartIsRedactedWhole() {
        // Found by StreamingRedactorFuzzTest: the local part went out before "[at]" arrived.
        String answer = "tulis ke budi [at] gmail [dot] com ya";

        assertThat(String.join("", stream(List.of("tulis ke budi [at]", " gmail [dot] com ya"))))
                .isEqualTo(
                        redactor.redactOutput(answer, RedactionSession.oneWay()).text())
                .isEqualTo("tulis ke [EMAIL_1] ya");
    }

    @Test
    void aLongRunIsReleasedButForItsTailAndAnUnfinishedPrivateKeyIsHeldWhole() {
        StreamingRedactor r = StreamingRedactor.of(redactor, RedactionSession.oneWay());
        String run = "x".repeat(StreamingRedactor.MAX_RUN + 100);

        assertThat(r.accept(run).text()).hasSize(run.length() - StreamingRedactor.KEEP);
        assertThat(r.held()).isEqualTo(StreamingRedactor.KEEP);

        StreamingRedactor k = StreamingRedactor.of(redactor, RedactionSession.oneWay());
        assertThat(k.accept("kunci: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7")
                        .text())
                .isEqualTo("kunci: ");
        String rest = k.accept("VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1+fWIcPm15j9\n-----END PRIVATE KEY----- selesai")
                        .text()
                + k.finish().text();
        assertThat(rest).doesNotContain("MIIEvQ").contains("selesai");
    }

    @Test
    void aNameOrAddressCutAcrossPiecesNeverLeaks() {
        String answer = "Rujukan untuk Pasien Dewi Anggraeni datang kontrol, alamat Jl. Melati No. 12 RT 003/RW 005, "
                + "Kel. Sukajadi, Kota Bandung. Hubungi Tn. Budi Santoso bila perlu.";
        String whole = redactor.redactOutput(answer, RedactionSession.oneWay()).text();
        assertThat(whole)
                .isEqualTo("Rujukan untuk Pasien [PERSON_1] datang kontrol, alamat [ADDRESS_1]. Hubungi Tn. [PERSON_2]"
                        + " bila perlu.");
        for (int i = 0; i <= answer.length(); i++) {
            for (int j = i; j <= answer.length(); j += 7) {
                List<String> sent =
                        stream(List.of(answer.substring(0, i), answer.substring(i, j), answer.substring(j)));
                String joined = String.join("", sent);
                for (String value : new String[] {"Dewi", "Anggraeni", "Melati", "Sukajadi", "Budi", "Santoso"}) {
                    assertThat(joined).as("cut at %d and %d", i, j).doesNotContain(value);
                }
            }
        }
    }

    @Test
    void aBareNameCutAfterItsFirstWordIsHeldUntilItsSecond() {
        List<String> sent = stream(List.of("Dewi ", "Anggraeni datang kontrol hari ini."));
        assertThat(sent.get(0)).isEmpty();
        assertThat(String.join("", sent)).isEqualTo("[PERSON_1] datang kontrol hari ini.");
    }
}
