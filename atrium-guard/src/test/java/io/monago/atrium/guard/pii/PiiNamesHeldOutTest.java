package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A third, hand-written set for names and addresses, kept apart from both generators: whole
 * documents in English and Indonesian (HR exports, a pharmacy order, chat logs, discharge
 * summaries, a bank statement, UK and US letters, forms in capitals, YAML), and clean documents
 * full of capitalised words that are not names (drugs, brands, institutions, places, headings,
 * product tables). Names and addresses are marked in the text as {@code <<P:...>>} and
 * {@code <<A:...>>}; a finding counts only with the right type and the exact span, and only if the
 * default policy acts on it.
 *
 * <p>In the documents with personal data only {@code PERSON} and {@code ADDRESS} are scored; in the
 * clean documents any finding of any type counts against the scanner.
 *
 * <p>Reproduce: {@code ./mvnw -q -B -pl atrium-guard -am verify -Dtest=PiiNamesHeldOutTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PiiNamesHeldOutTest {

    private static final List<String> WITH_PERSONAL_DATA = List.of(
            // An HR export, Indonesian headers.
            """
            id_karyawan,nama_lengkap,jabatan,unit,tgl_masuk
            K-0192,<<P:Yosua Simanjuntak>>,Staf Gudang,Logistik,2021-03-15
            K-0193,<<P:Ni Luh Putu Ayu Wardani>>,Kasir,Keuangan,2022-07-01
            K-0194,<<P:Hendrik Pangemanan>>,Supervisor,Operasional,2019-11-20
            K-0195,<<P:Siti Rahmawati>>,Admin Gudang,Logistik,2023-01-09
            """,
            // An HR export, English headers, a second name column.
            """
            employee_id,full_name,department,start_date,manager
            E1042,<<P:Margaret Okonkwo>>,Finance,2020-02-03,<<P:Daniel Whitfield>>
            E1043,<<P:Rizal Fahmi>>,Engineering,2021-06-14,<<P:Priya Venkataraman>>
            E1044,<<P:Chloe Brennan>>,Customer Success,2022-09-05,<<P:Daniel Whitfield>>
            """,
            // A pharmacy order, JSON: product names under "name" are not people.
            """
            {
              "order_id": "APT-2026-11873",
              "customer": {
                "full_name": "<<P:Theodora Manullang>>",
                "phone": "0813-2290-4417"
              },
              "items": [
                {"sku": "PCT500", "name": "Paracetamol 500 mg", "qty": 2},
                {"sku": "AMX500", "name": "Amoxicillin 500 mg", "qty": 1}
              ],
              "shipping_address": "<<A:Jl. Kenari II No. 7, RT 04/RW 09, Kel. Sukamaju>>",
              "recipient": "<<P:Bonaventura Sihite>>"
            }
            """,
            // A chat log, WhatsApp export.
            """
            [07/12/26 09.14] <<P:Agustinus Wenda>>: Selamat pagi, obat untuk mama sudah bisa diambil?
            [07/12/26 09.16] Apotek Sehat Farma: Pagi Pak, sudah siap. Atas nama siapa ya?
            [07/12/26 09.17] <<P:Agustinus Wenda>>: Atas nama <<P:Martha Kogoya>>, ibu saya.
            [07/12/26 09.20] Apotek Sehat Farma: Baik, ditunggu di Apotek Sehat Farma cabang Abepura.
            """,
            // A support chat in English, a speaker with a single name.
            """
            [10:02] <<P:Tomasz>>: hi, my parcel still hasn't arrived
            [10:03] Support Bot: Sorry to hear that. Can you share the order number?
            [10:04] <<P:Tomasz>>: it's NX-88120. My name is <<P:Tomasz Wisniewski>>
            """,
            // A discharge summary in English.
            """
            DISCHARGE SUMMARY
            Patient: <<P:Harold Fitzgerald>>
            Attending: Dr. <<P:Anita Raghunathan>>
            Admitted 2 November with community-acquired pneumonia, treated with Ceftriaxone and
            Azithromycin. Discharged home in stable condition on Amoxicillin-Clavulanate.
            Follow-up: Respiratory Clinic, St Mary's Hospital, in two weeks.
            """,
            // A discharge summary in Indonesian.
            """
            RINGKASAN PULANG
            Nama Pasien : <<P:Kadek Sutarja>>
            Alamat      : <<A:Jl. Raya Sesetan Gg. Nuri No. 21, Denpasar Selatan>>
            DPJP        : dr. <<P:Made Ariawan>>, Sp.PD
            Diagnosis   : Demam Berdarah Dengue
            Terapi      : Infus RL, Paracetamol 3x500 mg
            """,
            // A bank statement: names in capitals after transfer verbs.
            """
            TANGGAL KETERANGAN                                   MUTASI
            01/11   TRSF E-BANKING DB 0111/FTSCY/WS95031 TRF KE <<P:YULIANUS TABUNI>>   500.000,00 DB
            03/11   TRANSFER DARI <<P:IMELDA SIHOMBING>>                     1.250.000,00 CR
            05/11   BIAYA ADM                                            15.000,00 DB
            07/11   TARIK TUNAI ATM BCA GRAND INDONESIA                  300.000,00 DB
            """,
            // A UK letter.
            """
            <<A:Flat 2, 47 Cranbrook Road, Bristol BS6 7BS>>

            Dear Mrs <<P:Pemberton>>,

            Thank you for your letter about the boundary fence. I have spoken to the council.

            Yours sincerely,
            <<P:Oliver Hartley>>
            """,
            // A US letter.
            """
            Dear Mr. <<P:Abernathy>>,

            Please send the signed lease to <<A:2218 Maple Grove Drive, Apt 4B, Columbus, OH 43215>> by Friday.

            Regards,
            <<P:Jennifer Castellano>>
            """,
            // A form filled in capitals.
            """
            FORMULIR PENDAFTARAN
            NAMA: <<P:DEWI KARTIKASARI>>
            ALAMAT: <<A:JL. CEMPAKA PUTIH NO. 14, RT 02/RW 05>>
            PEKERJAAN: GURU
            """,
            // An e-mail with a greeting and a sign-off.
            """
            Halo Pak <<P:Rudi>>,

            Berkas klaim sudah kami terima dan sedang diverifikasi oleh tim Asuransi Sehat Bersama.
            Mohon kirimkan fotokopi kartu peserta paling lambat Jumat.

            Salam,
            <<P:Fransiska Lumbantobing>>
            """,
            // YAML with a contact block.
            """
            project: klinik-booking
            owner:
              name: <<P:Bernadette Kowalczyk>>
              team: Platform
            reviewers:
              - name: <<P:Wahyu Nugroho>>
            """,
            // A referral note: known given name, surname no list has.
            """
            Rujukan: <<P:Yosef Wanimbo>> datang dengan keluhan batuk lebih dari tiga minggu.
            Keluarga (<<P:Paulus Wanimbo>>) mendampingi. Mohon pemeriksaan BTA di RSUD Jayapura.
            """);

    private static final List<String> CLEAN =
            List.of("""
            Layanan Unggulan RS Santo Borromeus
            Poliklinik Penyakit Dalam
            Jadwal Praktik Senin sampai Jumat
            Instalasi Gawat Darurat Buka 24 Jam
            """, """
            nama_obat,golongan,bentuk,harga
            Amoxicillin 500 mg,Antibiotik,Kapsul,12500
            Amlodipine Besylate,Antihipertensi,Tablet,8000
            Metformin Hydrochloride,Antidiabetes,Tablet,6500
            Cetirizine,Antihistamin,Tablet,4000
            """, """
            name,category,price
            Samsung Galaxy A55,Smartphone,5499000
            Logitech Pebble Mouse,Accessories,329000
            Kopi Susu Gula Aren,Beverage,25000
            Standing Desk Walnut,Furniture,3150000
            """, """
            {
              "name": "atrium-gateway",
              "service_name": "Payment Service",
              "region": "Asia Pacific",
              "owner_team": "Platform Engineering"
            }
            """, """
            Quarterly Review Agenda
            1. Revenue Update - Finance Team
            2. Product Roadmap: Atlas Mobile Launch
            Location: Grand Hyatt Jakarta, Ballroom B
            Monday, 14 December
            """, """
            TANGGAL KETERANGAN                         MUTASI
            02/11   TRF KE PT TELKOM INDONESIA         350.000,00 DB
            04/11   PEMBAYARAN PLN PRABAYAR            200.000,00 DB
            06/11   BUNGA                                   812,45 CR
            06/11   PAJAK BUNGA                             162,49 DB
            """, """
            Amlodipine Besylate 10 mg
            Indikasi: Hipertensi
            Produsen: PT Kimia Farma Tbk
            Simpan di bawah suhu 30 derajat, jauhkan dari jangkauan anak.
            """, """
            User: can you summarise the Kubernetes upgrade notes?
            Assistant: Sure. The control plane moves to version 1.30 first, then the node pools.
            Admin: please also mention the Redis Cache migration.
            """, """
            Halo Kak, terima kasih sudah menghubungi Toko Bunga Melati.
            Pesanan akan dikirim hari Sabtu.

            Salam hangat,
            Tim Customer Care
            """, """
            Regards,
            Customer Success Team
            Acme Logistics
            """, """
            kota,provinsi,populasi
            Bandung,Jawa Barat,2452943
            Makassar,Sulawesi Selatan,1423877
            Pontianak,Kalimantan Barat,672440
            """, """
            Rencana perjalanan hari pertama: berangkat dari Stasiun Gambir, lalu ke Kebun Raya Bogor,
            makan siang di Pasar Anyar, sore ke Ibu Kota Nusantara lewat video tur Museum Nasional.
            """, """
            apiVersion: v1
            kind: Service
            metadata:
              name: payment-service
              labels:
                team: Platform Engineering
            """, """
            Patient Education: Managing Type 2 Diabetes
            Take Metformin with meals. Ask your Pharmacist before using Ibuprofen.
            Visit the Diabetes Clinic at Royal Melbourne Hospital every March and September.
            """);

    private static final class Tally {
        int truePositives;
        int falseNegatives;
        int falsePositives;

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    private record Marked(String text, List<PiiCorpus.Label> labels) {}

    /** Removes the {@code <<P:...>>} and {@code <<A:...>>} marks, keeping their spans as labels. */
    private static Marked parse(String marked) {
        StringBuilder text = new StringBuilder();
        List<PiiCorpus.Label> labels = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("<<", i);
            if (open < 0) {
                text.append(marked, i, marked.length());
                break;
            }
            text.append(marked, i, open);
            EntityType type = marked.charAt(open + 2) == 'P' ? EntityType.PERSON : EntityType.ADDRESS;
            int close = marked.indexOf(">>", open);
            int start = text.length();
            text.append(marked, open + 4, close);
            labels.add(new PiiCorpus.Label(type, start, text.length()));
            i = close + 2;
        }
        return new Marked(text.toString(), labels);
    }

    @Test
    void namesAndAddressesInHandWrittenDocuments() {
        PiiScanner scanner = PiiScanner.defaults();
        PiiPolicy policy = PiiPolicy.defaults();
        Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
        tallies.put(EntityType.PERSON, new Tally());
        tallies.put(EntityType.ADDRESS, new Tally());
        List<String> errors = new ArrayList<>();
        for (String doc : WITH_PERSONAL_DATA) {
            Marked m = parse(doc);
            List<PiiFinding> findings = scanner.scan(m.text()).stream()
                    .filter(f -> tallies.containsKey(f.type()))
                    .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                    .toList();
            List<PiiFinding> unmatched = new ArrayList<>(findings);
            for (PiiCorpus.Label label : m.labels()) {
                PiiFinding hit = unmatched.stream()
                        .filter(f -> f.type() == label.type() && f.start() == label.start() && f.end() == label.end())
                        .findFirst()
                        .orElse(null);
                if (hit != null) {
                    tallies.get(label.type()).truePositives++;
                    unmatched.remove(hit);
                } else {
                    tallies.get(label.type()).falseNegatives++;
                    errors.add("MISSED " + label.type() + " [" + m.text().substring(label.start(), label.end()) + "]");
                }
            }
            for (PiiFinding f : unmatched) {
                tallies.get(f.type()).falsePositives++;
                errors.add("EXTRA " + f.type() + " [" + f.valueIn(m.text()) + "] " + f.rule());
            }
        }
        int cleanWithFinding = 0;
        for (String doc : CLEAN) {
            List<PiiFinding> findings = scanner.scan(doc).stream()
                    .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                    .toList();
            if (!findings.isEmpty()) {
                cleanWithFinding++;
                findings.forEach(f -> errors.add("CLEAN " + f.type() + " [" + f.valueIn(doc) + "] " + f.rule()));
            }
        }
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%n| entity | labels | missed | extra | precision | recall |%n|---|---|---|---|---|---|%n"));
        for (Map.Entry<EntityType, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            report.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %d | %d | %d | %.4f | %.4f |%n",
                    e.getKey(),
                    t.truePositives + t.falseNegatives,
                    t.falseNegatives,
                    t.falsePositives,
                    t.precision(),
                    t.recall()));
        }
        report.append(String.format(
                Locale.ROOT,
                "%d documents with personal data; %d clean, %d of them with a finding%n",
                WITH_PERSONAL_DATA.size(),
                CLEAN.size(),
                cleanWithFinding));
        System.out.println(report);
        errors.forEach(System.out::println);

        Tally person = tallies.get(EntityType.PERSON);
        Tally address = tallies.get(EntityType.ADDRESS);
        assertThat(person.recall()).as("PERSON recall").isGreaterThanOrEqualTo(MIN_PERSON_RECALL);
        assertThat(person.precision()).as("PERSON precision").isGreaterThanOrEqualTo(MIN_PERSON_PRECISION);
        assertThat(address.recall()).as("ADDRESS recall").isGreaterThanOrEqualTo(MIN_ADDRESS_RECALL);
        assertThat(address.precision()).as("ADDRESS precision").isGreaterThanOrEqualTo(MIN_ADDRESS_PRECISION);
        assertThat(cleanWithFinding).as("clean documents with a finding").isLessThanOrEqualTo(MAX_CLEAN_WITH_FINDING);
    }

    // A little below the figures recorded in docs/guard.md (PERSON 1.0 / 0.9714, ADDRESS 1.0 / 1.0, no
    // clean document with a finding); with five addresses one error is 0.8.
    private static final double MIN_PERSON_RECALL = 0.94;
    private static final double MIN_PERSON_PRECISION = 0.97;
    private static final double MIN_ADDRESS_RECALL = 0.8;
    private static final double MIN_ADDRESS_PRECISION = 0.8;
    private static final int MAX_CLEAN_WITH_FINDING = 0;
}
