package io.monago.atrium.guard.pii.recognizer.builtin;

import static io.monago.atrium.guard.pii.names.NameText.allCaps;
import static io.monago.atrium.guard.pii.names.NameText.capitalised;
import static io.monago.atrium.guard.pii.names.NameText.numberEnd;
import static io.monago.atrium.guard.pii.names.NameText.spaces;
import static io.monago.atrium.guard.pii.names.NameText.wordEnd;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.names.NameLists;
import io.monago.atrium.guard.pii.names.NameWords;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.KeywordTable;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Optional;

/**
 * Postal addresses by their shape. Indonesian: a run of parts, each a keyword and what it names,
 * {@code Jl. Melati No. 12 RT 003/RW 005, Kel. Sukajadi, Kec. Sukasari, Kota Bandung, Jawa Barat
 * 40162}; international: a house number, words and a street suffix ({@code 221B Baker Street}),
 * then unit, city, state and ZIP or a UK postcode. A street, region or city word alone is no
 * address: a finding needs two parts, one of them fine-grained (street, house number, RT/RW,
 * block or unit, village, postal code). Parts follow each other separated by spaces, a comma or
 * one line break; the first thing that is no part ends the address.
 *
 * <p>Confidence 0.9, 0.95 after {@code alamat}/{@code address}; a single part after such a word
 * ({@code alamat: Jl. Melati}) is 0.7.
 *
 * <pre>{@code
 * Optional<Match> m = new AddressRecognizer().parse(text, start, false);
 * }</pre>
 */
public final class AddressRecognizer {
    private static final int MAX_PARTS = 12;
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_REGION_WORDS = 3;
    /** Words that announce another kind of value: an address stops before them ({@code Telepon}, {@code Rekening}). */
    private static final int VALUE_WORDS =
            ContextWords.ENTITY_MASK | ContextWords.SECRET_TRIGGER | ContextWords.INTRODUCER | ContextWords.NEGATIVE;

    private static final int KEYWORDS = NameWords.STREET
            | NameWords.NUMBER
            | NameWords.RT_RW
            | NameWords.REGION
            | NameWords.UNIT
            | NameWords.POSTAL
            | NameWords.SUFFIX;

    /** Fine-grained parts: with one of them, two parts make an address. */
    private static final int STREET = 1;

    private static final int NUMBER = 1 << 1;
    private static final int RT_RW = 1 << 2;
    private static final int UNIT = 1 << 3;
    private static final int VILLAGE = 1 << 4;
    private static final int POSTAL = 1 << 5;
    private static final int FINE = STREET | NUMBER | RT_RW | UNIT | VILLAGE | POSTAL;
    private static final int REGION = 1 << 6;

    private final NameLists lists = NameLists.shared();
    private final KeywordTable words = NameWords.table();
    private final KeywordTable valueWords = ContextWords.table();

    /**
     * Whether a word can start an address.
     *
     * @param flags the word's {@link NameWords} flags
     * @return true for street, RT/RW, region and unit keywords
     */
    public static boolean mayStart(int flags) {
        return (flags & (NameWords.STREET | NameWords.RT_RW | NameWords.REGION | NameWords.UNIT)) != 0;
    }

    /**
     * An address starting with a keyword.
     *
     * @param t folded text
     * @param s where the keyword starts
     * @param context whether an address word ({@code alamat}) came shortly before
     * @return the address
     */
    public Optional<Match> parse(char[] t, int s, boolean context) {
        return walk(t, s, s, 0, 0, false, context);
    }

    /**
     * An international address starting with a house number: {@code 221B Baker Street, London NW1 6XE}.
     *
     * @param t folded text
     * @param s where the house number starts
     * @param context whether an address word came shortly before
     * @return the address
     */
    public Optional<Match> fromNumber(char[] t, int s, boolean context) {
        int end = houseAndStreet(t, s);
        return end > 0 ? walk(t, s, end, STREET | NUMBER, 2, true, context) : Optional.empty();
    }

    /** A house number, up to four words and a street suffix at {@code s}: its end, or 0. */
    private int houseAndStreet(char[] t, int s) {
        int e = numberEnd(t, s);
        if (e == s || e - s > 6 || !CharClass.isDigit(t[s])) {
            return 0;
        }
        int p = spaces(t, e);
        for (int i = 0; i < 4 && p < t.length; i++) {
            int we = wordEnd(t, p);
            if (we == p || !(capitalised(t, p, we) || ordinal(t, p, we))) {
                // "5th Avenue" starts with a digit: numberEnd covers it
                if (we == p && CharClass.isDigit(t[p])) {
                    we = numberEnd(t, p);
                    if (!ordinal(t, p, we)) {
                        return 0;
                    }
                } else {
                    return 0;
                }
            }
            long key = WordKey.of(t, p, we);
            int flags = key == 0 ? 0 : words.lookup(key);
            if (i > 0 && (flags & NameWords.SUFFIX) != 0) {
                return we < t.length && t[we] == '.' ? we + 1 : we;
            }
            if (we + 1 < t.length && (t[we] == '\'' || t[we] == '\u2019') && (t[we + 1] | 0x20) == 's') {
                we += 2; // "Queen's Road"
            }
            int next = spaces(t, we);
            if (next == we) {
                return 0;
            }
            p = next;
        }
        return 0;
    }

    private Optional<Match> walk(
            char[] t, int start, int from, int kinds, int parts, boolean international, boolean context) {
        int n = t.length;
        int end = from;
        int p = from;
        int found = kinds;
        int count = parts;
        boolean abroad = international;
        while (count < MAX_PARTS) {
            int q = separator(t, p, count == 0);
            if (q >= n) {
                break;
            }
            long part = part(t, q, count > 0, abroad);
            if (part == 0) {
                break;
            }
            end = (int) part;
            int kind = (int) (part >>> 32);
            // "Flat 4, 146 Lincoln Road, Bristol BS8 1QU": a house number and street after a unit is the
            // international layout, so the town, state and postcode after it are read as such.
            abroad |= CharClass.isDigit(t[q]) && (kind & STREET) != 0;
            found |= kind;
            count++;
            p = end;
        }
        if (end <= start) {
            return Optional.empty();
        }
        boolean shape = count >= 2 && (found & FINE) != 0;
        if (shape) {
            return Optional.of(new Match(EntityType.ADDRESS, start, end, context ? 0.95 : 0.9, "address.shape"));
        }
        if (context && count == 1 && (found & (FINE | REGION)) != 0) {
            return Optional.of(new Match(EntityType.ADDRESS, start, end, 0.7, "address.context"));
        }
        return Optional.empty();
    }

    /** Skips what must separate two parts: spaces, a comma or a dash, one line break; {@code t.length} when nothing does. */
    private static int separator(char[] t, int p, boolean first) {
        if (first) {
            return p;
        }
        int n = t.length;
        int q = spaces(t, p);
        if (q < n && (t[q] == ',' || t[q] == ';' || (t[q] == '-' && q > p))) {
            q = spaces(t, q + 1);
        }
        if (q < n && t[q] == '\r') {
            q++;
        }
        if (q < n && t[q] == '\n') {
            q = spaces(t, q + 1);
        }
        return q == p ? n : q;
    }

    /**
     * One part at {@code p}.
     *
     * @return its end in the low 32 bits and its kind above, or 0 when none starts there
     */
    private long part(char[] t, int p, boolean continuing, boolean international) {
        int n = t.length;
        if (CharClass.isDigit(t[p])) {
            int street = continuing ? houseAndStreet(t, p) : 0;
            if (street > 0) {
                return packed(street, STREET | NUMBER); // "Flat 4, 146 Lincoln Road"
            }
            int e = numberEnd(t, p);
            if (continuing && e - p == 5 && allDigits(t, p, e)) {
                int zip = e + 5 < n && t[e] == '-' && allDigits(t, e + 1, e + 5) ? e + 5 : e;
                return packed(zip, POSTAL);
            }
            return 0;
        }
        int e = wordEnd(t, p);
        if (e == p) {
            return 0;
        }
        long key = WordKey.of(t, p, e);
        int flags = key == 0 ? 0 : words.lookup(key);
        if ((flags & NameWords.STREET) != 0 && (capitalised(t, p, e) || e - p <= 3)) {
            int name = names(t, afterKeyword(t, e), true);
            return name > 0 ? packed(name, STREET) : 0;
        }
        if ((flags & NameWords.NUMBER) != 0) {
            int v = afterKeyword(t, e);
            int ve = v < n && CharClass.isDigit(t[v]) ? numberEnd(t, v) : v;
            return ve > v ? packed(ve, NUMBER) : 0;
        }
        if ((flags & NameWords.RT_RW) != 0) {
            return rtRw(t, e);
        }
        if ((flags & NameWords.UNIT) != 0) {
            int v = afterKeyword(t, e);
            int ve = numberEnd(t, v);
            boolean value = ve > v && (hasDigit(t, v, ve) || (ve - v <= 2 && Character.isUpperCase(t[v])));
            return value ? packed(ve, UNIT) : 0;
        }
        if ((flags & NameWords.POSTAL) != 0 && continuing) {
            int v = afterKeyword(t, e);
            long pos = WordKey.of("pos");
            int ve = wordEnd(t, v);
            if (ve > v && WordKey.of(t, v, ve) == pos) {
                v = afterKeyword(t, ve);
            }
            int de = numberEnd(t, v);
            return de - v == 5 && allDigits(t, v, de) ? packed(de, POSTAL) : 0;
        }
        if ((flags & NameWords.REGION) != 0 && (capitalised(t, p, e) || allCaps(t, p, e))) {
            int name = names(t, afterKeyword(t, e), false);
            if (name > 0) {
                return packed(name, (flags & NameWords.VILLAGE) != 0 ? VILLAGE : REGION);
            }
            return 0;
        }
        if (!continuing || !capitalised(t, p, e) || (flags & KEYWORDS) != 0) {
            return 0;
        }
        if (lists.region(t, p, e)) {
            return packed(names(t, p, false), REGION); // ", Bandung", ", Jawa Barat"
        }
        if (international) {
            // ", Springfield, IL 62704", ", London NW1 6XE"
            int uk = ukPostcode(t, p);
            if (uk > 0) {
                return packed(uk, POSTAL);
            }
            if (e - p == 2
                    && allCaps(t, p, e)
                    && (t[p] == 'N' || t[p] == 'S')
                    && (t[p + 1] == 'E' || t[p + 1] == 'W')
                    && !afterComma(t, p)) {
                return packed(e, STREET); // "Pennsylvania Avenue NW"
            }
            if (e - p == 2 && allCaps(t, p, e)) {
                int z = spaces(t, e);
                int ze = numberEnd(t, z);
                if (ze - z == 5 && allDigits(t, z, ze)) {
                    return packed(ze + 5 < n && t[ze] == '-' && allDigits(t, ze + 1, ze + 5) ? ze + 5 : ze, POSTAL);
                }
                return afterComma(t, p) ? packed(e, REGION) : 0;
            }
            int name = afterComma(t, p) ? names(t, p, false) : 0;
            return name > 0 ? packed(name, REGION) : 0;
        }
        return 0;
    }

    /** Whether a comma (and spaces) come right before {@code p}: a city follows a street after one. */
    private static boolean afterComma(char[] t, int p) {
        int i = p - 1;
        while (i >= 0 && t[i] == ' ') {
            i--;
        }
        return i >= 0 && t[i] == ',';
    }

    /** After a keyword: its dot, a colon, spaces. */
    private static int afterKeyword(char[] t, int e) {
        int p = e;
        if (p < t.length && t[p] == '.') {
            p++;
        }
        p = spaces(t, p);
        if (p < t.length && t[p] == ':') {
            p = spaces(t, p + 1);
        }
        return p;
    }

    /**
     * A name of capitalised words and numbers ({@code Melati}, {@code Raya Bogor}, {@code 17 Agustus},
     * {@code Jend. Sudirman}) up to the next keyword.
     *
     * @return its end, or 0 when there is none
     */
    private int names(char[] t, int p, boolean street) {
        int n = t.length;
        int end = 0;
        int q = p;
        for (int i = 0; i < (street ? MAX_NAME_WORDS : MAX_REGION_WORDS) && q < n; i++) {
            int e;
            if (CharClass.isDigit(t[q])) {
                if (!street) {
                    break;
                }
                e = numberEnd(t, q);
                if (e - q > 4) {
                    break;
                }
            } else {
                e = wordEnd(t, q);
                if (e == q || !capitalised(t, q, e) || (e < n && CharClass.isDigit(t[e]))) {
                    break; // "NW1" is a postcode, not a word of the name
                }
                long key = WordKey.of(t, q, e);
                int flags = key == 0 ? 0 : words.lookup(key);
                if ((flags & KEYWORDS & ~NameWords.SUFFIX) != 0 && i > 0) {
                    break;
                }
                if (key != 0 && (valueWords.lookup(key) & VALUE_WORDS) != 0 && (flags & KEYWORDS) == 0) {
                    break; // "Kota Malang Rekening BNI ...": another value starts
                }
                if (e < n
                        && t[e] == '.'
                        && e - q <= 4
                        && e + 2 < n
                        && t[e + 1] == ' '
                        && Character.isUpperCase(t[e + 2])) {
                    e++; // "Jend. Sudirman", "H. Agus Salim"
                }
            }
            end = e;
            int next = spaces(t, e);
            if (next == e) {
                break;
            }
            q = next;
        }
        return end;
    }

    private long rtRw(char[] t, int e) {
        int n = t.length;
        int v = afterKeyword(t, e);
        if (v < n && t[v] == '/') { // "RT/RW 003/005"
            int w = wordEnd(t, v + 1);
            if (w > v + 1) {
                v = afterKeyword(t, w);
            }
        }
        int de = digitsEnd(t, v);
        if (de == v || de - v > 3) {
            return 0;
        }
        int end = de;
        if (end < n && t[end] == '/') {
            int w = end + 1;
            int we = wordEnd(t, w);
            if (we > w) {
                w = afterKeyword(t, we);
            }
            int we2 = digitsEnd(t, w);
            if (we2 > w && we2 - w <= 3) {
                end = we2;
            }
        }
        return packed(end, RT_RW);
    }

    /** A UK postcode at {@code p} ({@code SW1A 1AA}, {@code M1 1AE}): its end, or 0. */
    private static int ukPostcode(char[] t, int p) {
        int n = t.length;
        int e = numberEnd(t, p);
        int len = e - p;
        if (len < 2 || len > 4 || !Character.isUpperCase(t[p]) || !hasDigit(t, p, e) || !allCaps(t, p, e)) {
            return 0;
        }
        if (e + 4 > n
                || t[e] != ' '
                || !CharClass.isDigit(t[e + 1])
                || !Character.isUpperCase(t[e + 2])
                || !Character.isUpperCase(t[e + 3])) {
            return 0;
        }
        return e + 4 < n && CharClass.isAlnum(t[e + 4]) ? 0 : e + 4;
    }

    private static int digitsEnd(char[] t, int p) {
        int i = p;
        while (i < t.length && CharClass.isDigit(t[i])) {
            i++;
        }
        return i;
    }

    private static boolean allDigits(char[] t, int s, int e) {
        if (e > t.length) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!CharClass.isDigit(t[i])) {
                return false;
            }
        }
        return e > s;
    }

    private static boolean hasDigit(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (CharClass.isDigit(t[i])) {
                return true;
            }
        }
        return false;
    }

    /** {@code 5th}, {@code 42nd}. */
    private static boolean ordinal(char[] t, int s, int e) {
        return e - s >= 3 && CharClass.isDigit(t[s]) && Character.isLetter(t[e - 1]);
    }

    private static long packed(int end, int kind) {
        return ((long) kind << 32) | end;
    }
}
