package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-written set of exports and forms, kept apart from the generators and from the other
 * hand-written sets: CSV, TSV and markdown tables whose values sit under column headers, JSON
 * exports, log lines, referral letters and forms with names in capitals, and clean documents full
 * of look-alikes (order, invoice, ticket and tracking numbers, SKUs and barcodes, versions and
 * build numbers, timestamps, company and product names). Values are marked in the text as
 * {@code <<TYPE:value>>} and scored by {@link MarkedDocuments}. The rules for column headers,
 * identifiers, trade words and thing columns were written after reading this set's errors: it is a
 * development set now; {@link PiiExportsCheckTest} was written after them and scored once.
 *
 * <p>Reproduce: {@code ./mvnw -q -B -pl atrium-guard -am verify -Dtest=PiiExportsHeldOutTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PiiExportsHeldOutTest {

    private static final List<String> WITH_PERSONAL_DATA = List.of(
            // A clinic's patient export, Indonesian headers, values with no word beside them.
            """
            no,nama,nik,tgl_lahir,no_hp,alamat
            1,<<PERSON:Bambang Sugiarto>>,<<NIK:3578021203850001>>,<<DATE_OF_BIRTH:12/03/1985>>,<<PHONE:081288412290>>,"<<ADDRESS:Jl. Dharmahusada Indah No. 41, Surabaya>>"
            2,<<PERSON:Ratna Juwita>>,<<NIK:3273014507900002>>,<<DATE_OF_BIRTH:05/07/1990>>,<<PHONE:0857-1120-3344>>,"<<ADDRESS:Jl. Cigadung Raya Timur No. 8, Bandung>>"
            3,<<PERSON:Yohanes Tabuni>>,<<NIK:9471022204950001>>,<<DATE_OF_BIRTH:22/04/1995>>,<<PHONE:+62 813 2290 4417>>,"<<ADDRESS:Jl. Raya Abepura No. 17, Jayapura>>"
            """,
            // A customer list, English headers, landlines and foreign numbers under "telephone".
            """
            customer_id,full_name,email,telephone,city
            C-20931,<<PERSON:Gareth Pryce>>,<<EMAIL:gareth.pryce@btinternet.com>>,<<PHONE:07786355412>>,Cardiff
            C-20932,<<PERSON:Ayu Lestari>>,<<EMAIL:ayu.lestari88@yahoo.co.id>>,<<PHONE:0210404485>>,Jakarta
            C-20933,<<PERSON:Liam O'Connor>>,<<EMAIL:liam.oc@eircom.net>>,<<PHONE:0871234567>>,Dublin
            """,
            // Semicolon-separated export with a phone column called telepon and names in capitals.
            """
            ID;NAMA;TELEPON;KOTA
            88101;<<PERSON:SRI WAHYUNINGSIH>>;<<PHONE:0274563210>>;Yogyakarta
            88102;<<PERSON:AHMAD FAUZI>>;<<PHONE:0226031145>>;Bandung
            88103;<<PERSON:MARIA GORETTI SIREGAR>>;<<PHONE:0614152233>>;Medan
            """,
            // A TSV export from a spreadsheet.
            """
            nama_lengkap\tno_hp\temail\tkota
            <<PERSON:Dewi Sartika Nasution>>\t<<PHONE:085260112345>>\t<<EMAIL:dewi.nst@gmail.com>>\tMedan
            <<PERSON:Kevin Sanjaya>>\t<<PHONE:081977004455>>\t<<EMAIL:kevin.s@outlook.com>>\tTangerang
            """,
            // A markdown table in a chat answer.
            """
            | Nama | No. HP | Email |
            |---|---|---|
            | <<PERSON:Rina Marlina>> | <<PHONE:0812 9034 1187>> | <<EMAIL:rina.marlina@gmail.com>> |
            | <<PERSON:Joko Prasetyo>> | <<PHONE:0896 5521 0098>> | <<EMAIL:joko.pras@ymail.com>> |
            """,
            // A markdown table in English, a phone column with landlines.
            """
            | Name | Phone | Notes |
            | --- | --- | --- |
            | <<PERSON:Harriet Lowe>> | <<PHONE:0117 496 0123>> | prefers mornings |
            | <<PERSON:Samuel Osei>> | <<PHONE:0161 496 0877>> | call back Tuesday |
            """,
            // A JSON export of a user record.
            """
            {"users": [
              {"id": 5512, "nama": "<<PERSON:Hendra Gunawan>>", "no_hp": "<<PHONE:081310002233>>", "nik": "<<NIK:3171046608920003>>",
               "tgl_lahir": "<<DATE_OF_BIRTH:1992-08-26>>", "email": "<<EMAIL:hendra.g@gmail.com>>", "last_login_ip": "<<IP_ADDRESS:36.71.140.22>>"},
              {"id": 5513, "nama": "<<PERSON:Putu Eka Darmawan>>", "no_hp": "<<PHONE:087861105522>>", "nik": "<<NIK:5171031101780004>>",
               "tgl_lahir": "<<DATE_OF_BIRTH:1978-01-11>>", "email": "<<EMAIL:putu.eka@gmail.com>>", "last_login_ip": "<<IP_ADDRESS:182.253.14.9>>"}
            ]}
            """,
            // A JSON record with a landline under "telepon" and a bank account.
            """
            {
              "pemohon": "<<PERSON:Lukas Wenda>>",
              "telepon": "<<PHONE:0967531122>>",
              "rekening": "<<BANK_ACCOUNT:1560012345678>>",
              "bank": "Mandiri"
            }
            """,
            // Application log lines.
            """
            2026-12-07T09:14:22Z INFO  login ok user=<<EMAIL:siti.aminah@rsudsehat.go.id>> ip=<<IP_ADDRESS:114.124.201.87>> build=4.12.0
            2026-12-07T09:14:25Z WARN  otp resend phone=<<PHONE:6281299870011>> attempt=2 req_id=7f3a9c2e
            2026-12-07T09:15:02Z INFO  order created order_id=2612070091 amount=185000 sku=8991002101234
            """,
            // A referral letter, fields in capitals.
            """
            SURAT RUJUKAN
            Kepada Yth. dr. <<PERSON:Agus Salim>>, Sp.JP
            RSUP Dr. Sardjito

            NAMA PASIEN : <<PERSON:SITI AMINAH>>
            NIK         : <<NIK:3471056203670002>>
            TGL LAHIR   : <<DATE_OF_BIRTH:22-03-1967>>
            ALAMAT      : <<ADDRESS:JL. KALIURANG KM. 5 NO. 12, SLEMAN>>
            NO. RM      : <<MRN:00-45-12-87>>

            Mohon pemeriksaan lanjutan atas keluhan nyeri dada.
            """,
            // A form, labels in capitals and values in capitals.
            """
            FORMULIR KLAIM ASURANSI
            NAMA: <<PERSON:BUDI SANTOSO>>
            PASIEN: <<PERSON:SITI AMINAH>>
            HUBUNGAN: SUAMI
            NO HP: <<PHONE:0813-5566-7788>>
            """,
            // A quoted patient line in a report.
            """
            Laporan jaga malam 06/12: "PASIEN: <<PERSON:NYOMAN SUDARSANA>>, 64 th, sesak sejak sore."
            Keluarga sudah dihubungi lewat WA <<PHONE:081337221190>>.
            """,
            // An English intake form.
            """
            NEW PATIENT REGISTRATION
            Full name: <<PERSON:EMILY HARGREAVES>>
            Date of birth: <<DATE_OF_BIRTH:14/02/1988>>
            Address: <<ADDRESS:14 Willow Crescent, Leeds LS6 2PT>>
            Mobile: <<PHONE:07700 900461>>
            Email: <<EMAIL:emily.hargreaves@gmail.com>>
            """,
            // A delivery manifest mixing tracking numbers and the recipient's phone.
            """
            resi,penerima,no_hp_penerima,kota_tujuan,berat_kg
            JP1234567890,<<PERSON:Anisa Rahmawati>>,<<PHONE:082145678901>>,Malang,1.2
            JP1234567891,<<PERSON:Fajar Nugroho>>,<<PHONE:081556789012>>,Kediri,0.8
            """,
            // An HR export with a contact column.
            """
            employee_no,name,department,contact,email
            1001,<<PERSON:Rachel Tan>>,Finance,<<PHONE:+65 9123 4567>>,<<EMAIL:rachel.tan@acme.sg>>
            1002,<<PERSON:Arjun Mehta>>,IT,<<PHONE:+91 98201 23456>>,<<EMAIL:arjun.mehta@acme.sg>>
            """,
            // A chat message with a single name and a phone in the text.
            """
            Kak, tolong hubungi <<PERSON:Rina>> ya di <<PHONE:0812-7788-9900>>, dia yang pegang stok.
            """,
            // A guest list with names alone, one per line, under a heading.
            """
            Daftar tamu undangan:
            1. Bapak <<PERSON:Sutrisno>>
            2. Ibu <<PERSON:Endang Susilowati>>
            3. <<PERSON:Yosef Kambu>>
            """,
            // A WhatsApp contact card pasted into a chat.
            """
            BEGIN:VCARD
            FN:<<PERSON:Theresia Manurung>>
            TEL;TYPE=CELL:<<PHONE:+6281263001122>>
            EMAIL:<<EMAIL:theresia.mnr@gmail.com>>
            END:VCARD
            """,
            // JSON configuration with a version and an address; the address is an IP address all the same.
            """
            {"service": "payment-gateway", "version": "3.4.10.2", "port": 8443,
             "upstream": "<<IP_ADDRESS:10.0.12.4>>", "timeout_ms": 30000, "owner": "Platform Team"}
            """);

    private static final List<String> CLEAN = List.of(
            // Orders with marketplace order numbers, invoice numbers and tracking numbers.
            """
            order_id,invoice_no,sku,qty,total,status
            2612070091,INV/20261207/MPL/3456789012,8991002101234,2,185000,SHIPPED
            2612070092,INV/20261207/MPL/3456789013,8992761136017,1,42500,PAID
            2612070093,INV/20261207/MPL/3456789014,8999999036525,3,67500,CANCELLED
            """,
            // Tracking numbers of couriers, 12-16 digits.
            """
            Resi JNE: 0812340012345678
            Resi SiCepat: 004123456789
            Resi J&T: JP0812345678
            Nomor tiket: 081234
            """,
            // Release notes with dotted versions.
            """
            Release 10.2.3.4 (build 20261207.3)
            - upgraded OpenSSL to 3.0.13
            - firmware 1.0.12.255 for the gateway, driver 535.154.05
            - fixed crash in 2.14.1.0 when the cache hit 100.200.300.400 entries
            """,
            // A version table as CSV.
            """
            component,version,build,released
            api,4.12.0.1,20261130.7,2026-11-30
            worker,4.12.0.2,20261201.1,2026-12-01
            agent,192.168.1.1,20261201.2,2026-12-01
            """,
            // Tax invoices and 15-16 digit numbers.
            """
            No. Faktur: 010.000-26.12345678
            Kode billing: 820261207123456
            Nomor transaksi: 1234567890123456
            Reference: 202612070912345
            """,
            // A support ticket list.
            """
            | Ticket | Opened | Priority | Summary |
            |---|---|---|---|
            | 081122334 | 2026-12-01 | P2 | Login page slow |
            | 081122335 | 2026-12-02 | P3 | Typo in footer |
            """,
            // Timestamps and ids in logs.
            """
            1733570400 INFO job=reindex took=8123ms rows=1048576
            1733570460 INFO job=backup size=21474836480 bytes
            2026-12-07 09:14:22,081 DEBUG span=4bf92f3577b34da6 trace=a3ce929d0e0e4736
            """,
            // Companies and products that start with a given name.
            """
            Supplier list: Maria Cookies, Andi Offset, Sari Roti, Dewi Sri Rice Mill and Indah Kiat Pulp & Paper.
            Our investors include Morgan Stanley and Goldman Sachs.
            """,
            // A product catalogue with a name column.
            """
            sku,name,price,stock
            MC-001,Maria Cookies Coklat 250g,45000,120
            AO-17,Andi Offset Kalender 2027,35000,80
            SR-03,Sari Roti Tawar Kupas,18500,300
            """,
            // A company table with a name column.
            """
            | Name | Sector | Listed |
            |---|---|---|
            | Morgan Stanley | Banking | NYSE |
            | Johnson & Johnson | Health | NYSE |
            | Indah Kiat Pulp & Paper | Paper | IDX |
            """,
            // A price list in rupiah.
            """
            Harga paket: Rp 1.250.000 (hemat 250.000), cicilan 0% 12 bulan, kode promo 081212.
            Hubungi toko kami untuk info lebih lanjut.
            """,
            // An invoice without an account.
            """
            INVOICE INV-2026-004512
            Date: 07/12/2026   Due: 21/12/2026
            Item: Annual licence, 25 seats       USD 4,750.00
            PO number: 4500123456
            """,
            // Sensor readings in a TSV.
            """
            device\tfirmware\treading\tts
            th-01\t2.4.1.7\t23.5\t1733570400
            th-02\t2.4.1.7\t24.1\t1733570460
            """,
            // A meeting note with capitalised headings.
            """
            RAPAT KOORDINASI
            AGENDA: EVALUASI PROGRAM JKN
            TEMPAT: RUANG RAPAT LANTAI 3
            NOTULEN: TERLAMPIR
            """,
            // A drug table with a name column in capitals.
            """
            NAMA OBAT;DOSIS;JUMLAH
            PARACETAMOL;500 MG;10
            AMOXICILLIN;500 MG;15
            """);

    @Test
    void valuesInExportsAndFormsAndNoneInLookAlikes() {
        MarkedDocuments.Score score = MarkedDocuments.score(WITH_PERSONAL_DATA, CLEAN);
        System.out.println(score.report());
        assertThat(score.overall().recall()).as("overall recall").isGreaterThanOrEqualTo(MIN_OVERALL_RECALL);
        assertThat(score.overall().precision()).as("overall precision").isGreaterThanOrEqualTo(MIN_OVERALL_PRECISION);
        assertThat(score.of(EntityType.PHONE).recall()).as("PHONE recall").isGreaterThanOrEqualTo(MIN_PHONE_RECALL);
        assertThat(score.of(EntityType.DATE_OF_BIRTH).recall())
                .as("DATE_OF_BIRTH recall")
                .isGreaterThanOrEqualTo(MIN_DOB_RECALL);
        assertThat(score.of(EntityType.PERSON).recall()).as("PERSON recall").isGreaterThanOrEqualTo(MIN_PERSON_RECALL);
        assertThat(score.of(EntityType.PERSON).precision())
                .as("PERSON precision")
                .isGreaterThanOrEqualTo(MIN_PERSON_PRECISION);
        assertThat(score.of(EntityType.IP_ADDRESS).precision())
                .as("IP_ADDRESS precision")
                .isGreaterThanOrEqualTo(MIN_IP_PRECISION);
        assertThat(score.cleanWithFinding())
                .as("clean documents with a finding")
                .isLessThanOrEqualTo(MAX_CLEAN_WITH_FINDING);
    }

    // A row of slack below the figures recorded in docs/guard.md (every figure 1.0, no clean document
    // with a finding): one error more in any of them still passes, two fail.
    private static final double MIN_OVERALL_RECALL = 0.98;
    private static final double MIN_OVERALL_PRECISION = 0.98;
    private static final double MIN_PHONE_RECALL = 0.96;
    private static final double MIN_DOB_RECALL = 0.85;
    private static final double MIN_PERSON_RECALL = 0.96;
    private static final double MIN_PERSON_PRECISION = 0.97;
    private static final double MIN_IP_PRECISION = 0.8;
    private static final int MAX_CLEAN_WITH_FINDING = 1;
}
