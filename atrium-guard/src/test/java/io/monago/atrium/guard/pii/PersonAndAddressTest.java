package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Person names and addresses: what the default policy acts on, and the look-alikes it leaves alone. */
class PersonAndAddressTest {
    private final PiiScanner scanner = PiiScanner.defaults();
    private final PiiPolicy policy = PiiPolicy.defaults();

    /** Findings the default policy acts on, as {@code TYPE=value}. */
    private List<String> acted(String text) {
        return scanner.scan(text).stream()
                .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @Nested
    class Persons {
        @Test
        void afterTitlesLabelsAndRoleWords() {
            assertThat(acted("a.n. Budi")).containsExactly("PERSON=Budi");
            assertThat(acted("Pasien Dewi Anggraeni datang kontrol")).containsExactly("PERSON=Dewi Anggraeni");
            assertThat(acted("Ny. Siti Aminah, 62 th")).containsExactly("PERSON=Siti Aminah");
            assertThat(acted("Sdr. Kornelius Wenda hadir")).containsExactly("PERSON=Kornelius Wenda");
            assertThat(acted("dr. Rina Wijaya, Sp.PD")).containsExactly("PERSON=Rina Wijaya");
            assertThat(acted("Mrs. O'Brien called")).containsExactly("PERSON=O'Brien");
            assertThat(acted("patient: John A. Smith")).containsExactly("PERSON=John A. Smith");
            assertThat(acted("Nama: BUDI SANTOSO")).containsExactly("PERSON=BUDI SANTOSO");
            assertThat(acted("atas nama Agus Setiawan bin Sulaiman"))
                    .containsExactly("PERSON=Agus Setiawan bin Sulaiman");
            assertThat(acted("transfer ke a/n siti rahayu ya")).containsExactly("PERSON=siti rahayu");
        }

        @Test
        void aTitleBeforeATitleGivesWayToIt() {
            assertThat(acted("Yth. Bapak dr. Hendra Gunawan")).containsExactly("PERSON=Hendra Gunawan");
        }

        @Test
        void gazetteerNamesAloneCountWithLowerConfidence() {
            PiiFinding f = scanner.scan("Dewi Anggraeni datang kontrol").get(0);
            assertThat(f.type()).isEqualTo(EntityType.PERSON);
            assertThat(f.confidence())
                    .isLessThan(0.8)
                    .isGreaterThanOrEqualTo(policy.rule(EntityType.PERSON).minConfidence());
            assertThat(acted("Kemarin Agus Setiawan menelepon.")).containsExactly("PERSON=Agus Setiawan");
        }

        @Test
        void aNameStopsBeforeTheNextValueOrSentence() {
            assertThat(acted("a.n. Putri Rahayu Email: putri@gmail.com"))
                    .containsExactly("PERSON=Putri Rahayu", "EMAIL=putri@gmail.com");
            assertThat(acted("Tn. Budi. Keluhan batuk")).containsExactly("PERSON=Budi");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Ibu kota Indonesia akan pindah.",
                    "Bapak-bapak dan Ibu-ibu sekalian, selamat pagi.",
                    "Bandung hujan deras.",
                    "Pada bulan Maret jadwal poli berubah.",
                    "Paracetamol dan Amoxicillin diberikan sesudah makan.",
                    "Dirujuk ke RS Hasan Sadikin untuk CT scan.",
                    "Rumah Sakit Cipto Mangunkusumo membuka layanan baru.",
                    "Macet di Jl. Ahmad Yani sejak pagi.",
                    "Pasien Diabetes Melitus tipe 2 kontrol rutin.",
                    "Ibu Hamil wajib periksa ke Puskesmas.",
                    "Monday Morning Meeting: Quarterly Review",
                    "Apple and Samsung released new phones in September.",
                    "Indomie dan Aqua dijual di Alfamart.",
                    "Call Center BCA buka 24 jam.",
                    "Universitas Gadjah Mada menerima mahasiswa baru.",
                    "Grace Kelly Hospital opened a new wing.",
                })
        void lookAlikesAreNotPersons(String text) {
            assertThat(acted(text)).isEmpty();
        }
    }

    @Nested
    class Addresses {
        @Test
        void indonesianShapes() {
            assertThat(acted("Jl. Melati No. 12 RT 003/RW 005, Kel. Sukajadi"))
                    .containsExactly("ADDRESS=Jl. Melati No. 12 RT 003/RW 005, Kel. Sukajadi");
            assertThat(acted("Alamat: Jl. Raya Bogor Km. 30 No. 5, Kec. Cimanggis, Kota Depok, Jawa Barat 16953."))
                    .containsExactly(
                            "ADDRESS=Jl. Raya Bogor Km. 30 No. 5, Kec. Cimanggis, Kota Depok, Jawa Barat 16953");
            assertThat(acted("Desa Sukamaju, Kec. Cibadak, Kab. Sukabumi"))
                    .containsExactly("ADDRESS=Desa Sukamaju, Kec. Cibadak, Kab. Sukabumi");
            assertThat(acted("Perum Griya Asri Blok C2 No. 5, Kota Bekasi"))
                    .containsExactly("ADDRESS=Perum Griya Asri Blok C2 No. 5, Kota Bekasi");
            assertThat(acted("tinggal di Gg. Mawar III No. 7\nBandung 40111, HP 081234567890"))
                    .containsExactly("ADDRESS=Gg. Mawar III No. 7\nBandung 40111", "PHONE=081234567890");
        }

        @Test
        void internationalShapes() {
            assertThat(acted("Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500"))
                    .containsExactly("ADDRESS=1600 Pennsylvania Avenue NW, Washington, DC 20500");
            assertThat(acted("Mrs. O'Brien lives at 221B Baker Street, London NW1 6XE."))
                    .containsExactly("PERSON=O'Brien", "ADDRESS=221B Baker Street, London NW1 6XE");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Macet panjang di Jl. Sudirman arah Semanggi.",
                    "Kota Bandung terkenal dengan kulinernya.",
                    "Jalan kaki 30 menit setiap hari.",
                    "Lantai 3 sedang direnovasi.",
                    "Take the 5 train to Main Street station.",
                    "No. 12 dari daftar antrean dipanggil.",
                    "Kecamatan Coblong mengadakan vaksinasi.",
                    "Kode pos 40132, RT 05/RW 03",
                })
        void aStreetOrCityWithoutAnAddressShapeIsNone(String text) {
            assertThat(acted(text)).isEmpty();
        }
    }
}
