package io.monago.atrium.guard.pii.check;

import java.util.HashMap;
import java.util.Map;

/**
 * IBAN structure: two letters of a country that uses IBANs, two check digits, and a country-specific
 * number of letters and digits; valid when the ISO 13616 mod 97 remainder is 1.
 *
 * <pre>{@code
 * Iban.length('D', 'E');                        // 22
 * Iban.valid("DE89370400440532013000");          // true
 * }</pre>
 */
public final class Iban {
    private static final Map<Integer, Integer> LENGTHS = new HashMap<>();

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 "
                + "DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 "
                + "HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 "
                + "MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 "
                + "RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 "
                + "VG24 XK20 YE30";
        for (String entry : table.split(" ", -1)) {
            LENGTHS.put(key(entry.charAt(0), entry.charAt(1)), Integer.parseInt(entry.substring(2)));
        }
    }

    private Iban() {}

    private static int key(char a, char b) {
        return (Character.toUpperCase(a) << 8) | Character.toUpperCase(b);
    }

    /**
     * The IBAN length of a country.
     *
     * @param a first letter of the country code, either case
     * @param b second letter
     * @return the total length in characters, 0 when the country has no IBAN
     */
    public static int length(char a, char b) {
        return LENGTHS.getOrDefault(key(a, b), 0);
    }

    /**
     * Whether a compact IBAN (no spaces) passes the mod 97 check.
     *
     * @param iban letters and digits, either case
     * @return true when the rearranged number leaves remainder 1
     */
    public static boolean valid(CharSequence iban) {
        int n = iban.length();
        if (n < 5) {
            return false;
        }
        int rem = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
                rem = (rem * 10 + v) % 97;
            } else {
                char u = Character.toUpperCase(c);
                if (u < 'A' || u > 'Z') {
                    return false;
                }
                v = u - 'A' + 10;
                rem = (rem * 100 + v) % 97;
            }
        }
        return rem == 1;
    }
}
