package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A labelled corpus, generated from a seed: positives (valid values of every entity type in
 * Indonesian and English sentences, with and without context words, in every evasion) and hard
 * negatives (numbers and strings that look like personal data and are not). The same seed always
 * gives the same corpus.
 */
final class PiiCorpus {
    /** Where an entity is in a sample. */
    record Label(EntityType type, int start, int end) {}

    /** One text and its labels; {@code kind} says how it was made, for error reports. */
    record Sample(String text, List<Label> labels, String kind) {}

    private static final char[] ZERO_WIDTH = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'};

    private final Random rnd;
    private final CorpusValues v;
    private final Map<EntityType, String[]> contextTemplates = new EnumMap<>(EntityType.class);
    private final Map<EntityType, String[]> bareTemplates = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Supplier<CorpusValues.Value>> values = new EnumMap<>(EntityType.class);

    PiiCorpus(long seed) {
        rnd = new Random(seed);
        v = new CorpusValues(rnd);
        templates();
    }

    // ---- positives ----------------------------------------------------------------------------

    /** {@code perType} single-entity samples per type, plus mixed samples made of several. */
    List<Sample> positives(int perType) {
        List<Sample> singles = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            for (int i = 0; i < perType; i++) {
                singles.add(single(type));
            }
        }
        List<Sample> all = new ArrayList<>(singles);
        for (int i = 0; i < singles.size() / 4; i++) {
            all.add(compose(
                    singles.get(rnd.nextInt(singles.size())),
                    singles.get(rnd.nextInt(singles.size())),
                    rnd.nextBoolean() ? " " : "\n"));
        }
        return all;
    }

    private Sample single(EntityType type) {
        if (type == EntityType.SECRET && rnd.nextInt(3) == 0) {
            return password();
        }
        CorpusValues.Value value = values.get(type).get();
        String text = value.text();
        String evasion = "none";
        if (evadable(type) && rnd.nextInt(3) == 0) {
            evasion = pickEvasion(type, text);
            text = evade(evasion, text);
        }
        String[] bare = bareTemplates.get(type);
        boolean useBare = value.bare() && bare != null && rnd.nextInt(3) == 0;
        String template = useBare ? v.pick(bare) : v.pick(contextTemplates.get(type));
        return fill(
                template, type, text, type + "/" + value.form() + "/" + (useBare ? "bare" : "context") + "/" + evasion);
    }

    private Sample password() {
        String pw = v.password();
        String template = v.pick(new String[] {
            "password: {v}",
            "Password akun email saya: {v}",
            "kata sandi saya adalah {v}",
            "pwd={v}",
            "The DB password is {v} - please rotate it.",
            "DB_PASSWORD={v}",
            "\"password\": \"{v}\",",
            "Login pakai user admin, password {v}",
            "Kata sandi WiFi kantor: {v}",
            "token: {v}",
            "api_key = \"{v}\"",
            "secret: {v}",
            "Authorization: Bearer {v}",
            "passwd {v}",
            "Tolong reset, password lama saya {v}",
            "my password is {v} lol",
        });
        if (template.equals("passwd {v}")
                || template.startsWith("Authorization")
                || template.equals("my password is {v} lol")
                || template.startsWith("Login")
                || template.startsWith("Tolong")) {
            pw = v.base62(20); // without a ':' or '=' the value must look random
        }
        return fill(template, EntityType.SECRET, pw, "SECRET/password");
    }

    /** Fills {@code {v}} with the value, {@code {name}} with a person and {@code {addr}} with an address, each labelled. */
    private Sample fill(String template, EntityType type, String value, String kind) {
        StringBuilder text = new StringBuilder();
        List<Label> labels = new ArrayList<>();
        String name = v.name();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            String slot = close < 0 ? "" : template.substring(open, close + 1);
            if (!slot.equals("{v}") && !slot.equals("{name}") && !slot.equals("{addr}")) {
                int next = open < 0 ? template.length() : open + 1;
                text.append(template, i, next);
                i = next;
                continue;
            }
            text.append(template, i, open);
            String filled = slot.equals("{v}")
                    ? value
                    : slot.equals("{name}") ? name : v.address().text();
            EntityType t = slot.equals("{v}") ? type : slot.equals("{name}") ? EntityType.PERSON : EntityType.ADDRESS;
            labels.add(new Label(t, text.length(), text.length() + filled.length()));
            text.append(filled);
            i = close + 1;
        }
        return new Sample(text.toString(), labels, kind);
    }

    private static Sample compose(Sample a, Sample b, String glue) {
        int shift = a.text().length() + glue.length();
        List<Label> labels = new ArrayList<>(a.labels());
        for (Label l : b.labels()) {
            labels.add(new Label(l.type(), l.start() + shift, l.end() + shift));
        }
        return new Sample(a.text() + glue + b.text(), labels, a.kind() + " + " + b.kind());
    }

    private static boolean evadable(EntityType type) {
        return switch (type) {
            case NIK, KK, NPWP, BPJS, PHONE, CREDIT_CARD, SSN, BANK_ACCOUNT, EMAIL, IBAN -> true;
            default -> false;
        };
    }

    private String pickEvasion(EntityType type, String text) {
        if (type == EntityType.EMAIL) {
            return v.pick(new String[] {"zero-width", "full-width"});
        }
        if (type == EntityType.IBAN) {
            return v.pick(new String[] {"full-width", "zero-width"});
        }
        boolean plain = text.chars().allMatch(Character::isDigit);
        return plain
                ? v.pick(new String[] {
                    "full-width",
                    "arabic-indic",
                    "persian",
                    "zero-width",
                    "spaced",
                    "dotted",
                    "dashed",
                    "zero-width-each"
                })
                : v.pick(new String[] {"full-width", "arabic-indic", "zero-width"});
    }

    private String evade(String evasion, String s) {
        StringBuilder b = new StringBuilder();
        switch (evasion) {
            case "full-width" -> {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    b.append(
                            c > ' ' && c < 127 && (Character.isLetterOrDigit(c) || c == '@') ? (char) (c + 0xFEE0) : c);
                }
                return b.toString();
            }
            case "arabic-indic", "persian" -> {
                char zero = evasion.equals("persian") ? '\u06F0' : '\u0660';
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    b.append(Character.isDigit(c) ? (char) (zero + c - '0') : c);
                }
                return b.toString();
            }
            case "zero-width", "zero-width-each" -> {
                for (int i = 0; i < s.length(); i++) {
                    b.append(s.charAt(i));
                    boolean between = i + 1 < s.length()
                            && Character.isLetterOrDigit(s.charAt(i))
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    if (between && (evasion.equals("zero-width-each") || rnd.nextInt(4) == 0)) {
                        b.append(ZERO_WIDTH[rnd.nextInt(ZERO_WIDTH.length)]);
                    }
                }
                return b.toString();
            }
            case "spaced" -> {
                return String.join(" ", s.split(""));
            }
            case "dotted" -> {
                return rnd.nextBoolean() ? String.join(".", s.split("")) : String.join(".", s.split("(?<=\\G.{4})"));
            }
            case "dashed" -> {
                return String.join("-", s.split("(?<=\\G.{4})"));
            }
            default -> {
                return s;
            }
        }
    }

    // ---- negatives ----------------------------------------------------------------------------

    /** Hard negatives: no personal data, but shapes that tempt a detector. */
    List<Sample> negatives(int count) {
        List<Supplier<String>> makers = List.of(
                this::orderNumber,
                this::timestamp,
                this::version,
                this::luhnFailingCard,
                this::impossibleNik,
                this::phoneLikeId,
                this::hash,
                this::uuid,
                this::gitSha,
                this::amount,
                this::plainDate,
                this::clinicalNumbers,
                this::contextWordsWithoutValues,
                this::notEmail,
                this::notIp,
                this::code,
                this::isbnAndCodes,
                this::shortNumbers,
                this::nameLookalikes,
                this::addressLookalikes);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = i % makers.size();
            samples.add(new Sample(makers.get(k).get(), List.of(), "negative/" + k));
        }
        return samples;
    }

    private String nameLookalikes() {
        return v.pick(new String[] {
            "Ibu kota Indonesia akan pindah ke Kalimantan Timur.",
            "Bapak-bapak dan Ibu-ibu, acara segera dimulai.",
            "Paracetamol dan Amoxicillin diberikan sesudah makan.",
            "Pasien dirujuk ke RS Hasan Sadikin Bandung untuk CT scan.",
            "Bandung diguyur hujan deras sejak pagi.",
            "Pada bulan Maret jadwal poli berubah.",
            "Rumah Sakit Cipto Mangunkusumo membuka layanan baru.",
            "Indomie dan Aqua dijual di Alfamart terdekat.",
            "Jalan Sudirman ditutup karena ada pawai.",
            "The Golden Gate Bridge is in San Francisco.",
            "Monday Morning Meeting: Quarterly Review",
            "Universitas Gadjah Mada menerima mahasiswa baru.",
            "Kota Bandung dan Kabupaten Sleman menerima penghargaan.",
            "Klinik Sehat Sentosa buka sampai jam 9 malam.",
            "Please review the General Terms and Conditions.",
            "Apple and Samsung released new phones in September.",
            "Metformin 500 mg, Amlodipine 5 mg, Simvastatin 20 mg.",
            "Selamat pagi, semoga hari ini menyenangkan.",
            "Masjid Istiqlal dan Gereja Katedral berdampingan.",
            "Bank Mandiri dan Bank Rakyat Indonesia menaikkan bunga.",
        });
    }

    private String addressLookalikes() {
        return v.pick(new String[] {
            "Macet panjang di Jl. Sudirman arah Semanggi.",
            "Kami bertemu di Jalan Braga kemarin sore.",
            "Kota Bandung terkenal dengan kulinernya.",
            "Lantai 3 sedang direnovasi.",
            "Jalan kaki 30 menit setiap hari dianjurkan.",
            "Kantor pindah ke Jakarta Selatan bulan depan.",
            "Take the 5 train to Main Street station.",
            "No. 12 dari daftar antrean dipanggil.",
            "Kecamatan Coblong mengadakan vaksinasi massal.",
            "Desa wisata Penglipuran ramai dikunjungi.",
        });
    }

    private String orderNumber() {
        return v.pick(new String[] {
            "Order #" + (100000 + rnd.nextInt(900000)) + " sudah dikirim.",
            "No. Pesanan " + v.digits(6) + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26))
                    + " diproses.",
            "Invoice INV-" + (2020 + rnd.nextInt(6)) + "-" + v.digits(6) + " jatuh tempo besok.",
            "Faktur " + (2020 + rnd.nextInt(6)) + "/" + CorpusValues.two(1 + rnd.nextInt(12)) + "/" + v.digits(5)
                    + " sudah dibayar.",
            "PO-" + v.digits(5) + " approved by procurement.",
            "Nomor resi JNE " + "JP" + v.digits(10) + " belum bergerak.",
            "Resi " + v.digits(12) + " sedang dalam perjalanan.",
            "Order ID " + v.digits(10) + " was refunded.",
            "Kode booking " + (char) ('A' + rnd.nextInt(26)) + v.digits(2) + "XQ" + v.digits(1)
                    + " untuk penerbangan GA-" + v.digits(3) + ".",
            "Transaction " + v.digits(14) + " settled.",
            "Ticket #" + v.digits(5) + ": printer lantai 3 rusak.",
        });
    }

    private String timestamp() {
        int[] d = v.birthDate(2015, 2026);
        String iso = d[2] + "-" + CorpusValues.two(d[1]) + "-" + CorpusValues.two(d[0]);
        String time = CorpusValues.two(rnd.nextInt(24)) + ":" + CorpusValues.two(rnd.nextInt(60)) + ":"
                + CorpusValues.two(rnd.nextInt(60));
        return v.pick(new String[] {
            "Log " + iso + "T" + time + "Z ERROR connection reset",
            "Dibuat pada " + iso + " " + time + " WIB",
            "epoch=" + (1_600_000_000 + rnd.nextInt(200_000_000)) + " level=info",
            "ts " + (1_600_000_000_000L + (long) (rnd.nextDouble() * 1e11)) + " request done",
            "Jam " + time + " pasien masuk IGD.",
            "[" + iso + " " + time + "] GET /api/v1/health 200 3ms",
            "Updated " + d[0] + " " + CorpusValues.MONTHS_ID[d[1] - 1] + " " + d[2] + " pukul " + time.substring(0, 5),
        });
    }

    private String version() {
        int a = rnd.nextInt(20);
        int b = rnd.nextInt(30);
        int c = rnd.nextInt(200);
        return v.pick(new String[] {
            "Upgrade ke v" + a + "." + b + "." + c + " sebelum Jumat.",
            "Requires Java " + (11 + rnd.nextInt(15)) + ".0." + rnd.nextInt(30) + " or newer.",
            "Release " + a + "." + b + "." + c + "-rc" + (1 + rnd.nextInt(5)) + " is out.",
            "Windows build 10.0." + (19000 + rnd.nextInt(4000)) + "." + rnd.nextInt(3000),
            "versi " + a + "." + b + "." + c + "." + rnd.nextInt(100) + " sudah stabil",
            "version " + a + "." + b + "." + c + "." + rnd.nextInt(100) + " fixes the bug",
            "npm install lodash@" + (1 + rnd.nextInt(4)) + "." + b + "." + c,
            "Chrome/" + (90 + rnd.nextInt(40)) + ".0." + (4000 + rnd.nextInt(2000)) + "." + rnd.nextInt(200)
                    + " Safari/537.36",
        });
    }

    private String luhnFailingCard() {
        String d;
        do {
            d = v.pick(new String[] {"4", "54", "55", "37"}) + v.digits(15);
            d = d.substring(0, d.startsWith("37") ? 15 : 16);
        } while (CorpusValues.luhnValid(d));
        String shown = rnd.nextBoolean() ? d : d.length() == 16 ? CorpusValues.group(d, 4, 4, 4, 4, " ") : d;
        return v.pick(new String[] {
            "Nomor " + shown + " ditolak sistem.",
            "Reference " + shown + " not found.",
            "Kode " + shown + " kedaluwarsa.",
            "Angka acak: " + shown,
            "Batch " + shown + " diproses ulang.",
        });
    }

    private String impossibleNik() {
        String d;
        do {
            String region = v.pick(new String[] {"3171", "3273", "3578", "1271", "7371", "5171", "3374"});
            int month = 13 + rnd.nextInt(87);
            int day = rnd.nextBoolean() ? 32 + rnd.nextInt(9) : 72 + rnd.nextInt(28);
            d = region
                    + CorpusValues.two(1 + rnd.nextInt(30))
                    + CorpusValues.two(rnd.nextBoolean() ? day : 1 + rnd.nextInt(28))
                    + CorpusValues.two(month)
                    + v.digits(2)
                    + v.digits(4);
        } while (CorpusValues.luhnValid(d) && (d.startsWith("35") || d.startsWith("51")));
        return v.pick(new String[] {
            "Data " + d + " tidak valid.",
            "Kode unik " + d + " sudah dipakai.",
            "Nilai " + d + " di kolom 3.",
            "Record " + d + " was archived.",
            "Lihat " + d + " di lampiran.",
        });
    }

    private String phoneLikeId() {
        return v.pick(new String[] {
            "Nomor darurat 112, ambulans 118, pemadam 113.",
            "ID pelanggan PLN 08" + v.digits(5) + " sudah terdaftar.",
            "Ext. " + v.digits(4) + " untuk bagian keuangan.",
            "Nomor antrian 08" + v.digits(1) + " dipanggil.",
            "Kode produk 0812-" + v.digits(2) + "-AX tersedia.",
            "Serial 08" + v.digits(15) + " terdaftar.",
            "Nomor ID 62-" + v.digits(4) + " di sistem lama.",
            "SKU 081" + v.digits(3) + "B dan 082" + v.digits(3) + "C habis.",
            "Kamar 0812 di lantai 8.",
            "Token listrik " + v.digits(4) + "-" + v.digits(4) + "-" + v.digits(4) + "-" + v.digits(4) + "-"
                    + v.digits(4),
        });
    }

    private String hex(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("0123456789abcdef".charAt(rnd.nextInt(16)));
        }
        return b.toString();
    }

    private String hash() {
        return v.pick(new String[] {
            "md5: " + hex(32),
            "sha256 " + hex(64),
            "checksum=" + hex(40),
            "SHA1(file)= " + hex(40),
            "etag \"" + hex(32) + "\"",
            "digest sha256:" + hex(64),
        });
    }

    private String uuid() {
        String u = hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
        return v.pick(
                new String[] {"request_id=" + u, "Trace " + u + " failed", "ID sesi: " + u, "{\"id\": \"" + u + "\"}"});
    }

    private String gitSha() {
        return v.pick(new String[] {
            "Fixed in commit " + hex(40) + ".",
            "cherry-pick " + hex(7),
            "git revert " + hex(12),
            "Merge " + hex(7) + " into main",
        });
    }

    private String amount() {
        return v.pick(new String[] {
            "Total tagihan Rp " + (1 + rnd.nextInt(99)) + "." + v.digits(3) + "." + v.digits(3) + ",-",
            "Biaya Rp" + (1 + rnd.nextInt(9)) + "." + v.digits(3) + "." + v.digits(3) + ",00 sudah dibayar",
            "Revenue grew to $" + (1 + rnd.nextInt(999)) + "," + v.digits(3) + "," + v.digits(3) + " this year.",
            "Saldo akhir IDR " + (10 + rnd.nextInt(90)) + "." + v.digits(3) + "." + v.digits(3) + "." + v.digits(3),
            "Harga " + (1 + rnd.nextInt(9)) + "." + v.digits(3) + " per unit",
        });
    }

    private String plainDate() {
        int[] d = v.birthDate(1990, 2026);
        String dd = CorpusValues.two(d[0]) + "-" + CorpusValues.two(d[1]) + "-" + d[2];
        return v.pick(new String[] {
            "Rapat tanggal " + dd + " di ruang 2.",
            "Deadline " + d[2] + "-" + CorpusValues.two(d[1]) + "-" + CorpusValues.two(d[0]),
            "Jadwal kontrol " + d[0] + " " + CorpusValues.MONTHS_ID[d[1] - 1] + " " + d[2] + ".",
            "Shipped on " + CorpusValues.two(d[1]) + "/" + CorpusValues.two(d[0]) + "/" + d[2] + ".",
            "Periode " + CorpusValues.two(d[0]) + "." + CorpusValues.two(d[1]) + "." + d[2] + " s.d. akhir bulan",
        });
    }

    private String clinicalNumbers() {
        return v.pick(new String[] {
            "Pasien batuk " + (1 + rnd.nextInt(4)) + " minggu, suhu " + (36 + rnd.nextInt(4)) + "." + rnd.nextInt(10)
                    + " C.",
            "Tekanan darah " + (100 + rnd.nextInt(60)) + "/" + (60 + rnd.nextInt(40)) + " mmHg, nadi "
                    + (60 + rnd.nextInt(60)),
            "Dosis paracetamol " + (250 + 250 * rnd.nextInt(3)) + " mg 3x1 selama " + (3 + rnd.nextInt(5)) + " hari.",
            "Kamar " + (100 + rnd.nextInt(400)) + ", lantai " + (1 + rnd.nextInt(12)) + ", bed " + (1 + rnd.nextInt(6)),
            "Hb " + (8 + rnd.nextInt(8)) + "." + rnd.nextInt(10) + " g/dL, leukosit " + (4000 + rnd.nextInt(10000))
                    + "/uL",
            "Kode pos " + (10000 + rnd.nextInt(89999)) + ", RT 0" + (1 + rnd.nextInt(9)) + "/RW 0"
                    + (1 + rnd.nextInt(9)),
            "Berat badan " + (40 + rnd.nextInt(60)) + " kg, tinggi " + (140 + rnd.nextInt(50)) + " cm",
            "Koordinat -6." + v.digits(4) + ", 106." + v.digits(4),
            "Jumlah penduduk " + (1 + rnd.nextInt(9)) + "." + v.digits(3) + "." + v.digits(3) + " jiwa",
        });
    }

    private String contextWordsWithoutValues() {
        return v.pick(new String[] {
            "Mohon siapkan KTP dan KK asli saat datang.", "Please bring your passport and a copy of your visa.",
            "Reset your password using the link we sent.", "Nomor HP Anda akan kami hubungi besok.",
            "Apakah NIK wajib diisi untuk pasien anak?", "Your credit card statement is ready.",
            "Rekening Anda telah diblokir sementara.", "Tanggal lahir harus diisi sesuai KTP.",
            "Pastikan nomor rekam medis tercantum di map.", "The API key must be kept secret.",
            "Token expired, silakan login ulang.", "What is the capital of Indonesia?",
            "Jelaskan perbedaan BPJS Kesehatan dan Ketenagakerjaan.", "How do I change my IBAN in the app?",
            "Kirim email ke bagian HRD ya.", "Nomor telepon kantor ada di website.",
        });
    }

    private String notEmail() {
        return v.pick(new String[] {
            "Follow @" + v.pick(CorpusValues.FIRST).toLowerCase(Locale.ROOT) + "_official for updates.",
            "Annotate it with @Override.",
            "Meet me at 5pm at the lobby.",
            "ssh root@localhost",
            "Look at example.com for details.",
            "Harga @ Rp 5.000 per pcs",
            "Ping " + v.pick(CorpusValues.FIRST) + " @ channel #general",
            "user@host:~$ ls -la",
            "a@b",
            "Kirim ke @" + v.pick(CorpusValues.LAST).toLowerCase(Locale.ROOT) + " ya",
        });
    }

    private String notIp() {
        return v.pick(new String[] {
            "Section 1.2.3 covers the basics.",
            "Pasal 2.1.4 ayat 3",
            "Skor 256.1.1.1 tidak valid",
            "OID 1.3.6.1.4.1." + v.digits(4),
            "Bab 10.0.0.0.1 lampiran",
            "Versi aplikasi 3.1.4.1 sudah rilis.",
            "Time 12:30:45",
            "MAC 00:1A:2B:" + hex(2).toUpperCase(Locale.ROOT) + ":4D:5E",
            "ratio 16:9",
            "C++ std::vector<int> v;",
            "Rasio 3:2:1",
        });
    }

    private String code() {
        return v.pick(new String[] {
            "for (int i = 0; i < 1000000; i++) { sum += i * 31; }",
            "SELECT id, total FROM orders WHERE id = " + v.digits(7) + ";",
            "const timeout = 30000; // ms",
            "HTTP/1.1 200 OK\nContent-Length: " + v.digits(4),
            "task-" + v.digits(5) + " sk-ii serum, skip-" + v.digits(3),
            "base64: " + v.base62(40) + "==",
            "<div class=\"col-md-6 mt-3\" id=\"row-" + v.digits(4) + "\">",
            "matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]",
        });
    }

    private String isbnAndCodes() {
        return v.pick(new String[] {
            "ISBN 978-" + v.digits(1) + "-" + v.digits(2) + "-" + v.digits(6) + "-" + v.digits(1),
            "Kode ICD-10 J18.9 dan J45.0",
            "Nomor surat 440/" + v.digits(3) + "/Dinkes/" + (2020 + rnd.nextInt(6)),
            "Perda No. " + (1 + rnd.nextInt(20)) + " Tahun " + (2000 + rnd.nextInt(25)),
            "SNI " + v.digits(4) + ":" + (2000 + rnd.nextInt(25)),
            "HS code " + v.digits(4) + "." + v.digits(2) + "." + v.digits(2),
        });
    }

    private String shortNumbers() {
        return v.pick(new String[] {
            "Antrian nomor " + (1 + rnd.nextInt(300)) + ", loket " + (1 + rnd.nextInt(9)) + ".",
            "Hasil: " + rnd.nextInt(100) + " " + rnd.nextInt(100) + " " + rnd.nextInt(100) + " " + rnd.nextInt(100),
            "Tahun " + (1990 + rnd.nextInt(35)) + " dan " + (1990 + rnd.nextInt(35)),
            "Skor 1 2 3 4 5",
            "Ukuran " + (1 + rnd.nextInt(9)) + " x " + (1 + rnd.nextInt(9)) + " meter",
        });
    }

    // ---- templates ----------------------------------------------------------------------------

    private void templates() {
        values.put(EntityType.NIK, v::nik);
        values.put(EntityType.KK, v::kk);
        values.put(EntityType.NPWP, v::npwp);
        values.put(EntityType.BPJS, v::bpjs);
        values.put(EntityType.PHONE, v::phone);
        values.put(EntityType.EMAIL, v::email);
        values.put(EntityType.CREDIT_CARD, v::card);
        values.put(EntityType.IBAN, v::iban);
        values.put(EntityType.SSN, v::ssn);
        values.put(EntityType.PASSPORT, v::passport);
        values.put(EntityType.IP_ADDRESS, v::ipAddress);
        values.put(EntityType.DATE_OF_BIRTH, v::dateOfBirth);
        values.put(EntityType.BANK_ACCOUNT, v::bankAccount);
        values.put(EntityType.MRN, v::mrn);
        values.put(EntityType.SECRET, v::secret);
        values.put(EntityType.PERSON, v::person);
        values.put(EntityType.ADDRESS, v::address);
        contextTemplates.put(EntityType.PERSON, new String[] {
            "Pasien atas nama {v} datang untuk kontrol.",
            "Tn. {v}, 54 tahun, dirujuk dengan keluhan sesak.",
            "Ny. {v} mengeluh nyeri perut sejak kemarin.",
            "Transfer Rp 250.000 a.n. {v} sudah masuk.",
            "Yth. Bapak {v},",
            "Nama: {v}",
            "Mohon hubungi Ibu {v} untuk jadwal ulang.",
            "Patient {v} was admitted on Monday.",
            "Mr. {v} called about the invoice.",
            "Dear {v}, thank you for your message.",
            "Sdr. {v} hadir sebagai saksi.",
            "Pasien {v} kontrol tekanan darah.",
            "dr. {v} akan visit pukul 10.",
        });
        bareTemplates.put(EntityType.PERSON, new String[] {
            "{v} datang kontrol hari ini.", "Kemarin {v} mengeluh pusing.", "Hasil lab untuk {v} sudah keluar.",
        });
        contextTemplates.put(EntityType.ADDRESS, new String[] {
            "Alamat: {v}",
            "Pasien tinggal di {v}.",
            "Mohon kirim obat ke {v}",
            "Address: {v}",
            "beralamat di {v}, sejak 2019",
            "Domisili {v}\nTelepon menyusul.",
            "Ship to {v}",
        });
        bareTemplates.put(EntityType.ADDRESS, new String[] {
            "{v}", "Paket untuk rumah di {v} sudah sampai.", "Rumah di {v} dijual.",
        });

        contextTemplates.put(EntityType.NIK, new String[] {
            "Pasien atas nama {name} dengan NIK {v} datang untuk kontrol rutin.",
            "NIK: {v}",
            "Mohon verifikasi nomor KTP {v} milik pemohon.",
            "No. KTP pasien {v}, alamat {addr}.",
            "{name} (NIK {v}) mengeluh demam sejak 3 hari.",
            "Nomor Induk Kependudukan: {v}",
            "KTP-el atas nama {name}: {v} sudah diverifikasi.",
            "Pasien NIK {v} batuk 2 minggu, mohon rujukan.",
            "Tolong cek NIK {v} di SIAK.",
            "NIK {name} adalah {v}.",
            "{v} adalah NIK saya, mohon diperbarui.",
            "Patient NIK {v} presented with cough for two weeks.",
            "The applicant's national ID is {v}.",
            "KTP number: {v}",
            "Please verify NIK {v} against the civil registry.",
            "My KTP number is {v}, please update my record.",
            "ID card number {v} belongs to {name}.",
            "{name}'s identity card: {v}",
            "nik={v}&nama={name}",
            "NIK pemohon:\n{v}",
        });
        bareTemplates.put(EntityType.NIK, new String[] {
            "Data pemohon: {name}, {v}, Bandung.",
            "Tolong cek {v} di sistem sebelum jam 3.",
            "Customer {name} / {v} / Jakarta Selatan",
            "{name}, {v}, tinggal di Depok.",
            "Update the record for {v} today.",
            "Berikut datanya: {v}",
            "Pemohon {v} sudah melengkapi berkas.",
            "Please re-run the check on {v} for {name}.",
        });
        contextTemplates.put(EntityType.KK, new String[] {
            "No. KK {v}",
            "Nomor Kartu Keluarga: {v}",
            "Lampirkan KK {v} untuk pendaftaran.",
            "Family card (KK) number {v}",
            "Kartu keluarga nomor {v} atas nama {name}",
            "KK: {v}",
            "The family card number is {v}.",
            "Nomor KK pasien {v} tercatat di puskesmas.",
            "{name} terdaftar di KK {v} bersama 3 anggota keluarga.",
        });
        contextTemplates.put(EntityType.NPWP, new String[] {
            "NPWP: {v}",
            "Nomor NPWP perusahaan {v}",
            "NPWP pribadi saya {v}",
            "Tax ID (NPWP) {v}",
            "Faktur pajak atas NPWP {v} sudah terbit.",
            "Please use taxpayer number {v} on the invoice.",
            "Nomor pokok wajib pajak: {v}",
            "NPWP {name}: {v}",
        });
        bareTemplates.put(EntityType.NPWP, new String[] {
            "Berikut {v} untuk pelaporan tahunan.", "Data: {name}, {v}", "Mohon dicek: {v}",
        });
        contextTemplates.put(EntityType.BPJS, new String[] {
            "No. BPJS {v}", "Nomor kartu BPJS Kesehatan {v}", "Kartu JKN-KIS pasien: {v}",
            "BPJS Ketenagakerjaan (KPJ) {v}", "Peserta BPJS dengan nomor {v} aktif.", "Patient's BPJS number is {v}.",
            "JKN card {v} is active.", "Nomor JKN {name}: {v}",
        });
        bareTemplates.put(EntityType.BPJS, new String[] {
            "Peserta {name}, {v}, faskes Puskesmas Coblong.", "Berikut {v} untuk klaim.", "{v} - {name}"
        });
        contextTemplates.put(EntityType.PHONE, new String[] {
            "nomor HP {v}",
            "Hubungi saya di {v}",
            "WA: {v}",
            "Telp. {v}",
            "No. telepon rumah {v}",
            "Call me at {v} tomorrow.",
            "Phone: {v}",
            "My mobile number is {v}.",
            "Kontak darurat: {name}, HP {v}",
            "Silakan WhatsApp ke {v} untuk konfirmasi.",
            "HP/WA {v}",
            "Fax {v}",
            "Telepon kantor {name}: {v}",
            "{v} (WA only)",
        });
        bareTemplates.put(EntityType.PHONE, new String[] {
            "{name} {v}",
            "Bisa dihubungi lewat {v} ya.",
            "Reach {name} on {v} after 5pm.",
            "{v} ({name})",
            "Kirim ke {v} sekarang.",
            "Tolong simpan {v} di daftar.",
        });
        contextTemplates.put(EntityType.EMAIL, new String[] {
            "Email: {v}", "Kirim hasil lab ke {v}", "Contact {name} at {v}.", "Surel pasien: {v}", "cc: {v}",
        });
        bareTemplates.put(EntityType.EMAIL, new String[] {
            "{v}", "Tolong forward ke {v} ya.", "{name} <{v}>", "Dari: {v}\nPerihal: jadwal operasi",
        });
        contextTemplates.put(EntityType.CREDIT_CARD, new String[] {
            "charge my card {v} please",
            "Nomor kartu kredit {v} exp 12/27",
            "Visa {v}",
            "Pembayaran dengan kartu debit {v} gagal.",
            "Card number: {v}",
            "CC {v} CVV 123",
            "Mastercard saya {v}",
            "Tolong refund ke kartu {v}.",
        });
        bareTemplates.put(EntityType.CREDIT_CARD, new String[] {
            "{v}",
            "Tolong proses {v} hari ini.",
            "Pembayaran {name}: {v}",
            "Here you go: {v}",
            "{v} berlaku s.d. 09/28",
        });
        contextTemplates.put(EntityType.IBAN, new String[] {
            "IBAN: {v}", "Transfer to IBAN {v} (Deutsche Bank)", "Please update my IBAN to {v}.",
        });
        bareTemplates.put(EntityType.IBAN, new String[] {
            "{v}", "Please wire EUR 500 to {v} by Friday.", "Beneficiary {name}, {v}", "Kirim ke {v} ya.",
        });
        contextTemplates.put(EntityType.SSN, new String[] {
            "SSN {v}",
            "Social Security number: {v}",
            "leak SSN {v}",
            "my social security number is {v}",
            "Employee SSN: {v}",
        });
        bareTemplates.put(EntityType.SSN, new String[] {
            "{name}, {v}, New York", "Employee record: {v}", "Applicant {name} - {v}",
        });
        contextTemplates.put(EntityType.PASSPORT, new String[] {
            "Nomor paspor {v}", "Passport No. {v}", "paspor: {v} berlaku hingga 2030",
            "Passport number {v}, issued in Jakarta.", "No. Paspor {name}: {v}", "Please copy the passport {v} page.",
        });
        contextTemplates.put(EntityType.IP_ADDRESS, new String[] {
            "IP address {v}", "Alamat IP server {v}", "login dari IP {v} ditolak",
        });
        bareTemplates.put(EntityType.IP_ADDRESS, new String[] {
            "server {v} down sejak pagi", "ping {v}", "connect to {v} via ssh", "Request from {v} blocked by WAF.",
        });
        contextTemplates.put(EntityType.DATE_OF_BIRTH, new String[] {
            "Tanggal lahir: {v}",
            "Lahir {v} di Bandung",
            "TTL: Bandung, {v}",
            "Date of birth: {v}",
            "DOB {v}",
            "born on {v}",
            "Tgl. lahir pasien {v}",
            "{name}, lahir pada {v}",
            "Birthday: {v}",
            "{name} was born {v} in Medan.",
        });
        contextTemplates.put(EntityType.BANK_ACCOUNT, new String[] {
            "No. rekening {v}",
            "Transfer ke rekening BCA {v} a.n. {name}",
            "Account number: {v}",
            "Rek. Mandiri {v}",
            "Please send it to my bank account {v}.",
            "norek BRI {v}",
            "Nomor rekening tujuan: {v}",
            "Rekening BNI {name} {v}",
        });
        contextTemplates.put(EntityType.MRN, new String[] {
            "No. RM {v}",
            "Nomor rekam medis: {v}",
            "MRN {v}",
            "Medical record number {v}",
            "No. Rekam Medis pasien: {v}",
            "rekam medis {v} dipindahkan ke poli anak",
            "Pasien {name}, No. RM: {v}",
        });
        contextTemplates.put(EntityType.SECRET, new String[] {
            "My API key is {v}",
            "export OPENAI_API_KEY={v}",
            "token: {v}",
            "Pakai key ini: {v}",
            "Here is my key:\n{v}\n",
            "kunci rahasia {v} jangan disebar",
        });
        bareTemplates.put(EntityType.SECRET, new String[] {
            "{v}", "Use {v} for the deploy.", "curl -H \"x-api-key: {v}\" https://api.example.com",
        });
    }
}
