package io.monago.atrium.guard.pii;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generators of valid values for every entity type, written the many ways people write them. Each
 * value says whether a careful reader would recognise it without a context word ({@code bare}).
 * Independent of the recognisers: region codes, issuer prefixes and formats come from public
 * descriptions of the documents, not from the code under test.
 */
final class CorpusValues {
    /** A value as it appears in text. */
    record Value(String text, boolean bare, String form) {}

    // Real regency/city codes (Kemendagri): Jakarta, Bandung, Bogor, Bekasi, Surabaya, Semarang,
    // Yogyakarta, Medan, Makassar, Denpasar, Palembang, Tangerang, Malang, Balikpapan, Pontianak, Batam...
    private static final String[] REGIONS = {
        "3171", "3172", "3173", "3174", "3175", "3101", "3273", "3201", "3216", "3275", "3578", "3515", "3573", "3374",
        "3471", "3404", "1271", "1275", "7371", "5171", "5103", "1671", "3603", "3671", "6471", "6171", "2171", "1371",
        "1471", "3372", "3301", "3522", "7171", "9171", "5271", "6371", "1871"
    };
    private static final String[] OPERATORS = {
        "0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851", "0814", "0815", "0816", "0855", "0856",
        "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878", "0831", "0832", "0838", "0895", "0896", "0897",
        "0898", "0899", "0881", "0882", "0887", "0888"
    };
    private static final String[] AREA_CODES = {
        "21", "22", "24", "31", "61", "274", "341", "361", "411", "711", "751", "778", "231", "251", "271"
    };
    static final String[] FIRST = {
        "Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Putri", "Joko", "Wahyu", "Sri", "Bambang", "Nur", "Ahmad",
        "Fitri", "Yusuf", "Maria", "Kevin", "Indah", "Rizky", "Ayu", "John", "Sarah", "Michael", "Emily", "David",
        "Linda", "Made", "Ketut", "Hendra", "Lestari"
    };
    static final String[] LAST = {
        "Santoso",
        "Rahayu",
        "Wijaya",
        "Saputra",
        "Kusuma",
        "Pratama",
        "Hidayat",
        "Nugroho",
        "Siregar",
        "Harahap",
        "Lubis",
        "Simanjuntak",
        "Setiawan",
        "Gunawan",
        "Halim",
        "Tanoto",
        "Smith",
        "Johnson",
        "Brown",
        "Miller",
        "Wirawan",
        "Susanto",
        "Purnomo",
        "Hakim",
        "Sembiring"
    };
    private static final String[] DOMAINS = {
        "gmail.com",
        "yahoo.co.id",
        "outlook.com",
        "rs-harapan.co.id",
        "kemkes.go.id",
        "ui.ac.id",
        "bankmandiri.co.id",
        "mail.example.org",
        "company.com",
        "rsud-bandung.go.id",
        "student.itb.ac.id",
        "proton.me",
        "hospital.sg"
    };
    static final String[] MONTHS_ID = {
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember"
    };
    private static final String[] MONTHS_EN = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    private final Random rnd;

    CorpusValues(Random rnd) {
        this.rnd = rnd;
    }

    <T> T pick(T[] options) {
        return options[rnd.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    String name() {
        return pick(FIRST) + " " + pick(LAST);
    }

    static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String digits) {
        return luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    int[] birthDate(int fromYear, int toYear) {
        int y = fromYear + rnd.nextInt(toYear - fromYear + 1);
        int m = 1 + rnd.nextInt(12);
        int[] days = {31, (y % 4 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return new int[] {1 + rnd.nextInt(days[m - 1]), m, y};
    }

    /** A 16-digit NIK with a real region, a real birth date (+40 for women) and a low serial. */
    String nikDigits() {
        int[] d = birthDate(1945, 2008);
        int day = d[0] + (rnd.nextBoolean() ? 40 : 0);
        return pick(REGIONS)
                + two(1 + rnd.nextInt(30))
                + two(day)
                + two(d[1])
                + two(d[2] % 100)
                + String.format("%04d", 1 + rnd.nextInt(400));
    }

    /** A KK number: region, issue date, serial. */
    String kkDigits() {
        int[] d = birthDate(2004, 2023);
        return pick(REGIONS)
                + two(1 + rnd.nextInt(30))
                + two(d[0])
                + two(d[1])
                + two(d[2] % 100)
                + String.format("%04d", 1 + rnd.nextInt(9000));
    }

    Value nik() {
        String d = nikDigits();
        return switch (rnd.nextInt(5)) {
            case 0 -> new Value(group(d, 4, 4, 4, 4, " "), true, "4-4-4-4");
            case 1 -> new Value(group(d, 6, 6, 4, "."), true, "6.6.4");
            default -> new Value(d, true, "plain");
        };
    }

    Value kk() {
        return new Value(kkDigits(), false, "plain");
    }

    /** Old NPWP: taxpayer type, 6-digit serial, Luhn check digit over the first 8, tax office, branch. */
    String npwpDigits() {
        String head = pick(new String[] {
                    "01", "02", "03", "04", "05", "06", "07", "08", "09", "21", "31", "44", "54", "66", "71", "73",
                    "75", "81", "82", "91", "92"
                })
                + String.format("%06d", 1 + rnd.nextInt(999_998));
        return head
                + luhnCheckDigit(head)
                + String.format("%03d", 1 + rnd.nextInt(999))
                + (rnd.nextInt(4) == 0 ? String.format("%03d", rnd.nextInt(5)) : "000");
    }

    Value npwp() {
        String d = npwpDigits();
        return switch (rnd.nextInt(4)) {
            case 0 -> new Value(d, false, "plain-15");
            case 1 -> new Value("0" + d, false, "plain-16");
            default ->
                new Value(
                        d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "." + d.charAt(8) + "-"
                                + d.substring(9, 12) + "." + d.substring(12),
                        true,
                        "canonical");
        };
    }

    Value bpjs() {
        if (rnd.nextInt(3) == 0) {
            return new Value(digits(2) + digits(9), false, "kpj-11");
        }
        String d = "000" + (1 + rnd.nextInt(9)) + digits(9);
        return new Value(d, true, "jkn-13");
    }

    Value phone() {
        int form = rnd.nextInt(14);
        String op = pick(OPERATORS);
        String rest = digits(rnd.nextInt(3) == 0 ? 7 : 8);
        String mobile = op + rest;
        switch (form) {
            case 0 -> {
                return new Value(mobile, true, "08 plain");
            }
            case 1 -> {
                return new Value(op + "-" + rest.substring(0, 4) + "-" + rest.substring(4), true, "08 dashes");
            }
            case 2 -> {
                return new Value(op + " " + rest.substring(0, 4) + " " + rest.substring(4), true, "08 spaces");
            }
            case 3 -> {
                return new Value(op + "." + rest.substring(0, 4) + "." + rest.substring(4), true, "08 dots");
            }
            case 4 -> {
                return new Value(
                        "+62 " + op.substring(1) + "-" + rest.substring(0, 4) + "-" + rest.substring(4),
                        true,
                        "+62 dashes");
            }
            case 5 -> {
                return new Value("+62" + mobile.substring(1), true, "+62 plain");
            }
            case 6 -> {
                return new Value("62" + mobile.substring(1), true, "62 plain");
            }
            case 7 -> {
                return new Value(
                        "+62 " + op.substring(1) + " " + rest.substring(0, 4) + " " + rest.substring(4),
                        true,
                        "+62 spaces");
            }
            case 8 -> {
                String area = pick(AREA_CODES);
                String local = digits(area.length() == 2 ? 8 : 7);
                return new Value(
                        "(0" + area + ") " + local.substring(0, local.length() - 4) + "-"
                                + local.substring(local.length() - 4),
                        true,
                        "landline parens");
            }
            case 9 -> {
                String area = pick(AREA_CODES);
                return new Value("0" + area + "-" + digits(7), true, "landline dash");
            }
            case 10 -> {
                String area = pick(AREA_CODES);
                return new Value("+62 " + area + " " + digits(7), true, "landline +62");
            }
            case 11 -> {
                return new Value(
                        pick(new String[] {
                                    "+44 20 7946 0",
                                    "+65 6123 4",
                                    "+61 2 9876 5",
                                    "+49 30 1234 5",
                                    "+81 3-1234-5",
                                    "+1 415 555 2",
                                    "+60 3-2161 2",
                                    "+31 20 123 4"
                                })
                                + digits(3),
                        true,
                        "international");
            }
            case 12 -> {
                return new Value(
                        "(" + (2 + rnd.nextInt(8)) + digits(2) + ") " + (2 + rnd.nextInt(8)) + digits(2) + "-"
                                + digits(4),
                        true,
                        "nanp");
            }
            default -> {
                String area = pick(AREA_CODES);
                return new Value("0" + area + digits(7), false, "landline plain");
            }
        }
    }

    Value email() {
        String first = pick(FIRST).toLowerCase(Locale.ROOT);
        String last = pick(LAST).toLowerCase(Locale.ROOT);
        String local = switch (rnd.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + last.charAt(0) + (1970 + rnd.nextInt(40));
            case 2 -> first.charAt(0) + last;
            case 3 -> first + "_" + last + rnd.nextInt(100);
            default -> first + "+rs" + rnd.nextInt(10);
        };
        String domain = pick(DOMAINS);
        return switch (rnd.nextInt(10)) {
            case 0 -> new Value(local + " [at] " + domain.replace(".", " [dot] "), true, "spelled [at]");
            case 1 -> new Value(local + "(at)" + domain.replace(".", "(dot)"), true, "spelled (at)");
            case 2 -> new Value(local + " at " + domain.replace(".", " dot "), true, "spelled words");
            case 3 -> new Value(local + "\uFF20" + domain, true, "full-width at");
            case 4 -> new Value(local + "[at]" + domain, true, "spelled [at] literal dots");
            default -> new Value(local + "@" + domain, true, "plain");
        };
    }

    String cardDigits() {
        String prefix;
        int length = 16;
        switch (rnd.nextInt(7)) {
            case 0, 1 -> prefix = "4" + digits(3);
            case 2 -> prefix = (54 + rnd.nextInt(2)) + digits(2);
            case 3 -> prefix = (2221 + rnd.nextInt(500)) + "";
            case 4 -> {
                prefix = (rnd.nextBoolean() ? "34" : "37") + digits(2);
                length = 15;
            }
            case 5 -> prefix = "6011";
            default -> prefix = (51 + rnd.nextInt(3)) + digits(2);
        }
        String payload = prefix + digits(length - 1 - prefix.length());
        return payload + luhnCheckDigit(payload);
    }

    Value card() {
        String d = cardDigits();
        if (d.length() == 15) {
            return new Value(rnd.nextBoolean() ? group(d, 4, 6, 5, " ") : d, true, "amex");
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> new Value(group(d, 4, 4, 4, 4, " "), true, "4-4-4-4 spaces");
            case 1 -> new Value(group(d, 4, 4, 4, 4, "-"), true, "4-4-4-4 dashes");
            default -> new Value(d, true, "plain");
        };
    }

    Value iban() {
        String[][] countries = {
            {"DE", "18n"},
            {"GB", "4a14n"},
            {"NL", "4a10n"},
            {"FR", "23n"},
            {"ES", "20n"},
            {"IT", "1a22n"},
            {"BE", "12n"},
            {"CH", "17n"},
            {"AT", "16n"},
            {"SA", "20n"},
            {"AE", "19n"}
        };
        String[] c = pick(countries);
        StringBuilder bban = new StringBuilder();
        String spec = c[1];
        int letters = spec.contains("a") ? Integer.parseInt(spec.substring(0, spec.indexOf('a'))) : 0;
        int numbers =
                Integer.parseInt(spec.substring(spec.contains("a") ? spec.indexOf('a') + 1 : 0, spec.length() - 1));
        for (int i = 0; i < letters; i++) {
            bban.append((char) ('A' + rnd.nextInt(26)));
        }
        bban.append(digits(numbers));
        String check = ibanCheck(c[0], bban.toString());
        String compact = c[0] + check + bban;
        if (rnd.nextBoolean()) {
            StringBuilder g = new StringBuilder();
            for (int i = 0; i < compact.length(); i += 4) {
                if (i > 0) {
                    g.append(' ');
                }
                g.append(compact, i, Math.min(compact.length(), i + 4));
            }
            return new Value(g.toString(), true, "grouped");
        }
        return new Value(compact, true, "compact");
    }

    static String ibanCheck(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (int i = 0; i < rearranged.length(); i++) {
            char ch = rearranged.charAt(i);
            numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        int check = 98
                - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return two(check);
    }

    Value ssn() {
        int area;
        do {
            area = 1 + rnd.nextInt(899);
        } while (area == 666);
        String d = String.format("%03d%02d%04d", area, 1 + rnd.nextInt(99), 1 + rnd.nextInt(9999));
        return switch (rnd.nextInt(4)) {
            case 0 -> new Value(d, false, "plain");
            case 1 -> new Value(group(d, 3, 2, 4, " "), true, "spaces");
            default -> new Value(group(d, 3, 2, 4, "-"), true, "dashes");
        };
    }

    Value passport() {
        return switch (rnd.nextInt(6)) {
            case 0 -> new Value(pick(new String[] {"A", "B", "C", "X", "E"}) + digits(7), false, "ID letter+7");
            case 1 -> new Value(pick(new String[] {"A", "B", "C", "X"}) + " " + digits(7), false, "ID letter space 7");
            case 2 -> new Value((1 + rnd.nextInt(9)) + digits(8), false, "9 digits");
            case 3 -> new Value((char) ('A' + rnd.nextInt(26)) + digits(8), false, "US letter+8");
            case 4 ->
                new Value(
                        "C" + digits(2) + (char) ('A' + rnd.nextInt(26)) + digits(2) + (char) ('A' + rnd.nextInt(26))
                                + digits(2),
                        false,
                        "DE alnum");
            default ->
                new Value(
                        (char) ('A' + rnd.nextInt(26)) + "" + (char) ('A' + rnd.nextInt(26)) + digits(7),
                        false,
                        "2 letters+7");
        };
    }

    Value ipAddress() {
        switch (rnd.nextInt(5)) {
            case 0 -> {
                return new Value(
                        "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254)),
                        true,
                        "v4 private");
            }
            case 1 -> {
                return new Value("192.168." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254)), true, "v4 private");
            }
            case 2 -> {
                return new Value(
                        (11 + rnd.nextInt(200)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "."
                                + (1 + rnd.nextInt(254)),
                        true,
                        "v4 public");
            }
            case 3 -> {
                StringBuilder b = new StringBuilder("2001:db8");
                for (int i = 0; i < 6; i++) {
                    b.append(':').append(Integer.toHexString(rnd.nextInt(65536)));
                }
                return new Value(b.toString(), true, "v6 full");
            }
            default -> {
                return new Value(
                        "fe80::" + Integer.toHexString(256 + rnd.nextInt(65000)) + ":"
                                + Integer.toHexString(4096 + rnd.nextInt(60000)),
                        true,
                        "v6 compressed");
            }
        }
    }

    Value dateOfBirth() {
        int[] d = birthDate(1940, 2012);
        int day = d[0];
        int month = d[1];
        int year = d[2];
        return switch (rnd.nextInt(9)) {
            case 0 -> new Value(two(day) + "-" + two(month) + "-" + year, false, "dd-mm-yyyy");
            case 1 -> new Value(two(day) + "/" + two(month) + "/" + year, false, "dd/mm/yyyy");
            case 2 -> new Value(year + "-" + two(month) + "-" + two(day), false, "iso");
            case 3 -> new Value(day + " " + MONTHS_ID[month - 1] + " " + year, false, "d Bulan yyyy");
            case 4 -> new Value(day + " " + MONTHS_EN[month - 1] + " " + year, false, "d Month yyyy");
            case 5 -> new Value(MONTHS_EN[month - 1] + " " + day + ", " + year, false, "Month d, yyyy");
            case 6 -> new Value(two(day) + "." + two(month) + "." + year, false, "dd.mm.yyyy");
            case 7 -> new Value(day + " " + MONTHS_EN[month - 1].substring(0, 3) + " " + year, false, "d Mon yyyy");
            default -> new Value(two(day) + "-" + two(month) + "-" + two(year % 100), false, "dd-mm-yy");
        };
    }

    Value bankAccount() {
        int len = 10 + rnd.nextInt(7);
        String d = (1 + rnd.nextInt(9)) + digits(len - 1);
        return switch (rnd.nextInt(4)) {
            case 0 -> new Value(d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6), false, "dashes");
            case 1 -> new Value(group(d, 4, d.length() - 4, " "), false, "space");
            default -> new Value(d, false, "plain");
        };
    }

    Value mrn() {
        return switch (rnd.nextInt(5)) {
            case 0 -> new Value(digits(2) + "-" + digits(2) + "-" + digits(2), false, "00-00-00");
            case 1 -> new Value(digits(8), false, "8 digits");
            case 2 -> new Value("RM-" + (2015 + rnd.nextInt(10)) + "-" + digits(6), false, "RM-yyyy-n");
            case 3 -> new Value(digits(6), false, "6 digits");
            default -> new Value(digits(3) + "." + digits(3), false, "000.000");
        };
    }

    String base62(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        if (n > 4) {
            b.setCharAt(rnd.nextInt(n), (char) ('0' + rnd.nextInt(10)));
            b.setCharAt(rnd.nextInt(n), (char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }

    String base64url(int n) {
        return base62(n).replace('Q', '-').replace('z', '_');
    }

    String upperDigits(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** A secret written as it would be pasted; the whole text is the value unless noted by the template. */
    Value secret() {
        return switch (rnd.nextInt(12)) {
            case 0 -> new Value("sk-proj-" + base64url(48), true, "openai");
            case 1 -> new Value("sk-ant-api03-" + base64url(80), true, "anthropic");
            case 2 -> new Value((rnd.nextBoolean() ? "AKIA" : "ASIA") + upperDigits(16), true, "aws");
            case 3 -> new Value("ghp_" + base62(36), true, "github");
            case 4 -> new Value("github_pat_" + base62(22) + "_" + base62(59), true, "github pat");
            case 5 -> new Value("xoxb-" + digits(11) + "-" + digits(13) + "-" + base62(24), true, "slack");
            case 6 ->
                new Value(
                        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOi" + base64url(40) + "." + base64url(43),
                        true,
                        "jwt");
            case 7 -> new Value("sk_live_" + base62(24), true, "stripe");
            case 8 -> new Value("AIza" + base64url(35), true, "google");
            case 9 -> new Value("glpat-" + base64url(20), true, "gitlab");
            case 10 -> new Value("sk-mng-" + base62(32), true, "monago");
            default -> new Value(pem(), true, "pem");
        };
    }

    String pem() {
        String kind = pick(new String[] {"RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"});
        StringBuilder b = new StringBuilder("-----BEGIN ").append(kind).append("-----\n");
        for (int i = 0; i < 3 + rnd.nextInt(4); i++) {
            b.append(base62(64)).append('\n');
        }
        return b.append(base62(20))
                .append("==\n-----END ")
                .append(kind)
                .append("-----")
                .toString();
    }

    /** A password-like value for "password: ..." sentences. */
    String password() {
        return switch (rnd.nextInt(5)) {
            case 0 ->
                pick(new String[] {"hunter", "rahasia", "sayang", "bandung", "jakarta", "admin", "qwerty"})
                        + (1 + rnd.nextInt(9999));
            case 1 -> pick(FIRST) + "#" + (1990 + rnd.nextInt(35));
            case 2 -> base62(12) + "!";
            case 3 ->
                pick(new String[] {"P@ssw0rd", "Welcome1", "Summer2024!", "Rahasia123", "S3cure-Pass"})
                        + rnd.nextInt(100);
            default -> base62(24);
        };
    }

    static String group(String d, int a, int b, String sep) {
        return d.substring(0, a) + sep + d.substring(a, a + b);
    }

    static String group(String d, int a, int b, int c, String sep) {
        return d.substring(0, a) + sep + d.substring(a, a + b) + sep + d.substring(a + b, a + b + c);
    }

    static String group(String d, int a, int b, int c, int e, String sep) {
        return group(d, a, b, c, sep) + sep + d.substring(a + b + c, a + b + c + e);
    }

    // ---- names and addresses ------------------------------------------------------------------

    private static final String[] STREETS = {
        "Melati",
        "Merdeka",
        "Sudirman",
        "Diponegoro",
        "Gatot Subroto",
        "Pahlawan",
        "Cempaka Putih",
        "Kenanga",
        "Raya Bogor",
        "Pemuda",
        "Veteran",
        "Anggrek",
        "Mawar",
        "Asia Afrika",
        "Dago",
        "Pasteur",
        "Kaliurang",
        "Imam Bonjol",
        "Hayam Wuruk",
        "Teuku Umar"
    };
    private static final String[] VILLAGES = {
        "Sukajadi",
        "Cipete",
        "Menteng",
        "Tegalsari",
        "Caturtunggal",
        "Sukamaju",
        "Kebon Jeruk",
        "Lowokwaru",
        "Cilandak",
        "Banyumanik",
        "Panakkukang",
        "Sidomulyo"
    };
    private static final String[] DISTRICTS = {
        "Sukasari",
        "Coblong",
        "Tebet",
        "Depok",
        "Kebayoran Baru",
        "Tembalang",
        "Rungkut",
        "Medan Baru",
        "Ngaglik",
        "Cimanggis",
        "Klojen"
    };
    private static final String[] CITIES = {
        "Kota Bandung",
        "Jakarta Selatan",
        "Kab. Sleman",
        "Kota Surabaya",
        "Kota Semarang",
        "Kota Medan",
        "Kab. Bogor",
        "Kota Depok",
        "Kota Malang",
        "Kota Makassar"
    };
    private static final String[] EN_STREETS = {"Baker", "Oak", "Maple", "Church", "High", "Elm", "Cedar", "Park"};
    private static final String[] EN_SUFFIX = {"Street", "St.", "Road", "Avenue", "Lane", "Drive", "Rd"};
    private static final String[] EN_CITIES = {"Springfield, IL", "Austin, TX", "Portland, OR", "Columbus, OH"};
    private static final String[] UK_TOWNS = {"London SW1A 1AA", "Manchester M1 1AE", "Leeds LS1 4DY"};

    Value person() {
        return switch (rnd.nextInt(6)) {
            case 0 -> new Value(pick(FIRST) + " " + pick(LAST), true, "given-surname");
            case 1 -> new Value(pick(FIRST) + " " + pick(FIRST) + " " + pick(LAST), true, "three-words");
            case 2 -> new Value(pick(FIRST), false, "given");
            case 3 ->
                new Value(pick(FIRST) + " " + (char) ('A' + rnd.nextInt(26)) + ". " + pick(LAST), false, "initial");
            case 4 -> new Value((pick(FIRST) + " " + pick(LAST)).toUpperCase(java.util.Locale.ROOT), false, "capitals");
            default -> new Value(pick(LAST), false, "surname");
        };
    }

    Value address() {
        String no = Integer.toString(1 + rnd.nextInt(200));
        String rt = "RT " + two(1 + rnd.nextInt(20)) + "/RW " + two(1 + rnd.nextInt(15));
        String postal = Integer.toString(10000 + rnd.nextInt(89999));
        return switch (rnd.nextInt(6)) {
            case 0 ->
                new Value(
                        "Jl. " + pick(STREETS) + " No. " + no + " " + rt + ", Kel. " + pick(VILLAGES) + ", Kec. "
                                + pick(DISTRICTS) + ", " + pick(CITIES) + " " + postal,
                        true,
                        "id-full");
            case 1 -> new Value("Jalan " + pick(STREETS) + " Nomor " + no + ", " + pick(CITIES), true, "id-street");
            case 2 -> new Value("Gg. " + pick(STREETS) + " No. " + no + "A, " + rt, true, "id-alley");
            case 3 ->
                new Value(
                        "Perum Griya " + pick(VILLAGES) + " Blok C" + (1 + rnd.nextInt(9)) + " No. " + no + ", "
                                + pick(CITIES),
                        true,
                        "id-estate");
            case 4 ->
                new Value(
                        no + " " + pick(EN_STREETS) + " " + pick(EN_SUFFIX) + ", " + pick(EN_CITIES) + " " + postal,
                        true,
                        "us");
            default -> new Value(no + " " + pick(EN_STREETS) + " Road, " + pick(UK_TOWNS), true, "uk");
        };
    }
}
