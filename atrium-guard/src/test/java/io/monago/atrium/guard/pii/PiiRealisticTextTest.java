package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hand-written texts of the kind users send, none of them produced by the corpus generator: what a
 * careful reader would redact, and nothing else.
 */
class PiiRealisticTextTest {
    private final PiiScanner scanner = PiiScanner.defaults();

    private List<String> found(String text) {
        return scanner.scan(text).stream()
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @Test
    void referralLetter() {
        String text = "Kepada Yth. dr. Sp.P\n"
                + "Mohon konsul pasien Tn. Ahmad Hidayat, 58 th, No. RM 02-34-56, NIK 3273011203660004, "
                + "BPJS 0001523456789. TD 150/90, SpO2 94%, Rontgen 12/03/2024: infiltrat paru kanan atas.\n"
                + "Keluarga dapat dihubungi di 0812 2233 4455 (istri).";
        assertThat(found(text))
                .containsExactly(
                        "PERSON=Ahmad Hidayat",
                        "MRN=02-34-56",
                        "NIK=3273011203660004",
                        "BPJS=0001523456789",
                        "PHONE=0812 2233 4455");
    }

    @Test
    void bankingChat() {
        String text = "Halo CS, saya mau komplain. Tgl 5 Maret saya transfer Rp 1.250.000 dari rek BCA saya "
                + "5271234567 ke rekening Mandiri 1370012345678 a.n. Rina, tapi belum masuk. "
                + "Kartu debit saya 5264 7100 1234 5674 juga terblokir. Email saya rina.k@yahoo.co.id, WA 62811234567.";
        assertThat(found(text))
                .containsExactly(
                        "BANK_ACCOUNT=5271234567",
                        "BANK_ACCOUNT=1370012345678",
                        "PERSON=Rina",
                        "CREDIT_CARD=5264 7100 1234 5674",
                        "EMAIL=rina.k@yahoo.co.id",
                        "PHONE=62811234567");
    }

    @Test
    void developerPastingConfig() {
        String text = """
                Why does this fail?
                ```
                spring.datasource.url=jdbc:postgresql://10.20.30.40:5432/app
                spring.datasource.password=Xk9#mQ2!vLp
                openai.api-key=sk-proj-9fKq2LmN8vX4rT6yW1zA3bC5dE7gH0jJ
                server.port=8080
                logging.level.root=INFO
                ```
                Stack: java.lang.IllegalStateException at Foo.java:42""";
        assertThat(found(text))
                .containsExactly(
                        "IP_ADDRESS=10.20.30.40",
                        "SECRET=Xk9#mQ2!vLp",
                        "SECRET=sk-proj-9fKq2LmN8vX4rT6yW1zA3bC5dE7gH0jJ");
    }

    @Test
    void hrFormInEnglish() {
        String text = "New hire: Sarah Johnson, DOB 04/07/1991, SSN 219-45-8823, passport no. 584930217, "
                + "phone (646) 555-0143, email sarah.johnson@company.com. Start date 2024-09-01, salary $85,000.";
        assertThat(found(text))
                .containsExactly(
                        "PERSON=Sarah Johnson",
                        "DATE_OF_BIRTH=04/07/1991",
                        "SSN=219-45-8823",
                        "PASSPORT=584930217",
                        "PHONE=(646) 555-0143",
                        "EMAIL=sarah.johnson@company.com");
    }

    @Test
    void ecommerceSupportWithReferenceNumbers() {
        String text = "Pesanan #INV/2024/03/118822 dengan resi JNE JP1234567890 belum sampai. Total Rp 349.000, "
                + "dibayar 12-03-2024 pukul 14:22 via VA 8808 1234 5678 9012. Mohon dicek ya kak, terima kasih.";
        assertThat(found(text)).isEmpty();
    }

    @Test
    void taxAndFamilyDocuments() {
        String text = "Lampiran: fotokopi KTP (NIK 3578026708920003), KK no. 3578020101150012, "
                + "NPWP 09.254.294.3-407.000, dan paspor B 2345678.";
        assertThat(found(text))
                .containsExactly(
                        "NIK=3578026708920003",
                        "KK=3578020101150012",
                        "NPWP=09.254.294.3-407.000",
                        "PASSPORT=B 2345678");
    }

    @Test
    void technicalTextWithoutPersonalData() {
        String text = "Upgrade from 3.2.1 to 3.4.0 requires Java 17.0.15; build 20240312.1 failed on commit a1b2c3d "
                + "(see issue #4521). The UUID 123e4567-e89b-12d3-a456-426614174000 maps to shard 12 of 64. "
                + "Latency p99 = 812.4 ms at 1,000 req/s; port 5432 open on localhost.";
        assertThat(found(text)).isEmpty();
    }

    @Test
    void evasiveUser() {
        String text = "nik gw ３２７３０１１２０３６６０００４ trs hp 0 8 1 2 2 2 3 3 4 4 5 5, "
                + "email ahmad(at)gmail(dot)com, jgn bilang2 ya";
        assertThat(found(text))
                .containsExactly(
                        "NIK=３２７３０１１２０３６６０００４", "PHONE=0 8 1 2 2 2 3 3 4 4 5 5", "EMAIL=ahmad(at)gmail(dot)com");
    }
}
