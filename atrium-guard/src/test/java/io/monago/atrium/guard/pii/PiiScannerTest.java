package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiScannerTest {
    private final PiiScanner scanner = PiiScanner.defaults();

    /** The single finding of {@code text}, checked to cover exactly {@code value}. */
    private PiiFinding only(String text, EntityType type, String value) {
        List<PiiFinding> findings = scanner.scan(text);
        assertThat(findings).as("findings in %s", text).hasSize(1);
        PiiFinding f = findings.get(0);
        assertThat(f.type()).as("type in %s", text).isEqualTo(type);
        assertThat(f.start()).as("start in %s", text).isEqualTo(text.indexOf(value));
        assertThat(f.valueIn(text)).isEqualTo(value);
        return f;
    }

    private List<String> types(String text) {
        return scanner.scan(text).stream()
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @Nested
    class GatewayConformancePrompts {
        @Test
        void nikInAClinicalPromptEvenWithAnImpossibleMonth() {
            PiiFinding f = only("Pasien NIK 3201234567890123 batuk 2 minggu", EntityType.NIK, "3201234567890123");
            assertThat(f.rule()).isEqualTo("nik.context"); // month 67: the context word decides
        }

        @Test
        void nikAndPhoneInTheSdkDemoPrompt() {
            String text = "Pasien dengan NIK 3201234567890123 dan nomor HP 081234567890 datang dengan keluhan batuk "
                    + "sudah 2 minggu. Tolong analisis kemungkinan diagnosa.";
            assertThat(types(text)).containsExactly("NIK=3201234567890123", "PHONE=081234567890");
        }

        @Test
        void ssnAndCard() {
            only("leak SSN 123-45-6789", EntityType.SSN, "123-45-6789");
            only("charge my card 4111 1111 1111 1111 please", EntityType.CREDIT_CARD, "4111 1111 1111 1111");
        }

        @Test
        void aCleanPromptHasNothing() {
            assertThat(scanner.scan("What is the capital of Indonesia?")).isEmpty();
            assertThat(scanner.scan("")).isEmpty();
        }
    }

    @Nested
    class EveryEntity {
        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "NIK|Data pemohon: 3171015708450001, Jakarta|3171015708450001|nik.structure",
                    "KK|Nomor Kartu Keluarga: 3273012405150003|3273012405150003|kk.context",
                    "NPWP|NPWP perusahaan 01.312.166.0-091.000|01.312.166.0-091.000|npwp.context",
                    "NPWP|Mohon dicek 01.312.166.0-091.000 ya|01.312.166.0-091.000|npwp.format",
                    "BPJS|No. kartu JKN 0001234567890|0001234567890|bpjs.context",
                    "PHONE|Hubungi 0812-3456-7890 besok|0812-3456-7890|phone.id-mobile",
                    "PHONE|kantor (021) 555-1234 jam kerja|(021) 555-1234|phone.id-landline",
                    "PHONE|call +44 20 7946 0958 today|+44 20 7946 0958|phone.e164",
                    "PHONE|call (415) 555-2671 today|(415) 555-2671|phone.nanp",
                    "EMAIL|kirim ke dr.siti@rs-harapan.co.id ya|dr.siti@rs-harapan.co.id|email.address",
                    "CREDIT_CARD|bayar pakai 5500-0000-0000-0004 saja|5500-0000-0000-0004|card.luhn",
                    "IBAN|wire to GB82 WEST 1234 5698 7654 32 now|GB82 WEST 1234 5698 7654 32|iban.mod97",
                    "SSN|Employee 078-05-1121 on file|078-05-1121|ssn.format",
                    "PASSPORT|nomor paspor X1234567 berlaku|X1234567|passport.context",
                    "IP_ADDRESS|ssh ke 203.0.113.7 gagal|203.0.113.7|ip.v4",
                    "IP_ADDRESS|ping 2001:db8:85a3::8a2e:370:7334 ok|2001:db8:85a3::8a2e:370:7334|ip.v6",
                    "DATE_OF_BIRTH|Tanggal lahir: 17 Agustus 1945.|17 Agustus 1945|dob.context",
                    "BANK_ACCOUNT|No. rek BCA 123-456-7890 ya|123-456-7890|bank.context",
                    "MRN|No. RM 00-12-34 poli paru|00-12-34|mrn.context",
                    "SECRET|OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t please|sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t|secret.openai",
                    "SECRET|key AKIAIOSFODNN7EXAMPLE leaked|AKIAIOSFODNN7EXAMPLE|secret.aws-access-key",
                    "SECRET|token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 lama|ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789|secret.github",
                    "SECRET|slack xoxb-123456789012-abcdefABCDEF ok|xoxb-123456789012-abcdefABCDEF|secret.slack",
                    "SECRET|kata sandi: Rahasia#2024 jangan disebar|Rahasia#2024|secret.assignment",
                    "PERSON|Pasien Tn. Budi Santoso, 58 th|Budi Santoso|person.title",
                    "PERSON|transfer a.n. Dewi Anggraeni kemarin|Dewi Anggraeni|person.label",
                    "PERSON|Mohon hubungi Ibu Siti Rahayu besok|Siti Rahayu|person.role",
                    "PERSON|Dewi Anggraeni datang kontrol|Dewi Anggraeni|person.names",
                    "ADDRESS|Alamat: Jl. Melati No. 12 RT 003/RW 005, Kel. Sukajadi.|Jl. Melati No. 12 RT 003/RW 005, Kel. Sukajadi|address.shape",
                    "ADDRESS|ship to 221B Baker Street, London NW1 6XE today|221B Baker Street, London NW1 6XE|address.shape",
                })
        void isRecognisedWithItsSpanAndRule(EntityType type, String text, String value, String rule) {
            assertThat(only(text, type, value).rule()).isEqualTo(rule);
        }

        @Test
        void jwtAndPrivateKey() {
            String jwt =
                    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
            assertThat(only("Authorization: Bearer " + jwt, EntityType.SECRET, jwt)
                            .rule())
                    .isEqualTo("secret.jwt");
            String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1b2c3d4e5f6\n-----END RSA PRIVATE KEY-----";
            assertThat(only("my key:\n" + pem + "\nthanks", EntityType.SECRET, pem)
                            .rule())
                    .isEqualTo("secret.private-key");
            assertThat(scanner.scan("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"))
                    .isEmpty();
        }

        @Test
        void dateOfBirthInManyWritings() {
            assertThat(types("Tgl lahir 12-03-1990, DOB 1990-03-12, born March 12, 1990, TTL: Bandung, 12 Mar 1990"))
                    .containsExactly(
                            "DATE_OF_BIRTH=12-03-1990",
                            "DATE_OF_BIRTH=1990-03-12",
                            "DATE_OF_BIRTH=March 12, 1990",
                            "DATE_OF_BIRTH=12 Mar 1990");
        }

        @Test
        void contextWordsAfterTheValueCountToo() {
            only("3201234567890123 adalah NIK saya", EntityType.NIK, "3201234567890123");
            only("081234567 (WA)", EntityType.PHONE, "081234567");
        }
    }

    @Nested
    class Evasions {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "full-width digits|NIK ３２０１２３４５６７８９０１２３ ya|３２０１２３４５６７８９０１２３",
                    "Arabic-Indic digits|NIK ٣٢٠١٢٣٤٥٦٧٨٩٠١٢٣ ya|٣٢٠١٢٣٤٥٦٧٨٩٠١٢٣",
                    "Persian digits|NIK ۳۲۰۱۲۳۴۵۶۷۸۹۰۱۲۳ ya|۳۲۰۱۲۳۴۵۶۷۸۹۰۱۲۳",
                    "spaces between digits|NIK 3 2 0 1 2 3 4 5 6 7 8 9 0 1 2 3 ya|3 2 0 1 2 3 4 5 6 7 8 9 0 1 2 3",
                    "dots between digits|NIK 3.2.0.1.2.3.4.5.6.7.8.9.0.1.2.3 ya|3.2.0.1.2.3.4.5.6.7.8.9.0.1.2.3",
                    "dashes in fours|NIK 3201-2345-6789-0123 ya|3201-2345-6789-0123",
                })
        void nikStaysANik(String evasion, String text, String value) {
            only(text, EntityType.NIK, value);
        }

        @Test
        void zeroWidthCharactersBetweenDigits() {
            String nik = "3201\u200B2345\u200C6789\u200D0123";
            only("NIK " + nik + " ya", EntityType.NIK, nik);
            String phone = "0\u20608\u20601\u20602\uFEFF3456\u00AD7890";
            only("HP " + phone, EntityType.PHONE, phone);
        }

        @Test
        void mathematicalDigitsOutsideTheBasicPlane() {
            String bold = "\uD835\uDFD1\uD835\uDFD0\uD835\uDFCE\uD835\uDFCF" + "234567890123"; // 𝟑𝟐𝟎𝟏...
            only("NIK " + bold, EntityType.NIK, bold);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "bracketed|email budi [at] gmail [dot] com ya|budi [at] gmail [dot] com",
                    "parenthesised|email budi(at)gmail(dot)co(dot)id ya|budi(at)gmail(dot)co(dot)id",
                    "words|email budi at gmail dot com ya|budi at gmail dot com",
                    "full-width at|email budi＠gmail.com ya|budi＠gmail.com",
                    "braces|email budi{at}gmail{dot}com ya|budi{at}gmail{dot}com",
                })
        void spelledOutEmails(String evasion, String text, String value) {
            only(text, EntityType.EMAIL, value);
        }

        @Test
        void contextWordsGluedToTheirValue() {
            assertThat(types("NIK3201234567890123, KTP-3171015708450001, No.081234567890"))
                    .containsExactly("NIK=3201234567890123", "NIK=3171015708450001", "PHONE=081234567890");
        }

        @Test
        void theWordAtAloneIsNotAnEmail() {
            assertThat(scanner.scan("Meet me at the lobby, or look at example.com for details."))
                    .isEmpty();
        }
    }

    @Nested
    class Overlaps {
        @Test
        void aLuhnValidCardNumberWithNikContextIsANik() {
            // 3578... is in JCB's range and passes Luhn; the context word decides.
            String value = "3578101201900018";
            assertThat(new CorpusValuesLuhn(value).valid()).isTrue();
            only("NIK pemohon " + value, EntityType.NIK, value);
            only("kartu kredit " + value, EntityType.CREDIT_CARD, value);
        }

        @Test
        void aBareUnbrokenNumberThatIsBothIsANikButCardsPrintedInFoursAreCards() {
            assertThat(new CorpusValuesLuhn("5171044508900008").valid()).isTrue();
            assertThat(types("Data: 5171044508900008.")).containsExactly("NIK=5171044508900008");
            assertThat(types("Data: 5171 0445 0890 0008.")).containsExactly("CREDIT_CARD=5171 0445 0890 0008");
        }

        @Test
        void theNearestContextWordWins() {
            assertThat(types("No. rekening dan HP: 081234567890")).containsExactly("PHONE=081234567890");
            assertThat(types("HP dan No. rekening: 081234567890")).containsExactly("BANK_ACCOUNT=081234567890");
        }

        @Test
        void aContextWordIntroducesOnlyTheNextNumber() {
            assertThat(types("Transfer ke rekening 1234567890 a.n. Budi, 081234567890"))
                    .containsExactly("BANK_ACCOUNT=1234567890", "PERSON=Budi", "PHONE=081234567890");
        }

        @Test
        void listsKeepTheirContext() {
            // Neither value has NIK structure (month 67, month 00): only the shared context word makes them NIKs.
            assertThat(types("NIK: 3201234567890123, 3201234500000123 dan 3201234567890124"))
                    .containsExactly("NIK=3201234567890123", "NIK=3201234500000123", "NIK=3201234567890124");
        }

        @Test
        void aBracketedWordDescribesTheValueBeforeIt() {
            assertThat(types("IBAN DE89370400440532013000 (Deutsche Bank) lalu 3171015708450001"))
                    .containsExactly("IBAN=DE89370400440532013000", "NIK=3171015708450001");
        }

        @Test
        void findingsNeverOverlapAndComeInTextOrder() {
            String text = "budi0812345678@gmail.com HP 0812 3456 7890 0813 9876 5432 NIK 3171015708450001";
            List<PiiFinding> findings = scanner.scan(text);
            assertThat(types(text))
                    .containsExactly(
                            "EMAIL=budi0812345678@gmail.com",
                            "PHONE=0812 3456 7890",
                            "PHONE=0813 9876 5432",
                            "NIK=3171015708450001");
            for (int i = 1; i < findings.size(); i++) {
                assertThat(findings.get(i).start())
                        .isGreaterThanOrEqualTo(findings.get(i - 1).end());
            }
        }
    }

    @Nested
    class HardNegatives {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "version|Upgrade ke v2.14.0-rc1 atau versi 10.0.0.1 dulu",
                    "uuid|request_id=550e8400-e29b-41d4-a716-446655440000",
                    "git sha|Fixed in 3f786850e387550fdab836ed7e6dc881de23001b",
                    "sha256|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "timestamp|2024-03-12T10:15:30Z and epoch 1710238530123",
                    "amount|Total Rp 15.000.000 dan saldo IDR 22.235.094.167",
                    "luhn-failing card|Nomor 4111 1111 1111 1112 ditolak",
                    "impossible NIK|Kode 3171019913450001 di kolom 3",
                    "invoice|Invoice INV-2024-000123 dan order 081234567890",
                    "clinical numbers|Tekanan darah 120/80 mmHg, suhu 38.5, kamar 203",
                    "time and ratio|Jam 12:30:45, rasio 16:9, MAC 00:1A:2B:3C:4D:5E",
                    "spelled digits without end|1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3",
                })
        void haveNoFinding(String what, String text) {
            assertThat(types(text)).as(what).isEmpty();
        }
    }

    @Nested
    class Configuration {
        @Test
        void entitiesCanBeChosen() {
            PiiScanner cardsOnly =
                    PiiScanner.builder().entities(EntityType.CREDIT_CARD).build();
            assertThat(cardsOnly.scan("NIK 3201234567890123 card 4111111111111111"))
                    .extracting(PiiFinding::type)
                    .containsExactly(EntityType.CREDIT_CARD);
            PiiScanner noEmail = PiiScanner.builder().without(EntityType.EMAIL).build();
            assertThat(noEmail.scan("budi@gmail.com")).isEmpty();
            assertThat(noEmail.entities()).doesNotContain(EntityType.EMAIL).contains(EntityType.NIK);
            assertThatThrownBy(() -> PiiScanner.builder().entities(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aRecogniserCanBeAdded() {
            DigitRecognizer hospitalMrn = new DigitRecognizer() {
                @Override
                public EntityType type() {
                    return EntityType.MRN;
                }

                @Override
                public int minDigits() {
                    return 8;
                }

                @Override
                public int maxDigits() {
                    return 8;
                }

                @Override
                public Optional<Match> recognize(DigitWindow w, Context c) {
                    return w.value(0, 2) == 77
                            ? Optional.of(Match.of(w, EntityType.MRN, 0.9, "mrn.hospital"))
                            : Optional.empty();
                }
            };
            PiiScanner custom = PiiScanner.builder().addRecognizer(hospitalMrn).build();
            assertThat(custom.scan("pasien 77012345 kontrol"))
                    .extracting(PiiFinding::rule)
                    .containsExactly("mrn.hospital");
            assertThat(scanner.scan("pasien 77012345 kontrol")).isEmpty();
        }

        @Test
        void aRecogniserOutsideTheDigitRangeIsRefused() {
            DigitRecognizer tooLong = new DigitRecognizer() {
                @Override
                public EntityType type() {
                    return EntityType.MRN;
                }

                @Override
                public int minDigits() {
                    return 10;
                }

                @Override
                public int maxDigits() {
                    return 30;
                }

                @Override
                public Optional<Match> recognize(DigitWindow w, Context c) {
                    return Optional.empty();
                }
            };
            assertThatThrownBy(() -> PiiScanner.builder().addRecognizer(tooLong).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1..19");
        }

        @Test
        void oneScannerServesManyThreads() throws Exception {
            String text = "NIK 3201234567890123, HP 0812-3456-7890, email budi@gmail.com, kartu 4111 1111 1111 1111";
            List<PiiFinding> expected = scanner.scan(text);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<PiiFinding>>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    results.add(pool.submit(() -> scanner.scan(text)));
                }
                for (Future<List<PiiFinding>> r : results) {
                    assertThat(r.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFindingNeverShowsItsValue() {
        PiiFinding f = scanner.scan("NIK 3201234567890123").get(0);
        assertThat(f.toString()).doesNotContain("3201234567890123").contains("NIK");
        assertThatThrownBy(() -> new PiiFinding(EntityType.NIK, 5, 5, 0.9, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiFinding(EntityType.NIK, 0, 5, 1.5, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Luhn, computed here independently of the code under test. */
    private record CorpusValuesLuhn(String digits) {
        boolean valid() {
            return CorpusValues.luhnValid(digits);
        }
    }
}
