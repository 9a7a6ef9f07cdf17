package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.text.DigitWords;
import io.monago.atrium.guard.pii.text.KeywordTable;

/**
 * The English and Indonesian words that announce an entity ("NIK", "rekening", "passport", "tanggal
 * lahir"...), the words that mark a number as a reference rather than personal data ("order",
 * "faktur", "versi"...), the words after which a secret value follows ("password", "kata sandi",
 * "token"...), month names, and the spelled-out {@code at}/{@code dot} of evasive e-mail addresses.
 *
 * <p>A word's flags are its entity bits ({@link EntityType#bit()}) or-ed with the flag constants
 * below. Two-word phrases ("kartu keluarga", "no. RM", "social security") replace the flags of
 * their second word when the first word comes right before it.
 */
public final class ContextWords {
    /** All entity bits. */
    public static final int ENTITY_MASK = (1 << EntityType.values().length) - 1;
    /** The word marks a nearby number as a reference, not personal data. */
    public static final int NEGATIVE = 1 << 17;
    /** A secret value may follow the word ({@code password: ...}). */
    public static final int SECRET_TRIGGER = 1 << 18;
    /** The word can start a phrase. */
    public static final int PHRASE_HEAD = 1 << 19;
    /** The word can end a phrase. */
    public static final int PHRASE_TAIL = 1 << 20;
    /** The word is a spelled-out {@code at} of an e-mail address. */
    public static final int SPELLED_AT = 1 << 21;
    /** The word is a spelled-out {@code dot} of an e-mail address. */
    public static final int SPELLED_DOT = 1 << 22;
    /** The word introduces the value after it: {@code no.}, {@code nomor}. */
    public static final int INTRODUCER = 1 << 23;
    /** The word is a digit written out ({@code tiga}, {@code three}): a run of them may be a number. */
    public static final int DIGIT_WORD = 1 << 24;

    private static final int MONTH_SHIFT = 25;

    private static final KeywordTable TABLE = build();

    private ContextWords() {}

    /**
     * The vocabulary.
     *
     * @return the shared immutable table
     */
    public static KeywordTable table() {
        return TABLE;
    }

    /**
     * The month a word's flags name.
     *
     * @param flags a word's flags
     * @return 1 to 12, or 0 when the word is not a month name
     */
    public static int month(int flags) {
        return (flags >>> MONTH_SHIFT) & 0xF;
    }

    private static int bits(EntityType... types) {
        int b = 0;
        for (EntityType t : types) {
            b |= t.bit();
        }
        return b;
    }

    private static KeywordTable build() {
        KeywordTable.Builder b = KeywordTable.builder();
        b.words(bits(EntityType.NIK), "nik", "ktp", "ektp", "kependudukan", "penduduk", "identitas");
        b.words(bits(EntityType.KK), "kk");
        b.words(bits(EntityType.NPWP), "npwp", "pajak", "taxpayer", "tax");
        b.words(bits(EntityType.BPJS), "bpjs", "jkn", "kis", "askes", "kpj", "jamsostek");
        b.words(
                bits(EntityType.PHONE),
                "phone",
                "telephone",
                "telepon",
                "telpon",
                "telp",
                "tel",
                "hp",
                "handphone",
                "ponsel",
                "mobile",
                "cell",
                "cellphone",
                "wa",
                "whatsapp",
                "fax",
                "faks",
                "sms",
                "call",
                "hubungi",
                "kontak",
                "contact",
                "nohp",
                "notelp",
                "tlp");
        b.words(bits(EntityType.EMAIL), "email", "surel");
        b.words(
                bits(EntityType.CREDIT_CARD),
                "card",
                "kartu",
                "credit",
                "kredit",
                "debit",
                "visa",
                "mastercard",
                "amex",
                "jcb",
                "cc",
                "cvv");
        b.words(bits(EntityType.IBAN), "iban");
        b.words(bits(EntityType.SSN), "ssn");
        b.words(bits(EntityType.PASSPORT), "passport", "paspor", "pasport");
        b.words(bits(EntityType.IP_ADDRESS), "ip", "ipv", "ipaddress");
        b.words(
                bits(EntityType.DATE_OF_BIRTH),
                "dob",
                "born",
                "birth",
                "birthday",
                "birthdate",
                "lahir",
                "ttl",
                "kelahiran");
        b.words(
                bits(EntityType.BANK_ACCOUNT),
                "rekening",
                "rek",
                "norek",
                "account",
                "acct",
                "bank",
                "bca",
                "bni",
                "bri",
                "mandiri",
                "btn",
                "cimb",
                "permata",
                "danamon",
                "bsi",
                "ocbc");
        b.words(bits(EntityType.MRN), "mrn", "norm", "rekmed");
        b.words(
                bits(EntityType.SECRET) | SECRET_TRIGGER,
                "password",
                "passwd",
                "pwd",
                "pass",
                "passphrase",
                "passcode",
                "sandi",
                "token",
                "secret",
                "rahasia",
                "apikey",
                "credential",
                "credentials",
                "kredensial",
                "bearer",
                "pin");
        b.words(
                NEGATIVE,
                "order",
                "pesanan",
                "invoice",
                "faktur",
                "inv",
                "ref",
                "referensi",
                "resi",
                "tracking",
                "transaksi",
                "transaction",
                "trx",
                "version",
                "versi",
                "ver",
                "build",
                "release",
                "rilis",
                "sku",
                "serial",
                "tiket",
                "ticket",
                "booking",
                "isbn",
                "issue",
                "commit",
                "antrian",
                "queue",
                "kode",
                "code",
                "produk",
                "product",
                "item",
                "barang",
                "rp",
                "idr",
                "usd",
                "sgd",
                "eur",
                "saldo",
                "harga",
                "biaya",
                "tagihan",
                "nominal",
                "price",
                "amount",
                // software versions, taken for IP addresses
                "firmware",
                "kernel",
                "driver",
                "software",
                "os",
                "android",
                "ios",
                // numbered sections of documents and rules
                "section",
                "chapter",
                "clause",
                "pasal",
                "bab",
                "ayat",
                "lampiran",
                "appendix",
                "figure",
                "gambar",
                "tabel",
                "table",
                // documents and goods that carry their own numbers
                "reference",
                "billing",
                "ntpn",
                "ntte",
                "awb",
                "pnr",
                "shipment",
                "pengiriman",
                "reservasi",
                "reservation",
                "polis",
                "klaim",
                "claim",
                "nota",
                "kwitansi",
                "receipt",
                "struk",
                "voucher",
                "kupon",
                "coupon",
                "batch",
                "lot",
                "model",
                "tipe",
                "seri",
                "series");
        b.words(INTRODUCER, "no", "nomor", "nomer", "nr");
        b.words(DIGIT_WORD, DigitWords.all());
        b.words(SPELLED_AT, "at");
        b.words(SPELLED_DOT, "dot");

        int head = PHRASE_HEAD;
        int tail = PHRASE_TAIL;
        b.phrase("no", "rm", bits(EntityType.MRN), head, tail);
        b.phrase("nomor", "rm", bits(EntityType.MRN), head, tail);
        b.phrase("nomer", "rm", bits(EntityType.MRN), head, tail);
        b.phrase("rekam", "medis", bits(EntityType.MRN), head, tail);
        b.phrase("rekam", "medik", bits(EntityType.MRN), head, tail);
        b.phrase("medical", "record", bits(EntityType.MRN), head, tail);
        b.phrase("kartu", "keluarga", bits(EntityType.KK), head, tail);
        b.phrase("family", "card", bits(EntityType.KK), head, tail);
        b.phrase("social", "security", bits(EntityType.SSN), head, tail);
        b.phrase("national", "id", bits(EntityType.NIK), head, tail);
        b.phrase("identity", "card", bits(EntityType.NIK), head, tail);
        b.phrase("id", "card", bits(EntityType.NIK), head, tail);
        b.phrase("bpjs", "card", bits(EntityType.BPJS), head, tail);
        b.phrase("jkn", "card", bits(EntityType.BPJS), head, tail);
        b.phrase("kis", "card", bits(EntityType.BPJS), head, tail);
        b.phrase("kartu", "bpjs", bits(EntityType.BPJS), head, tail);
        b.phrase("kartu", "jkn", bits(EntityType.BPJS), head, tail);
        b.phrase("kartu", "kis", bits(EntityType.BPJS), head, tail);
        b.phrase("kartu", "identitas", bits(EntityType.NIK), head, tail);
        b.phrase("tax", "id", bits(EntityType.NPWP), head, tail);
        // Tax documents with numbers of their own: an invoice's serial or a payment code is not
        // the taxpayer's number.
        b.phrase("faktur", "pajak", NEGATIVE, head, tail);
        b.phrase("billing", "pajak", NEGATIVE, head, tail);
        b.phrase("tax", "invoice", NEGATIVE, head, tail);
        b.phrase("tax", "receipt", NEGATIVE, head, tail);
        b.phrase("api", "key", bits(EntityType.SECRET) | SECRET_TRIGGER, head, tail);
        b.phrase("access", "key", bits(EntityType.SECRET) | SECRET_TRIGGER, head, tail);
        b.phrase("secret", "key", bits(EntityType.SECRET) | SECRET_TRIGGER, head, tail);
        b.phrase("private", "key", bits(EntityType.SECRET), head, tail);
        b.phrase("ip", "address", bits(EntityType.IP_ADDRESS), head, tail);
        // How to contact someone: "can be reached on 0220120515", "dapat dihubungi di 0220120515".
        b.phrase("reached", "on", bits(EntityType.PHONE), head, tail);
        b.phrase("reached", "at", bits(EntityType.PHONE), head, tail);
        b.phrase("reachable", "on", bits(EntityType.PHONE), head, tail);
        b.phrase("reachable", "at", bits(EntityType.PHONE), head, tail);
        b.phrase("dihubungi", "di", bits(EntityType.PHONE), head, tail);
        b.phrase("dihubungi", "ke", bits(EntityType.PHONE), head, tail);
        b.phrase("alamat", "ip", bits(EntityType.IP_ADDRESS), head, tail);

        String[][] months = {
            {"januari", "january", "jan"},
            {"februari", "pebruari", "february", "feb", "peb"},
            {"maret", "march", "mar"},
            {"april", "apr"},
            {"mei", "may"},
            {"juni", "june", "jun"},
            {"juli", "july", "jul"},
            {"agustus", "august", "agu", "agt", "aug", "ags"},
            {"september", "sep", "sept"},
            {"oktober", "october", "okt", "oct"},
            {"november", "nov", "nop"},
            {"desember", "december", "des", "dec"},
        };
        for (int m = 0; m < months.length; m++) {
            b.words((m + 1) << MONTH_SHIFT, months[m]);
        }
        return b.build();
    }
}
