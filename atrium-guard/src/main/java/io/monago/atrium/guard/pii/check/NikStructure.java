package io.monago.atrium.guard.pii.check;

/**
 * The structure of an Indonesian NIK (and of the KK number, which has the same layout):
 * {@code PP RR SS DDMMYY NNNN}, province, regency or city, district, birth date (day + 40 for
 * women; for a KK, the date of issue) and a serial.
 *
 * <p>Regency codes are checked against the number of regencies ({@code 01..}) and cities
 * ({@code 71..}) each province has, with a small margin for new ones, so that a random 16-digit
 * number passes about one time in a hundred.
 *
 * <pre>{@code
 * NikStructure.valid(Digits.of("3171015708450001"), 0);   // true: Jakarta Pusat, born 17-08-1945, woman
 * }</pre>
 */
public final class NikStructure {
    // For province PP at index PP: how many regency codes 01..n exist, and city codes 71..(70+m).
    private static final byte[] REGENCIES = new byte[100];
    private static final byte[] CITIES = new byte[100];

    static {
        province(11, 18, 5); // Aceh
        province(12, 25, 8); // Sumatera Utara
        province(13, 12, 7); // Sumatera Barat
        province(14, 10, 3); // Riau
        province(15, 9, 2); // Jambi
        province(16, 13, 4); // Sumatera Selatan
        province(17, 9, 1); // Bengkulu
        province(18, 13, 2); // Lampung
        province(19, 6, 1); // Kepulauan Bangka Belitung
        province(21, 5, 2); // Kepulauan Riau
        province(31, 1, 5); // DKI Jakarta
        province(32, 18, 9); // Jawa Barat
        province(33, 29, 6); // Jawa Tengah
        province(34, 4, 1); // DI Yogyakarta
        province(35, 29, 9); // Jawa Timur
        province(36, 4, 4); // Banten
        province(51, 8, 1); // Bali
        province(52, 8, 2); // Nusa Tenggara Barat
        province(53, 21, 1); // Nusa Tenggara Timur
        province(61, 12, 2); // Kalimantan Barat
        province(62, 13, 1); // Kalimantan Tengah
        province(63, 11, 2); // Kalimantan Selatan
        province(64, 11, 4); // Kalimantan Timur
        province(65, 5, 1); // Kalimantan Utara
        province(71, 15, 4); // Sulawesi Utara
        province(72, 13, 1); // Sulawesi Tengah
        province(73, 26, 3); // Sulawesi Selatan
        province(74, 17, 2); // Sulawesi Tenggara
        province(75, 6, 1); // Gorontalo
        province(76, 6, 1); // Sulawesi Barat
        province(81, 11, 2); // Maluku
        province(82, 10, 2); // Maluku Utara
        province(91, 40, 2); // Papua (and the 2022 split below, whose residents keep old codes)
        province(92, 15, 2); // Papua Barat
        province(93, 10, 1); // Papua Selatan
        province(94, 10, 1); // Papua Tengah
        province(95, 10, 1); // Papua Pegunungan
        province(96, 10, 1); // Papua Barat Daya
    }

    private NikStructure() {}

    private static void province(int code, int regencies, int cities) {
        REGENCIES[code] = (byte) regencies;
        CITIES[code] = (byte) cities;
    }

    /**
     * Whether a province and regency code pair exists.
     *
     * @param province the first two digits
     * @param regency the next two digits
     * @return true when the pair is a known regency or city
     */
    public static boolean validRegion(int province, int regency) {
        if (province < 0 || province > 99) {
            return false;
        }
        int regencies = REGENCIES[province];
        int cities = CITIES[province];
        return (regency >= 1 && regency <= regencies) || (regency >= 71 && regency < 71 + cities);
    }

    /**
     * Whether 16 digits starting at {@code from} have the NIK layout with a birth date.
     *
     * @param d digits
     * @param from index of the first of 16 digits
     * @return true when region, district, date (with the +40 for women) and serial all hold
     */
    public static boolean valid(Digits d, int from) {
        if (!validRegion((int) d.value(from, from + 2), (int) d.value(from + 2, from + 4))) {
            return false;
        }
        if (d.value(from + 4, from + 6) == 0 || d.value(from + 12, from + 16) == 0) {
            return false;
        }
        int day = (int) d.value(from + 6, from + 8);
        if (day > 40) {
            day -= 40;
        }
        return CalendarDate.validTwoDigitYear(
                day, (int) d.value(from + 8, from + 10), (int) d.value(from + 10, from + 12));
    }
}
