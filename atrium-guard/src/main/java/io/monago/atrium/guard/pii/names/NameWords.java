package io.monago.atrium.guard.pii.names;

import io.monago.atrium.guard.pii.text.KeywordTable;

/**
 * The words around names and addresses, English and Indonesian: titles ({@code Tn.}, {@code Mrs.}),
 * kinship and role words ({@code Ibu}, {@code pasien}), labels ({@code nama:}, {@code a.n.}),
 * institutions a capitalised name may belong to ({@code RS}, {@code PT}), and the parts of an
 * address ({@code Jl.}, {@code No.}, {@code RT}, {@code Kel.}, {@code Street}, {@code kode pos}).
 * Looked up by {@linkplain io.monago.atrium.guard.pii.text.WordKey word key}, case-insensitively.
 *
 * <pre>{@code
 * int flags = NameWords.table().lookup(WordKey.of("Tn"));   // NameWords.TITLE
 * }</pre>
 */
public final class NameWords {
    /** A title: a name follows ({@code Tn.}, {@code Ny.}, {@code Sdr.}, {@code Mr.}, {@code dr.}). */
    public static final int TITLE = 1;
    /** A kinship or role word that often, not always, comes before a name ({@code Ibu}, {@code pasien}). */
    public static final int KIN = 1 << 1;
    /** A label: a name follows ({@code nama:}, {@code atas nama}, {@code Yth.}). */
    public static final int LABEL = 1 << 2;
    /** An institution or place: capitalised words after it name it, not a person ({@code RS}, {@code PT}). */
    public static final int ORG = 1 << 3;
    /** A street or housing-estate keyword ({@code Jl.}, {@code Gg.}, {@code Perum}). */
    public static final int STREET = 1 << 4;
    /** A house-number keyword ({@code No.}, {@code Nomor}). */
    public static final int NUMBER = 1 << 5;
    /** {@code RT} or {@code RW}. */
    public static final int RT_RW = 1 << 6;
    /** A region keyword ({@code Kel.}, {@code Kec.}, {@code Kab.}, {@code Kota}, {@code Provinsi}). */
    public static final int REGION = 1 << 7;
    /** A block, plot, floor or unit keyword ({@code Blok}, {@code Kav.}, {@code Lantai}, {@code Apt}). */
    public static final int UNIT = 1 << 8;
    /** An English street suffix ({@code Street}, {@code Rd.}, {@code Avenue}). */
    public static final int SUFFIX = 1 << 9;
    /** A word that announces an address ({@code alamat}, {@code address}, {@code domisili}). */
    public static final int ADDRESS_CONTEXT = 1 << 10;
    /** A postal-code word ({@code kode pos}, {@code ZIP}, {@code postcode}). */
    public static final int POSTAL = 1 << 11;
    /** A particle inside a name ({@code bin}, {@code van}, {@code de}). */
    public static final int PARTICLE = 1 << 12;
    /** A village-level region keyword ({@code Kel.}, {@code Desa}, {@code Dusun}): fine enough for an address. */
    public static final int VILLAGE = 1 << 13;

    /** A verb or phrase that follows a person ({@code datang}, {@code mengeluh}, {@code was born}). */
    public static final int PERSON_AFTER = 1 << 14;

    /** A money transfer word of a bank statement or receipt ({@code TRF}, {@code transfer}, {@code setoran}). */
    public static final int TRANSFER = 1 << 15;

    /**
     * Whose money it is: {@code ke}, {@code dari}, {@code to}, {@code from}, and a statement's
     * {@code DB}/{@code CR}; a name may follow when a transfer word came shortly before on the line.
     */
    public static final int DIRECTION = 1 << 16;

    /**
     * A business's trade or a company's form ({@code Bakery}, {@code Laundry}, {@code Offset},
     * {@code Roti}, {@code Holdings}): given names before it name a business ({@code Sari Roti},
     * {@code Andi Offset}, {@code Budi Motor}), not a person.
     */
    public static final int TRADE = 1 << 17;

    /**
     * A word that announces organisations ({@code supplier}, {@code vendor}, {@code investors},
     * {@code penerbit}): the capitalised words after it in its sentence name companies, so gazetteer
     * names alone there are not read as a person ({@code Our investors include Morgan Stanley}).
     * Words that as often come before a person ({@code company}, {@code brand}: "brand ambassador
     * Dewi Lestari") are not among them.
     */
    public static final int ORG_LIST = 1 << 18;

    private static final KeywordTable TABLE = build();

    private NameWords() {}

    /** {@return the shared immutable table} */
    public static KeywordTable table() {
        return TABLE;
    }

    private static KeywordTable build() {
        KeywordTable.Builder b = KeywordTable.builder();
        b.words(
                TITLE, "tn", "ny", "nn", "nona", "sdr", "sdri", "saudara", "saudari", "mr", "mrs", "ms", "mx", "miss",
                "mister", "madam", "bpk", "pak", "bu", "dr", "drg", "prof", "hj", "tuan", "nyonya", "mbak", "mba",
                "mas", "kak", "bang", "dik", "om", "tante", "drs", "dra", "ir");
        b.words(
                KIN,
                "bapak",
                "ibu",
                "pasien",
                "patient",
                "dokter",
                "doctor",
                "perawat",
                "nurse",
                "suami",
                "istri",
                "anak",
                "adik",
                "kakak",
                "ayah",
                "bunda",
                "nenek",
                "kakek",
                "husband",
                "wife",
                "son",
                "daughter",
                "mother",
                "father",
                "nasabah",
                "pelanggan",
                "karyawan",
                "pegawai",
                "employee",
                "pemohon",
                "applicant",
                "pelapor",
                "penderita",
                "contact",
                "kontak",
                "hubungi",
                "telepon",
                "call",
                "reach",
                "beneficiary",
                "peserta",
                "customer");
        b.words(
                LABEL,
                "nama",
                "name",
                "penerima",
                "pengirim",
                "recipient",
                "sender",
                "dear",
                "yth",
                "kepada",
                "attn",
                "ttd",
                "namanya",
                "bernama",
                "named",
                "holder",
                "pemilik",
                "owner",
                "signed",
                "lengkap");
        b.words(KIN, "hai", "halo", "hi", "hello", "hey");
        b.words(
                TRADE,
                "bakery",
                "bakeri",
                "cookies",
                "cookie",
                "cake",
                "cakes",
                "kue",
                "roti",
                "catering",
                "katering",
                "laundry",
                "salon",
                "barbershop",
                "offset",
                "printing",
                "percetakan",
                "motor",
                "motors",
                "mart",
                "minimarket",
                "shop",
                "store",
                "stores",
                "butik",
                "boutique",
                "collection",
                "fashion",
                "florist",
                "foods",
                "snack",
                "snacks",
                "kopi",
                "coffee",
                "bakso",
                "travel",
                "tours",
                "studio",
                "tailor",
                "gallery",
                "galeri",
                "electronics",
                "elektronik",
                "furniture",
                "mebel",
                "meubel",
                "beauty",
                "skincare",
                "cellular",
                "seluler",
                "pharma",
                "farma",
                "textile",
                "tekstil",
                "pulp",
                "mill",
                "mills",
                "group",
                "holdings",
                "holding",
                "corporation",
                "corp",
                "llc",
                "ltd",
                "tbk",
                "enterprise",
                "enterprises",
                "industries",
                "trading",
                "logistics",
                "logistik",
                "konveksi");
        b.words(
                ORG_LIST,
                "supplier",
                "suppliers",
                "vendor",
                "vendors",
                "pemasok",
                "distributor",
                "distributors",
                "produsen",
                "manufacturer",
                "brands",
                "investors",
                "sponsors",
                "companies",
                "firms",
                "penerbit",
                "publisher",
                "publishers",
                "tenants",
                "retailers",
                "merchants",
                "exhibitors",
                "lenders",
                "competitors",
                "kompetitor",
                "pesaing");
        b.words(
                ORG,
                "rs",
                "rsu",
                "rsud",
                "rsia",
                "rsup",
                "rsab",
                "sakit",
                "klinik",
                "puskesmas",
                "apotek",
                "toko",
                "pt",
                "cv",
                "universitas",
                "university",
                "hospital",
                "clinic",
                "sekolah",
                "sma",
                "smp",
                "sd",
                "smk",
                "masjid",
                "gereja",
                "gedung",
                "stadion",
                "bandara",
                "hotel",
                "taman",
                "museum",
                "yayasan",
                "foundation",
                "institute",
                "institut",
                "bank",
                "restoran",
                "resto",
                "cafe",
                "kafe",
                "warung",
                "pondok",
                "pesantren",
                "saint",
                "fort",
                "mount",
                "gunung",
                "pulau",
                "sungai",
                "pasar",
                "lapangan",
                "college",
                "school",
                "church",
                "fakultas",
                "faculty",
                "ruang",
                "room",
                "bangsal",
                "paviliun",
                "wisma",
                "graha",
                "menara",
                "tower",
                "plaza",
                "mall",
                "airport",
                "station",
                "stasiun",
                "terminal",
                "tol",
                "bridge",
                "jembatan",
                "lab",
                "laboratorium",
                "laboratory",
                "kampus",
                "campus",
                "prodi",
                "jurusan",
                "candi",
                "pura",
                "vihara",
                "klenteng",
                "benteng",
                "danau",
                "pantai",
                "bukit",
                "kawah",
                "goa",
                "gua",
                "teluk",
                "monumen",
                "tugu",
                "curug",
                "kebun");
        b.words(
                STREET,
                "jl",
                "jln",
                "jalan",
                "gg",
                "gang",
                "lorong",
                "lr",
                "lrg",
                "komplek",
                "kompleks",
                "komp",
                "kompl",
                "perum",
                "perumahan",
                "cluster",
                "griya",
                "residence",
                "asrama",
                "rusun",
                "rusunawa",
                "simpang");
        b.words(ORG, "jl", "jln", "jalan", "gg", "gang", "perum", "perumahan", "komplek", "kompleks");
        b.words(NUMBER, "no", "nomor", "nmr", "nomer");
        b.words(RT_RW, "rt", "rw");
        b.words(
                REGION,
                "kel",
                "kelurahan",
                "desa",
                "ds",
                "dusun",
                "dsn",
                "dukuh",
                "padukuhan",
                "kampung",
                "kp",
                "kec",
                "kecamatan",
                "kab",
                "kabupaten",
                "kota",
                "kotamadya",
                "kodya",
                "provinsi",
                "prov",
                "prop",
                "propinsi",
                "distrik",
                "banjar",
                "br",
                "gampong",
                "nagari",
                "jorong",
                "lingkungan",
                "ling",
                "lingk",
                "dki",
                "diy",
                "dkj");
        b.words(
                VILLAGE,
                "kel",
                "kelurahan",
                "desa",
                "ds",
                "dusun",
                "dsn",
                "dukuh",
                "padukuhan",
                "kampung",
                "kp",
                "banjar",
                "br",
                "gampong",
                "nagari",
                "jorong",
                "lingkungan",
                "ling",
                "lingk");
        b.words(ORG, "kel", "kelurahan", "desa", "dusun", "kec", "kecamatan", "kab", "kabupaten", "kota", "provinsi");
        b.words(
                UNIT,
                "blok",
                "blk",
                "kav",
                "kavling",
                "kaveling",
                "lantai",
                "lt",
                "unit",
                "apt",
                "apartemen",
                "apartment",
                "suite",
                "ste",
                "flat",
                "ruko",
                "rukan",
                "tower",
                "menara",
                "gd",
                "km",
                "room",
                "floor",
                "fl");
        b.words(
                SUFFIX,
                "street",
                "st",
                "road",
                "rd",
                "avenue",
                "ave",
                "lane",
                "ln",
                "drive",
                "boulevard",
                "blvd",
                "way",
                "court",
                "ct",
                "place",
                "pl",
                "terrace",
                "close",
                "crescent",
                "highway",
                "hwy",
                "parkway",
                "pkwy",
                "square",
                "sq",
                "strasse",
                "weg",
                "gasse",
                "platz");
        b.words(
                ADDRESS_CONTEXT,
                "alamat",
                "address",
                "domisili",
                "tinggal",
                "beralamat",
                "residing",
                "lives",
                "kediaman",
                "dikirim",
                "kirim",
                "ship",
                "shipping",
                "deliver",
                "antar");
        b.words(
                TRANSFER,
                "trf",
                "trsf",
                "tf",
                "transfer",
                "trans",
                "ditransfer",
                "transferred",
                "setoran",
                "setor",
                "kiriman",
                "wire",
                "pindahbuku");
        b.words(DIRECTION, "ke", "dari", "to", "from", "kpd", "dr", "db", "cr", "kr", "debet", "kredit");
        b.words(POSTAL, "kode", "pos", "kodepos", "zip", "postcode", "postal");
        b.words(
                PARTICLE, "bin", "binti", "van", "von", "der", "de", "al", "el", "da", "dos", "del", "la", "le", "ibn",
                "ter", "den");
        b.words(
                PERSON_AFTER,
                "datang",
                "mengeluh",
                "dirawat",
                "berusia",
                "usia",
                "umur",
                "lahir",
                "mengatakan",
                "bilang",
                "meninggal",
                "menderita",
                "kontrol",
                "berobat",
                "mengalami",
                "dirujuk",
                "tinggal",
                "terdaftar",
                "hadir",
                "menelepon",
                "menulis",
                "mengirim",
                "called",
                "wrote",
                "sent",
                "said",
                "says",
                "aged",
                "born",
                "complained",
                "visited",
                "reported",
                "told",
                "presented",
                "was",
                "has",
                "lives");
        return b.build();
    }
}
