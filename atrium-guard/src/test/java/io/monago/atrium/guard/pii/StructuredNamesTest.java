package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.names.FieldKeys;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names whose context is the text's structure (a column, a key, a chat speaker, a sign-off, a
 * transfer on a statement), a known given name before an unknown surname, and addresses that start
 * with a unit: what the default policy acts on, and the look-alikes it leaves alone.
 */
class StructuredNamesTest {
    private final PiiScanner scanner = PiiScanner.defaults();
    private final PiiPolicy policy = PiiPolicy.defaults();

    private List<String> acted(String text) {
        return scanner.scan(text).stream()
                .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    private List<String> rules(String text) {
        return scanner.scan(text).stream()
                .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                .map(f -> f.rule())
                .collect(Collectors.toList());
    }

    @Nested
    class Keys {
        @ParameterizedTest
        @CsvSource({
            "nama_lengkap, 2",
            "full_name, 2",
            "patientName, 2",
            "nama_pasien, 2",
            "Nama Wajib Pajak, 2",
            "penerima, 2",
            "manager, 2",
            "account_holder, 2",
            "name, 1",
            "NAMA, 1",
            "nama_obat, 0",
            "service_name, 0",
            "product_name, 0",
            "id_karyawan, 0",
            "name2, 0"
        })
        void areReadAsWords(String key, int kind) {
            assertThat(FieldKeys.of(key)).isEqualTo(kind);
        }

        @Test
        void personalDataKeysMakeARecordAPersons() {
            assertThat(FieldKeys.personalData("no_hp")).isTrue();
            assertThat(FieldKeys.personalData("tanggal_lahir")).isTrue();
            assertThat(FieldKeys.personalData("harga")).isFalse();
        }
    }

    @Nested
    class Tables {
        @Test
        void aNameColumnMakesEveryCellAName() {
            String csv = "kode,nama_pelanggan,kota\nC-1,Yermias Tabuni,Wamena\nC-2,Ni Made Sukerti,Gianyar\n";
            assertThat(acted(csv)).containsExactly("PERSON=Yermias Tabuni", "PERSON=Ni Made Sukerti");
            assertThat(rules(csv)).containsOnly("person.column");
        }

        @Test
        void aBareNameColumnNeedsAPersonsRecordOrAKnownName() {
            String people = "id;nama;no_hp\n7;Yermias Tabuni;-\n";
            assertThat(acted(people)).containsExactly("PERSON=Yermias Tabuni");
            String products = "name,category,price\nLogitech Pebble Mouse,Accessories,329000\n";
            assertThat(acted(products)).isEmpty();
        }

        @Test
        void aThingsNameColumnIsNotANameColumn() {
            assertThat(acted("nama_obat,harga\nAmlodipine Besylate,8000\nCetirizine,4000\n"))
                    .isEmpty();
        }

        @Test
        void theTableEndsWhereTheRowsStopMatchingTheHeader() {
            String text = "full_name,dept\nYermias Tabuni,Ops\n\nRapat Besar Tahunan diadakan di Aula, lantai dua\n";
            assertThat(acted(text)).containsExactly("PERSON=Yermias Tabuni");
        }
    }

    @Nested
    class KeysAndValues {
        @Test
        void jsonValuesUnderNameKeys() {
            String json = "{\"nama_lengkap\": \"Yermias Tabuni\", \"items\": [{\"name\": \"Paracetamol 500 mg\"}]}";
            assertThat(acted(json)).containsExactly("PERSON=Yermias Tabuni");
        }

        @Test
        void aBareNameKeyInAPersonsRecord() {
            assertThat(acted("{\"name\": \"Yermias Tabuni\", \"email_verified\": true}"))
                    .containsExactly("PERSON=Yermias Tabuni");
            assertThat(acted("{\"name\": \"Atlas Mobile\", \"version\": \"1.4.0\"}"))
                    .isEmpty();
        }

        @Test
        void yamlAndFormFields() {
            assertThat(acted("owner:\n  full_name: Yermias Tabuni\n  team: Platform\n"))
                    .containsExactly("PERSON=Yermias Tabuni");
            assertThat(acted("Nama Wajib Pajak : EKO\n")).containsExactly("PERSON=EKO");
            assertThat(acted("metadata:\n  name: payment-service\n")).isEmpty();
            assertThat(acted("Assignee: Unassigned\nCustomer: Walk-in\n")).isEmpty();
        }
    }

    @Nested
    class Speakers {
        @Test
        void afterATimestampAnySpeakerIsAPerson() {
            String chat = """
                    [10:02] Yermias: paket saya belum sampai
                    [10:03] Bot: Mohon tunggu
                    [10:04] CS Rukmini: Baik Kak, kami cek
                    """;
            assertThat(acted(chat)).containsExactly("PERSON=Yermias", "PERSON=Rukmini");
        }

        @Test
        void withoutATimestampTheSpeakerNeedsAGivenName() {
            assertThat(acted("Robert Rumondor: sudah saya transfer\n")).containsExactly("PERSON=Robert Rumondor");
            assertThat(acted("Diagnosis: Demam Berdarah\nTerapi: Infus RL\n")).isEmpty();
        }

        @Test
        void aNameFoundOnceIsFoundWhereverItIsWrittenAgain() {
            String chat = "[09:00] Yermias: halo\nnanti Yermias yang ambil obatnya\n";
            assertThat(acted(chat)).containsExactly("PERSON=Yermias", "PERSON=Yermias");
            assertThat(rules(chat)).containsExactly("person.speaker", "person.repeat");
        }
    }

    @Nested
    class SignOffs {
        @Test
        void theLineAfterASignOff() {
            assertThat(acted("Terima kasih atas bantuannya.\n\nSalam,\nFransiska Lumbantobing\n"))
                    .containsExactly("PERSON=Fransiska Lumbantobing");
            assertThat(acted("Regards,\nOliver Pennywhistle")).containsExactly("PERSON=Oliver Pennywhistle");
            assertThat(acted("Salam, Dewi Anggraeni")).containsExactly("PERSON=Dewi Anggraeni");
            assertThat(acted("Best regards,\n\nOliver Pennywhistle")).containsExactly("PERSON=Oliver Pennywhistle");
            assertThat(acted("Thanks!\nOliver Pennywhistle")).containsExactly("PERSON=Oliver Pennywhistle");
        }

        @Test
        void aTeamOrCompanyAfterASignOffIsNotAName() {
            assertThat(acted("Regards,\nCustomer Success Team\nAcme Logistics")).isEmpty();
            assertThat(acted("Salam hangat,\nTim Customer Care")).isEmpty();
        }
    }

    @Nested
    class Transfers {
        @Test
        void namesInCapitalsOnAStatement() {
            assertThat(acted("03/11 TRANSFER DARI IMELDA SIHOMBING   1.250.000,00 CR"))
                    .containsExactly("PERSON=IMELDA SIHOMBING");
            assertThat(acted("05/03 TRSF E-BANKING DB YERMIAS TABUNI   1.500.000,00 DB"))
                    .containsExactly("PERSON=YERMIAS TABUNI");
        }

        @Test
        void companiesAndAccountsAreNotNames() {
            assertThat(acted("02/11 TRF KE PT TELKOM INDONESIA   350.000,00 DB"))
                    .isEmpty();
            assertThat(acted("Transfer to Savings Pocket done.")).isEmpty();
        }
    }

    @Nested
    class GivenNameAndUnknownSurname {
        @Test
        void aKnownGivenNameBeforeACapitalisedWord() {
            assertThat(acted("Rujukan untuk Yosef Wanimbo, 45 tahun.")).containsExactly("PERSON=Yosef Wanimbo");
        }

        @Test
        void notInsideARunOfCapitalisedWords() {
            assertThat(acted("Layanan Unggulan RS Santo Borromeus")).isEmpty();
            assertThat(acted("Promo Bank Mandiri berlaku di Jalan Sudirman.")).isEmpty();
        }
    }

    @Nested
    class UnitsFirst {
        @Test
        void aUkAddressStartingWithAFlatRunsToItsPostcode() {
            assertThat(acted("Flat 2, 47 Cranbrook Road, Bristol BS6 7BS"))
                    .containsExactly("ADDRESS=Flat 2, 47 Cranbrook Road, Bristol BS6 7BS");
        }
    }
}
