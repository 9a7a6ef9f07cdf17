package io.monago.atrium.guard.pii.names;

import java.util.Locale;
import java.util.Set;

/**
 * Whether the key of a structured value names a person: a CSV column header, a JSON or YAML key
 * ({@code nama_lengkap}, {@code full_name}, {@code patientName}, {@code penerima}, {@code manager}).
 * The key is the context, whatever the value's surname.
 *
 * <p>A key is read as words (split at non-letters and at a capital inside, so {@code patientName}
 * is {@code patient name}). It names a person when every word is a person noun ({@code patient},
 * {@code penerima}), a name word ({@code name}, {@code nama}) or a qualifier of one ({@code full},
 * {@code lengkap}, {@code first}), and at least one is a person noun or a qualifier. {@code name}
 * or {@code nama} alone is {@link #GENERIC}: products, services and files have names too, so the
 * value has to look more like a person's. Any other word ({@code nama_obat}, {@code service_name},
 * {@code id_karyawan}) makes the key not a name.
 *
 * <pre>{@code
 * FieldKeys.of("nama_pasien")   // FieldKeys.PERSON
 * FieldKeys.of("name")          // FieldKeys.GENERIC
 * FieldKeys.of("product_name")  // FieldKeys.NONE
 * }</pre>
 */
public final class FieldKeys {
    /** The key does not name a person. */
    public static final int NONE = 0;
    /** A bare {@code name} or {@code nama}: a person's name or a thing's. */
    public static final int GENERIC = 1;
    /** The key names a person ({@code full_name}, {@code nama_pasien}, {@code customer}). */
    public static final int PERSON = 2;

    /** Keys longer than this are sentences, not keys. */
    private static final int MAX_LENGTH = 40;

    private static final Set<String> NAME_WORDS = Set.of("name", "nama", "nm", "names");

    private static final Set<String> QUALIFIERS = Set.of(
            "full",
            "fullname",
            "lengkap",
            "first",
            "firstname",
            "last",
            "lastname",
            "given",
            "givenname",
            "family",
            "familyname",
            "middle",
            "depan",
            "belakang",
            "tengah",
            "legal",
            "surname",
            "forename",
            "maiden",
            "panggilan",
            "asli",
            "atas");

    /** Words that neither make nor break a name key ({@code account_name}, {@code nama_rekening}). */
    private static final Set<String> NEUTRAL =
            Set.of("of", "the", "account", "rekening", "kartu", "card", "bank", "pajak", "contact", "kontak");

    /**
     * Words of keys that hold a person's other data ({@code nik}, {@code email}, {@code alamat},
     * {@code tgl_lahir}): a record with one of them is a person's record, and its {@code name} is a
     * person's name.
     */
    private static final Set<String> PERSONAL_DATA = Set.of(
            "nik",
            "ktp",
            "email",
            "mail",
            "phone",
            "telepon",
            "telp",
            "tel",
            "hp",
            "mobile",
            "handphone",
            "wa",
            "whatsapp",
            "alamat",
            "address",
            "dob",
            "birth",
            "lahir",
            "birthday",
            "gender",
            "kelamin",
            "sex",
            "usia",
            "age",
            "umur",
            "npwp",
            "bpjs",
            "ssn",
            "passport",
            "paspor",
            "nip",
            "nrp",
            "nim",
            "pekerjaan",
            "occupation",
            "jabatan",
            "salary",
            "gaji",
            "kk",
            "agama",
            "religion",
            "marital",
            "perkawinan");

    private static final Set<String> PERSON_NOUNS = Set.of(
            "patient",
            "pasien",
            "customer",
            "pelanggan",
            "client",
            "klien",
            "nasabah",
            "employee",
            "karyawan",
            "pegawai",
            "manager",
            "supervisor",
            "atasan",
            "penerima",
            "recipient",
            "pengirim",
            "sender",
            "payee",
            "payer",
            "beneficiary",
            "dokter",
            "doctor",
            "physician",
            "dpjp",
            "perawat",
            "nurse",
            "pemilik",
            "holder",
            "applicant",
            "pemohon",
            "member",
            "anggota",
            "peserta",
            "participant",
            "guest",
            "tamu",
            "student",
            "siswa",
            "mahasiswa",
            "author",
            "penulis",
            "reviewer",
            "assignee",
            "reporter",
            "pelapor",
            "requester",
            "wali",
            "guardian",
            "ayah",
            "ibu",
            "father",
            "mother",
            "spouse",
            "suami",
            "istri",
            "emergency",
            "person",
            "buyer",
            "pembeli",
            "driver",
            "kurir",
            "courier",
            "teacher",
            "guru",
            "ahli",
            "waris",
            "penanggung",
            "jawab",
            "insured",
            "tertanggung",
            "subscriber",
            "cardholder",
            "pemegang",
            "kandung",
            "pj",
            "pic",
            "penjamin",
            "signatory",
            "penandatangan",
            "petugas",
            "officer",
            "referrer",
            "perujuk",
            "pengaju",
            "debitur",
            "debtor",
            "kreditur",
            "tenant",
            "penyewa",
            "landlord",
            "owner",
            "wajib",
            "taxpayer");

    /**
     * Words of keys that hold a product's or a company's data ({@code sku}, {@code price},
     * {@code stock}, {@code sector}): a record with one of them and none of a person's data is a
     * thing's record, and its bare {@code name} is a thing's name, gazetteer words or not
     * ({@code Sari Roti Tawar} under {@code name} beside {@code sku}, {@code Morgan Stanley} beside
     * {@code sector}).
     */
    private static final Set<String> THING_DATA = Set.of(
            "sku",
            "price",
            "harga",
            "stock",
            "stok",
            "qty",
            "quantity",
            "sector",
            "sektor",
            "industry",
            "industri",
            "ticker",
            "brand",
            "merk",
            "merek",
            "category",
            "kategori",
            "listed",
            "barcode",
            "ean",
            "upc",
            "variant",
            "varian",
            "dosis",
            "dose",
            "version",
            "versi",
            "weight",
            "berat");

    private FieldKeys() {}

    /**
     * Whether a key holds a product's or a company's data ({@code sku}, {@code harga},
     * {@code sector}).
     *
     * @param key the key or header, as written
     * @return true when one of its words is such a word
     */
    public static boolean thingData(String key) {
        return anyWord(key, THING_DATA);
    }

    /**
     * Whether a key holds a person's other data ({@code nik}, {@code email}, {@code no_hp},
     * {@code tanggal_lahir}).
     *
     * @param key the key or header, as written
     * @return true when one of its words is such a word
     */
    public static boolean personalData(String key) {
        return anyWord(key, PERSONAL_DATA);
    }

    private static boolean anyWord(String key, Set<String> words) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (String word : key.toLowerCase(Locale.ROOT).split("[^a-z]+", -1)) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Classifies a key.
     *
     * @param key the key or header, as written
     * @return {@link #PERSON}, {@link #GENERIC} or {@link #NONE}
     */
    public static int of(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return NONE;
        }
        boolean person = false;
        boolean nameWord = false;
        int i = 0;
        int n = key.length();
        while (i < n) {
            while (i < n && !Character.isLetter(key.charAt(i))) {
                if (Character.isDigit(key.charAt(i))) {
                    return NONE; // "name2", "col_3": not a field for a person
                }
                i++;
            }
            if (i == n) {
                break;
            }
            int s = i;
            i++;
            while (i < n
                    && Character.isLetter(key.charAt(i))
                    && !(Character.isUpperCase(key.charAt(i)) && Character.isLowerCase(key.charAt(i - 1)))) {
                i++;
            }
            String word = key.substring(s, i).toLowerCase(Locale.ROOT);
            if (PERSON_NOUNS.contains(word)) {
                person = true;
            } else if (QUALIFIERS.contains(word)) {
                person = true;
            } else if (NAME_WORDS.contains(word)) {
                nameWord = true;
            } else if (!NEUTRAL.contains(word)) {
                return NONE;
            }
        }
        return person ? PERSON : nameWord ? GENERIC : NONE;
    }
}
