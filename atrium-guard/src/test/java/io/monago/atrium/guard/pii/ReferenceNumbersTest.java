package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers shaped like personal data that the words around them call something else: versions,
 * tax documents that are not a taxpayer's number, shipments, tickets and sections. Each negative is
 * paired with texts where the same shape is personal data, so that a fix by dropping the type
 * fails.
 */
class ReferenceNumbersTest {
    private final PiiScanner scanner = PiiScanner.defaults();

    private List<String> found(String text) {
        return scanner.scan(text).stream()
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "firmware|Firmware router di lantai 3 sudah diperbarui ke 2.4.10.3 kemarin.",
                "build far|The nightly build we shipped to the ward tablets is 7.1.0.22.",
                "release notes|Release notes for the patient portal, version 4.12.1.0, list three fixes.",
                "v prefix|Please pin the driver to v10.2.3.4 before the audit.",
                "kernel|Kernel pada server laboratorium masih 5.10.0.21, perlu patch.",
                "section|Lihat pasal 3.2.1.4 pada pedoman akreditasi.",
                "faktur pajak|Nomor seri faktur pajak 010.000-24.12345678 sudah terbit.",
                "tax invoice|The tax invoice number 0102400012345678 is attached to the claim.",
                "kode billing|Kode billing pajak 123456789012345 berlaku 7 hari.",
                "tracking far|Nomor tracking pengiriman obat Anda 081234567890123.",
                "ticket far|Your support ticket reference is 0812345678, we will reply soon.",
                "booking|Kode booking kamar operasi pasien: 021555123456.",
                "order far|Order pembelian alat lab nomor 628123456789 sudah dikirim.",
                "npwp shape, bad check|Nomor dokumen 01.234.567.1-901.234 sudah diarsipkan.",
                "opening hours|Layanan Mobile JKN buka 08.00 - 14.00 setiap hari kerja.",
                "opening hours, one-digit hour|Call centre phone support 8.30 - 16.00 on weekdays.",
            })
    void referenceNumbersAreNotPersonalData(String what, String text) {
        assertThat(found(text)).as(what).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ip after version|Versi agen 4.2 terpasang di host dengan IP 10.20.30.40.|IP_ADDRESS=10.20.30.40",
                "bare ip|Server radiologi ada di 192.168.10.25, tolong cek.|IP_ADDRESS=192.168.10.25",
                "npwp|NPWP pasien 09.254.294.3-407.000 untuk klaim.|NPWP=09.254.294.3-407.000",
                "npwp after tax words|Untuk pajak penghasilan, NPWP saya 092542943407000.|NPWP=092542943407000",
                "phone near order|Order sudah dibayar, hubungi saya di 0812-3456-7890.|PHONE=0812-3456-7890",
                "phone|Keluarga pasien bisa ditelepon di 081234567890.|PHONE=081234567890",
            })
    void theSameShapesArePersonalDataWhenTheWordsSaySo(String what, String text, String expected) {
        assertThat(found(text)).as(what).containsExactly(expected);
    }
}
