package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.PiiCorpus.Label;
import io.monago.atrium.guard.pii.PiiCorpus.Sample;
import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A second labelled corpus, made independently of {@link PiiCorpus}: whole documents rather than
 * sentences (referral letters, bank statements, tax forms, chat logs, CSV and JSON exports, in
 * Indonesian and English), with their own names, addresses, field labels and layouts; and documents
 * of the same shapes with no personal data. Valid identifier values come from {@link CorpusValues}
 * (checksums and structures are facts, not phrasing); everything around them is this class's own.
 *
 * <p>The recognisers were not tuned to this corpus: its figures are the held-out check.
 */
final class PiiDocumentCorpus {
    private static final String[] GIVEN = {
        "Yohanes", "Theresia", "Fransiska", "Gede", "Komang", "Nyoman", "Wayan", "Ratna", "Suryani", "Heru",
        "Taufik", "Irfan", "Nadia", "Larasati", "Citra", "Yulia", "Ferry", "Arief", "Bonifasius", "Margaretha",
        "Samuel", "Daniel", "Grace", "Olivia", "Jessica", "Thomas", "William", "Robert", "Jennifer", "Patricia",
        "Ikhsan", "Syahrul", "Nurul", "Zainab", "Fadli", "Kurniawati", "Haryanto", "Sugeng", "Tri", "Eko"
    };
    private static final String[] SURNAMES = {
        "Pangaribuan",
        "Sitorus",
        "Manurung",
        "Nainggolan",
        "Tambunan",
        "Sinaga",
        "Rumondor",
        "Lumowa",
        "Wenda",
        "Kogoya",
        "Tanjung",
        "Nasution",
        "Hutagalung",
        "Wibisono",
        "Handoko",
        "Tjahjadi",
        "Liem",
        "Gozali",
        "Sulistyo",
        "Prasetyo",
        "Kartika",
        "Ramadhan",
        "Permana",
        "Hartono",
        "Suharto",
        "Anderson",
        "Thompson",
        "Garcia",
        "Martinez",
        "Robinson",
        "Walker",
        "Mahendra",
        "Astuti",
        "Widodo",
        "Syahputra",
        "Marpaung",
        "Pattiasina"
    };
    private static final String[] ID_STREETS = {
        "Kapten Tendean",
        "Cendrawasih",
        "Dr. Wahidin",
        "Pangeran Antasari",
        "Cihampelas",
        "Ki Hajar Dewantara",
        "Margonda Raya",
        "Slamet Riyadi",
        "Pattimura",
        "Sam Ratulangi",
        "Kenari",
        "Flamboyan",
        "Bougenville",
        "Palem Raja",
        "Kartini",
        "Letjen Suprapto"
    };
    private static final String[] ID_VILLAGES = {
        "Mampang Prapatan",
        "Sumberagung",
        "Karangasem",
        "Pondok Cina",
        "Tamalanrea",
        "Sidoarjo",
        "Kebonsari",
        "Gunung Sari",
        "Tanjung Rejo",
        "Bintaro"
    };
    private static final String[] ID_DISTRICTS = {
        "Mampang", "Jetis", "Beji", "Tamalanrea", "Laweyan", "Medan Sunggal", "Genteng", "Ilir Timur I"
    };
    private static final String[] ID_CITIES = {
        "Jakarta Selatan",
        "Kab. Bantul",
        "Kota Depok",
        "Kota Makassar",
        "Kota Surakarta",
        "Kota Medan",
        "Kota Palembang",
        "Kab. Sidoarjo",
        "Kota Manado",
        "Kab. Badung"
    };
    private static final String[] EN_STREETS = {"Queen's", "Sunset", "Lincoln", "Willow", "Harbor", "Riverside"};
    private static final String[] HOSPITALS = {
        "RSUP Dr. Sardjito", "RS Premier Bintaro", "RSUD Tangerang", "Klinik Pratama Sehat", "RS Mitra Keluarga"
    };

    private final Random rnd;
    private final CorpusValues v;

    PiiDocumentCorpus(long seed) {
        rnd = new Random(seed);
        v = new CorpusValues(rnd);
    }

    /** Builds a document piece by piece, recording where each value lands. */
    private static final class Doc {
        private final StringBuilder text = new StringBuilder();
        private final List<Label> labels = new ArrayList<>();

        Doc t(String s) {
            text.append(s);
            return this;
        }

        Doc v(EntityType type, String value) {
            labels.add(new Label(type, text.length(), text.length() + value.length()));
            text.append(value);
            return this;
        }

        Sample done(String kind) {
            return new Sample(text.toString(), List.copyOf(labels), kind);
        }
    }

    // ---- values -------------------------------------------------------------------------------

    private String person() {
        String given = v.pick(GIVEN);
        return switch (rnd.nextInt(5)) {
            case 0 -> given;
            case 1 -> given + " " + v.pick(GIVEN) + " " + v.pick(SURNAMES);
            default -> given + " " + v.pick(SURNAMES);
        };
    }

    private String address() {
        String no = Integer.toString(1 + rnd.nextInt(150));
        String rt = Integer.toString(1 + rnd.nextInt(15));
        String postal = Integer.toString(10000 + rnd.nextInt(89999));
        return switch (rnd.nextInt(7)) {
            case 0 ->
                "Jln. " + v.pick(ID_STREETS) + " Gg. Swadaya " + (1 + rnd.nextInt(5)) + " No. " + no + "B, RT."
                        + CorpusValues.two(Integer.parseInt(rt)) + " RW." + CorpusValues.two(1 + rnd.nextInt(9))
                        + ", Kelurahan " + v.pick(ID_VILLAGES) + ", Kecamatan " + v.pick(ID_DISTRICTS) + ", "
                        + v.pick(ID_CITIES) + " " + postal;
            case 1 -> "Jalan " + v.pick(ID_STREETS) + " " + no + ", " + v.pick(ID_CITIES);
            case 2 -> "Komplek Taman " + v.pick(ID_VILLAGES) + " Blok F-" + no + ", " + v.pick(ID_CITIES);
            case 3 ->
                "Dusun Krajan RT 0" + (1 + rnd.nextInt(9)) + "/RW 0" + (1 + rnd.nextInt(9)) + ", Desa "
                        + v.pick(ID_VILLAGES) + ", Kec. " + v.pick(ID_DISTRICTS) + ", " + v.pick(ID_CITIES);
            case 4 ->
                "Jl " + v.pick(ID_STREETS) + " no " + no + " rt " + rt + " rw " + (1 + rnd.nextInt(9)) + " "
                        + v.pick(ID_CITIES);
            case 5 -> "Flat " + (1 + rnd.nextInt(9)) + ", " + no + " " + v.pick(EN_STREETS) + " Road, Bristol BS8 1QU";
            default ->
                no + "0 W " + v.pick(EN_STREETS) + " Blvd Apt " + (1 + rnd.nextInt(30)) + ", Los Angeles, CA " + postal;
        };
    }

    private String caps(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    // ---- documents with personal data ---------------------------------------------------------

    /** {@code count} documents with personal data, shapes in turn. */
    List<Sample> documents(int count) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(
                    switch (i % 9) {
                        case 0 -> referralId();
                        case 1 -> referralEn();
                        case 2 -> bankStatement();
                        case 3 -> taxFormId();
                        case 4 -> taxFormEn();
                        case 5 -> chatLog();
                        case 6 -> csvExport();
                        case 7 -> jsonExport();
                        default -> shortNote();
                    });
        }
        return out;
    }

    private Sample referralId() {
        Doc d = new Doc();
        d.t("SURAT RUJUKAN\nNo: " + (100 + rnd.nextInt(900)) + "/RM/III/2026\n\nKepada Yth.\ndr. ")
                .v(EntityType.PERSON, person())
                .t(", Sp.PD\n" + v.pick(HOSPITALS) + "\n\nDengan hormat,\nMohon pemeriksaan lanjutan untuk pasien:\n");
        d.t("Nama           : ").v(EntityType.PERSON, person()).t("\n");
        d.t("NIK            : ").v(EntityType.NIK, v.nik().text()).t("\n");
        d.t("Tanggal lahir  : ")
                .v(EntityType.DATE_OF_BIRTH, v.dateOfBirth().text())
                .t("\n");
        d.t("Alamat         : ").v(EntityType.ADDRESS, address()).t("\n");
        d.t("No. BPJS       : ").v(EntityType.BPJS, v.bpjs().text()).t("\n");
        d.t("No. RM         : ").v(EntityType.MRN, v.mrn().text()).t("\n");
        d.t("Diagnosis kerja: susp. TB paru, DD pneumonia.\nTerapi: OAT kategori 1.\n\nHormat kami,\n\ndr. ")
                .v(EntityType.PERSON, person())
                .t("\n");
        return d.done("referral/id");
    }

    private Sample referralEn() {
        Doc d = new Doc();
        d.t("REFERRAL LETTER\n\nDear Dr. ").v(EntityType.PERSON, person()).t(",\n\n");
        d.t("I am referring my patient, Mr. ").v(EntityType.PERSON, person());
        d.t(", born ").v(EntityType.DATE_OF_BIRTH, v.dateOfBirth().text());
        d.t(", of ").v(EntityType.ADDRESS, address()).t(", for further assessment of chest pain.\n");
        d.t("He can be reached on ").v(EntityType.PHONE, v.phone().text()).t(" or at ");
        d.t("")
                .v(EntityType.EMAIL, v.email().text())
                .t(".\nMedical record number: ")
                .v(EntityType.MRN, v.mrn().text());
        d.t("\nPassport (for the insurer): ")
                .v(EntityType.PASSPORT, v.passport().text());
        d.t("\n\nKind regards,\nDr. ").v(EntityType.PERSON, person()).t("\n");
        return d.done("referral/en");
    }

    private Sample bankStatement() {
        Doc d = new Doc();
        d.t("REKENING KORAN / ACCOUNT STATEMENT\nNama Nasabah : ").v(EntityType.PERSON, caps(person()));
        d.t("\nNo. Rekening : ").v(EntityType.BANK_ACCOUNT, v.bankAccount().text());
        d.t("\nAlamat       : ").v(EntityType.ADDRESS, address());
        d.t("\nPeriode      : 01/03/2026 - 31/03/2026\n\nTGL   KETERANGAN                      MUTASI        SALDO\n");
        d.t("02/03 SALDO AWAL                                    12.450.000,00\n");
        d.t("05/03 TRSF E-BANKING DB ").v(EntityType.PERSON, caps(v.pick(GIVEN) + " " + v.pick(SURNAMES)));
        d.t("   1.500.000,00 DB   10.950.000,00\n");
        d.t("09/03 BIAYA ADM                               15.000,00 DB   10.935.000,00\n");
        d.t("14/03 SETORAN TUNAI                        2.000.000,00      12.935.000,00\n");
        d.t("Kartu: ").v(EntityType.CREDIT_CARD, v.card().text()).t("\n");
        return d.done("bank-statement");
    }

    private Sample taxFormId() {
        Doc d = new Doc();
        d.t("FORMULIR 1770 S - SPT TAHUNAN PPh ORANG PRIBADI\nTahun Pajak 2025\n\n");
        d.t("NPWP                 : ").v(EntityType.NPWP, v.npwp().text()).t("\n");
        d.t("Nama Wajib Pajak     : ").v(EntityType.PERSON, caps(person())).t("\n");
        d.t("Alamat               : ").v(EntityType.ADDRESS, address()).t("\n");
        d.t("No. Telepon          : ").v(EntityType.PHONE, v.phone().text()).t("\n");
        d.t("Email                : ").v(EntityType.EMAIL, v.email().text()).t("\n");
        d.t("Penghasilan neto     : Rp 184.500.000\nPPh terutang         : Rp 14.775.000\n");
        return d.done("tax-form/id");
    }

    private Sample taxFormEn() {
        Doc d = new Doc();
        d.t("Form W-9 (Rev. March 2024) Request for Taxpayer Identification Number\n");
        d.t("1 Name (as shown on your income tax return): ")
                .v(EntityType.PERSON, person())
                .t("\n");
        d.t("5 Address (number, street, and apt. or suite no.): ")
                .v(EntityType.ADDRESS, address())
                .t("\n");
        d.t("Part I Social security number: ").v(EntityType.SSN, v.ssn().text()).t("\n");
        d.t("Routing to IBAN ").v(EntityType.IBAN, v.iban().text()).t("\n");
        return d.done("tax-form/en");
    }

    private Sample chatLog() {
        String agent = person();
        Doc d = new Doc();
        d.t("[09:14] CS ").v(EntityType.PERSON, agent).t(": Selamat pagi, ada yang bisa dibantu?\n");
        d.t("[09:15] Pelanggan: pagi kak, paket saya belum sampai. atas nama ").v(EntityType.PERSON, person());
        d.t(" ya\n[09:15] Pelanggan: alamatnya ").v(EntityType.ADDRESS, address());
        d.t("\n[09:16] CS ").v(EntityType.PERSON, agent).t(": Baik, nomor HP yang bisa dihubungi?\n");
        d.t("[09:16] Pelanggan: ").v(EntityType.PHONE, v.phone().text()).t("\n");
        d.t("[09:17] Pelanggan: oh iya login dari IP ")
                .v(EntityType.IP_ADDRESS, v.ipAddress().text());
        d.t(" kok ditolak ya\n[09:18] CS ").v(EntityType.PERSON, agent).t(": Akan kami cek, terima kasih.\n");
        return d.done("chat-log");
    }

    private Sample csvExport() {
        Doc d = new Doc();
        d.t("id,nama,nik,telepon,email,alamat\n");
        for (int i = 0; i < 3; i++) {
            d.t((1001 + i) + ",")
                    .v(EntityType.PERSON, person())
                    .t(",")
                    .v(EntityType.NIK, v.nik().text())
                    .t(",");
            d.v(EntityType.PHONE, v.phone().text())
                    .t(",")
                    .v(EntityType.EMAIL, v.email().text())
                    .t(",\"");
            d.v(EntityType.ADDRESS, address()).t("\"\n");
        }
        return d.done("csv-export");
    }

    private Sample jsonExport() {
        Doc d = new Doc();
        d.t("{\"patients\": [{\"full_name\": \"").v(EntityType.PERSON, person());
        d.t("\", \"kk\": \"").v(EntityType.KK, v.kk().text());
        d.t("\", \"address\": \"").v(EntityType.ADDRESS, address());
        d.t("\", \"dob\": \"").v(EntityType.DATE_OF_BIRTH, v.dateOfBirth().text());
        d.t("\", \"api_token\": \"").v(EntityType.SECRET, v.secret().text());
        d.t("\", \"last_login_ip\": \"")
                .v(EntityType.IP_ADDRESS, v.ipAddress().text())
                .t("\"}]}");
        return d.done("json-export");
    }

    private Sample shortNote() {
        Doc d = new Doc();
        if (rnd.nextBoolean()) {
            d.t("Catatan perawat: Ny. ").v(EntityType.PERSON, person());
            d.t(" mengeluh mual. Keluarga (suami, ")
                    .v(EntityType.PHONE, v.phone().text())
                    .t(") sudah dikabari.");
        } else {
            d.t("Visit note - patient ").v(EntityType.PERSON, person());
            d.t(" lives at ").v(EntityType.ADDRESS, address()).t("; follow-up in 2 weeks.");
        }
        return d.done("note");
    }

    // ---- documents without personal data ------------------------------------------------------

    /** {@code count} documents of the same shapes that hold no personal data. */
    List<Sample> clean(int count) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = switch (i % 8) {
                case 0 ->
                    "PENGUMUMAN\n" + v.pick(HOSPITALS) + " membuka poli jantung mulai "
                            + (1 + rnd.nextInt(28)) + " April 2026. Pendaftaran melalui aplikasi Mobile JKN.\n"
                            + "Jadwal: Senin - Jumat, 08.00 - 14.00 WIB.";
                case 1 ->
                    "sku,produk,harga,stok\nA-" + (100 + rnd.nextInt(900)) + ",Paracetamol 500 mg,12500,"
                            + rnd.nextInt(400) + "\nB-" + (100 + rnd.nextInt(900)) + ",Amoxicillin 250 mg,18000,"
                            + rnd.nextInt(400) + "\nC-" + (100 + rnd.nextInt(900)) + ",Vitamin C 1000 IU,45000,"
                            + rnd.nextInt(400);
                case 2 ->
                    "{\"service\": \"billing\", \"region\": \"ap-southeast-3\", \"replicas\": "
                            + (2 + rnd.nextInt(6)) + ", \"timeout_ms\": " + (500 + rnd.nextInt(2000))
                            + ", \"feature_flags\": [\"new_invoice\", \"dark_mode\"]}";
                case 3 ->
                    "[10:02] Bot: Halo! Ada yang bisa dibantu?\n[10:03] User: jam buka apotek berapa ya?\n"
                            + "[10:03] Bot: Apotek buka pukul 07.00 - 22.00 setiap hari, termasuk Minggu.";
                case 4 ->
                    "SUKU BUNGA DEPOSITO\nTenor 1 bulan: 4,25%\nTenor 3 bulan: 4,50%\nTenor 12 bulan: "
                            + "5,00%\nBerlaku mulai 1 Maret 2026 untuk seluruh cabang di Jawa Barat.";
                case 5 ->
                    "Ketentuan PPh Pasal 21: penghasilan tidak kena pajak (PTKP) untuk wajib pajak orang pribadi "
                            + "sebesar Rp 54.000.000 per tahun, ditambah Rp 4.500.000 untuk wajib pajak kawin.";
                case 6 ->
                    "Info lalu lintas: Jl. " + v.pick(ID_STREETS) + " ditutup sementara karena perbaikan saluran. "
                            + "Pengendara diarahkan melalui Jalan Gatot Subroto.";
                default ->
                    "Dear team,\nThe quarterly review moves to Thursday 10:00 in Meeting Room 4B. "
                            + "Please bring the Q1 figures for Jakarta, Surabaya and Medan.\nThanks!";
            };
            out.add(new Sample(text, List.of(), "clean/" + (i % 8)));
        }
        return out;
    }
}
