package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values a model reads although the text does not show them as such: written in base64 or hex,
 * broken by a line break, or split between two messages of one conversation. Each is found, over
 * the encoded token, across the line or in both messages; ids, hashes and random tokens that only
 * look encoded, and numbers on lines of their own, are left alone.
 */
class EncodedAndSplitValuesTest {
    private static final String NIK = "3201234567890123";
    private static final String EMAIL = "budi.santoso@contoh.co.id";
    private static final String CARD = "4532015112830366";
    private static final String PHONE = "081234567890";

    private final PiiScanner scanner = PiiScanner.defaults();

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(String value) {
        return HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> found(String text) {
        return scanner.scan(text).stream()
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @Test
    void valuesInBase64AreFoundOverTheWholeToken() {
        assertThat(found("NIK pasien (base64): " + base64(NIK) + ", mohon dicek"))
                .containsExactly("NIK=" + base64(NIK));
        assertThat(found("NIK " + base64Url(NIK))).containsExactly("NIK=" + base64Url(NIK));
        assertThat(found("kirim ke " + base64(EMAIL) + " ya")).containsExactly("EMAIL=" + base64(EMAIL));
        assertThat(found("kartu kredit " + base64(CARD))).containsExactly("CREDIT_CARD=" + base64(CARD));
        assertThat(found("HP " + base64(PHONE))).containsExactly("PHONE=" + base64(PHONE));
        // Base64 of digits is often letters only ("MTExMTEx"): still read.
        assertThat(found("kartu kredit " + base64("4111111111111111"))).hasSize(1);
    }

    @Test
    void valuesInHexAreFoundOverTheWholeToken() {
        assertThat(found("NIK hex " + hex(NIK))).containsExactly("NIK=" + hex(NIK));
        assertThat(found("email: " + hex(EMAIL))).containsExactly("EMAIL=" + hex(EMAIL));
    }

    @Test
    void theFindingSaysItWasDecoded() {
        List<PiiFinding> f = scanner.scan("NIK " + base64(NIK));
        assertThat(f).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(EntityType.NIK);
            assertThat(v.rule()).endsWith(".base64");
        });
        assertThat(scanner.scan("NIK " + hex(NIK)).get(0).rule()).endsWith(".hex");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "git commit|fixed in commit 3f786850e387550fdab836ed7e6dc881de23001b",
                "sha256|digest sha256:98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4",
                "base64 of prose|pesan: SGVsbG8gV29ybGQgdGhpcyBpcyBhIHRlc3Q=",
                "base64 of an order code|id b3JkZXItMTIzNDUtYWJj",
                "uuid|request 123e4567-e89b-12d3-a456-426614174000 failed",
                "long camel word|class InternationalizationConfigurationLoader",
                "reference number|nomor referensi 20241207153012345678",
            })
    void tokensThatOnlyLookEncodedAreLeftAlone(String what, String text) {
        assertThat(scanner.scan(text)).as(what).isEmpty();
    }

    @Test
    void randomTokensDecodeToNoValue() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[12 + random.nextInt(36)];
            random.nextBytes(bytes);
            String token = i % 2 == 0
                    ? Base64.getEncoder().encodeToString(bytes)
                    : HexFormat.of().formatHex(bytes);
            assertThat(scanner.scan("id " + token)).as(token).isEmpty();
        }
    }

    @Test
    void aValueSplitBetweenTwoMessagesIsFoundInBoth() {
        List<String> texts = List.of("NIK saya " + NIK.substring(0, 10), NIK.substring(10) + " tolong dicek");

        List<List<PiiFinding>> found = scanner.scanConversation(texts);

        assertThat(found.get(0)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(EntityType.NIK);
            assertThat(f.valueIn(texts.get(0))).isEqualTo(NIK.substring(0, 10));
        });
        assertThat(found.get(1)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(EntityType.NIK);
            assertThat(f.valueIn(texts.get(1))).isEqualTo(NIK.substring(10));
        });
    }

    @Test
    void aSpacedValueOrAnAddressSplitAtItsSpaceOrDotIsFound() {
        List<String> phone = List.of("HP saya 0812 3456", "7890 ya");
        assertThat(scanner.scanConversation(phone)).extracting(List::size).containsExactly(1, 1);
        assertThat(scanner.scanConversation(phone).get(0).get(0).valueIn(phone.get(0)))
                .isEqualTo("0812 3456");

        List<String> email = List.of("email saya budi.santoso@", "gmail.com");
        List<List<PiiFinding>> found = scanner.scanConversation(email);
        assertThat(found.get(0).get(0).valueIn(email.get(0))).isEqualTo("budi.santoso@");
        assertThat(found.get(1).get(0).valueIn(email.get(1))).isEqualTo("gmail.com");
    }

    @Test
    void messagesThatMeetWithoutASplitValueKeepTheirOwnFindings() {
        assertThat(scanner.scanConversation(List.of("nomor 12", "0812-3456-7890 ya")))
                .extracting(List::size)
                .containsExactly(0, 1);
        assertThat(scanner.scanConversation(List.of("Jumlah 150000", "2 pasien")))
                .allSatisfy(f -> assertThat(f).isEmpty());
        assertThat(scanner.scanConversation(List.of("Tagihan nomor INV-2024-0012", "Terima kasih.")))
                .allSatisfy(f -> assertThat(f).isEmpty());
        // Each text alone is read as scan() reads it.
        List<String> texts = List.of("NIK " + NIK, "HP " + PHONE, "");
        List<List<PiiFinding>> found = scanner.scanConversation(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(found.get(i)).isEqualTo(scanner.scan(texts.get(i)));
        }
    }

    @Test
    void aValueBrokenByALineBreakIsFoundWhole() {
        assertThat(found("NIK saya 3201 2345\n6789 0123 ya")).containsExactly("NIK=3201 2345\n6789 0123");
        assertThat(found("NIK saya 32012345\r\n67890123")).containsExactly("NIK=32012345\r\n67890123");
        // A separator before the break says the number goes on: no context word needed.
        assertThat(found("0812-3456-\n7890")).containsExactly("PHONE=0812-3456-\n7890");
    }

    @Test
    void numbersOnSeparateLinesStaySeparate() {
        assertThat(found("Daftar HP:\n0812-1111-2222\n0813-3333-4444"))
                .containsExactly("PHONE=0812-1111-2222", "PHONE=0813-3333-4444");
        assertThat(scanner.scan("Stok:\n1234\n5678\n9012\n3456")).isEmpty();
        assertThat(scanner.scan("Total 150000\n2024\n12")).isEmpty();
        // Without a context word, lines of digits are not joined into a card number.
        assertThat(scanner.scan("4532 0151\n1283 0366")).isEmpty();
    }
}
