package io.monago.atrium.guard.pii.recognizer.builtin;

import static io.monago.atrium.guard.pii.names.NameText.allCaps;
import static io.monago.atrium.guard.pii.names.NameText.capitalised;
import static io.monago.atrium.guard.pii.names.NameText.spaces;
import static io.monago.atrium.guard.pii.names.NameText.wordEnd;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.names.NameLists;
import io.monago.atrium.guard.pii.names.NameWords;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.KeywordTable;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Optional;

/**
 * Person names, without a statistical model: the capitalised words after a title, label or role
 * word ({@code Tn. Budi Santoso}, {@code a.n. Dewi}, {@code Pasien Dewi Anggraeni}, {@code Mrs.
 * O'Brien}), and, without any such word, two or three capitalised words that are all in the name
 * gazetteer, the first a given name ({@code Dewi Anggraeni datang kontrol}).
 *
 * <p>Confidence says how sure the words around are: 0.95 after a title with a known name, 0.8 with
 * an unknown capitalised one; 0.9/0.7 after a label; 0.85 after a role word ({@code Ibu},
 * {@code pasien}) with a known name, 0.5 with an unknown one ({@code Pasien Diabetes} is a
 * diagnosis); 0.65 for gazetteer names alone. Common words ({@code Kota}, months, institutions),
 * region names and short all-capital words ({@code RS}, {@code BPJS}) end a name; capitalised
 * words after an institution word ({@code RS Hasan Sadikin}, {@code Jl. Ahmad Yani}) are not one.
 *
 * <p>A whole value whose structure says it is a name (a column, a key, a chat speaker, a sign-off)
 * is checked by {@link #wholeValue}: name words from end to end.
 *
 * <pre>{@code
 * Optional<Match> m = new PersonRecognizer().afterAnchor(text, anchorEnd, NameWords.TITLE);
 * }</pre>
 */
public final class PersonRecognizer {
    private static final int MAX_WORDS = 5;
    private static final int STOP_WORDS = NameWords.ORG
            | NameWords.STREET
            | NameWords.REGION
            | NameWords.RT_RW
            | NameWords.NUMBER
            | NameWords.UNIT
            | NameWords.SUFFIX
            | NameWords.LABEL
            | NameWords.POSTAL
            | NameWords.TRADE;

    /** Words that announce another kind of value: a name stops before them ({@code Email}, {@code Lahir}, {@code NIK}). */
    private static final int VALUE_WORDS =
            ContextWords.ENTITY_MASK | ContextWords.SECRET_TRIGGER | ContextWords.INTRODUCER | ContextWords.NEGATIVE;

    private final NameLists lists = NameLists.shared();
    private final KeywordTable words = NameWords.table();
    private final KeywordTable valueWords = ContextWords.table();

    /**
     * A name after an anchor word.
     *
     * @param t folded text
     * @param anchorEnd the index after the anchor word (and after the dots of {@code a.n.})
     * @param anchor the anchor's flags: {@link NameWords#TITLE}, {@link NameWords#LABEL} or {@link NameWords#KIN}
     * @return the name, without the anchor
     */
    public Optional<Match> afterAnchor(char[] t, int anchorEnd, int anchor) {
        int n = t.length;
        int p = anchorEnd;
        if (p < n && t[p] == '.') {
            p++;
        }
        int q = spaces(t, p);
        if (q < n && t[q] == '"') {
            q++; // "name": "Budi"
        }
        int firstEnd = wordEnd(t, q);
        boolean nameFirst = firstEnd > q && capitalised(t, q, firstEnd) && lists.name(t, q, firstEnd) != 0;
        int colon = (anchor & (NameWords.LABEL | NameWords.KIN)) != 0 && !nameFirst ? fieldColon(t, q) : -1;
        if (colon > 0) {
            q = colon; // "Nama Wajib Pajak : Budi", "Name (as shown on your return): Budi"
        }
        if (q < n && (t[q] == ':' || t[q] == '=')) {
            q = spaces(t, q + 1);
            if (q < n && t[q] == '"') {
                q++;
            }
        } else if (q == p) {
            return Optional.empty(); // "Bapak-bapak", "Ibu,": no name follows
        }
        boolean title = (anchor & NameWords.TITLE) != 0;
        boolean label = !title && (anchor & NameWords.LABEL) != 0;
        int start = -1;
        int end = -1;
        int count = 0;
        boolean known = false;
        boolean firstKnown = false;
        boolean lower = false;
        p = q;
        while (p < n && count < MAX_WORDS) {
            int e = wordEnd(t, p);
            if (e == p) {
                break;
            }
            int next;
            if (e - p == 1 && Character.isUpperCase(t[p]) && e < n && t[e] == '.') {
                next = e + 1; // an initial: "Budi S. Wibowo", "M. Rizki"
            } else {
                long key = WordKey.of(t, p, e);
                int flags = key == 0 ? 0 : words.lookup(key);
                if (count == 0 && (flags & (NameWords.TITLE | NameWords.KIN)) != 0) {
                    return Optional.empty(); // "Bapak dr. Budi": the next title decides
                }
                if (e + 1 < n && t[e] == '.' && Character.isLetter(t[e + 1])) {
                    break; // "Sp.PD", "S.Kom": a degree, not a name
                }
                int kind = lists.name(t, p, e);
                int common = lists.common(t, p, e);
                if ((flags & NameWords.PARTICLE) != 0 && count > 0 && !capitalised(t, p, e)) {
                    next = e; // "bin", "van": kept only if a name word follows
                    p = spaces(t, next);
                    if (p == next) {
                        break;
                    }
                    continue;
                }
                if ((flags & STOP_WORDS) != 0
                        || common == NameLists.COMMON
                        || (key != 0 && (valueWords.lookup(key) & VALUE_WORDS) != 0)) {
                    break;
                }
                if (capitalised(t, p, e)) {
                    if (allCaps(t, p, e)
                            && e - p <= 4
                            && !(count > 0 && allCaps(t, start, end))
                            && !capitalsFollow(t, e)) {
                        break; // RS, PT, BPJS; "ADI SUSANTO" is a name in capitals
                    }
                    if (lower) {
                        break; // "a.n. budi Santoso": a name in lower case stays in lower case
                    }
                    if (count == 0 && kind == 0 && lists.region(t, p, e)) {
                        break; // "Ibu Bandung" is not a person
                    }
                } else if ((title || label) && kind != 0 && common == 0 && (count == 0 || lower)) {
                    lower = true; // "a.n. budi"
                } else {
                    break;
                }
                if (count == 0) {
                    firstKnown = kind != 0;
                }
                known |= kind != 0;
                next = e;
            }
            if (start < 0) {
                start = p;
            }
            end = Character.isLetter(t[next - 1]) ? next : next - 1;
            count++;
            p = spaces(t, next);
            if (p == next) {
                break;
            }
        }
        if (count == 0 || !hasLetterWord(t, start, end)) {
            return Optional.empty();
        }
        double confidence;
        String rule;
        if (title) {
            confidence = lower ? 0.75 : known ? 0.95 : 0.8;
            rule = "person.title";
        } else if (label) {
            confidence = lower ? 0.7 : known ? 0.9 : 0.7;
            rule = "person.label";
        } else {
            // "patient Yosef Wanimbo lives at", "pasien Kadek Sutarja datang": a verb of a person
            // after the words, or a known surname among them, says the role word names someone.
            confidence = firstKnown ? 0.85 : (known && count > 1) || personFollows(t, end) ? 0.7 : 0.5;
            rule = "person.role";
        }
        return Optional.of(new Match(EntityType.PERSON, start, end, confidence, rule));
    }

    /**
     * Two or three gazetteer names with nothing before them, the first a given name.
     *
     * @param t folded text
     * @param s where the first word starts
     * @param previousFlags the {@link NameWords} flags of the word before, if it is right before
     * @return the name
     */
    public Optional<Match> bare(char[] t, int s, int previousFlags) {
        if ((previousFlags & (NameWords.ORG | NameWords.STREET | NameWords.REGION)) != 0) {
            return Optional.empty();
        }
        int n = t.length;
        int e = wordEnd(t, s);
        if (!plainName(t, s, e, false) || (lists.name(t, s, e) & NameLists.GIVEN) == 0) {
            return Optional.empty();
        }
        boolean caps = allCaps(t, s, e);
        int end = e;
        int count = 1;
        int unknown = 0;
        while (count < 3 && end + 1 < n && t[end] == ' ') {
            int ws = end + 1;
            int we = wordEnd(t, ws);
            if (!plainName(t, ws, we, true) || allCaps(t, ws, we) != caps) {
                break;
            }
            long wordKey = WordKey.of(t, ws, we);
            if (wordKey != 0 && (words.lookup(wordKey) & NameWords.TRADE) != 0) {
                return Optional.empty(); // "Sari Roti", "Andi Offset": a business named after its owner
            }
            if (lists.name(t, ws, we) == 0) {
                unknown++;
            }
            end = we;
            count++;
        }
        if (count < 2) {
            return Optional.empty();
        }
        double confidence = 0.65;
        if (unknown > 0 && !(count == 2 && personFollows(t, end))) {
            // "Yosef Wanimbo": a known given name and one capitalised word the list lacks is a name,
            // unless the words are part of a longer run of capitals (a heading, an institution).
            if (unknown > 1 || capitalisedBefore(t, s) || capitalisedAfter(t, end)) {
                return Optional.empty();
            }
            confidence = 0.6;
        }
        // "Grace Kelly Hospital", "Harvey Milk Street": the words name a place.
        int after = spaces(t, end);
        if (after > end && after < n) {
            int ae = wordEnd(t, after);
            long key = WordKey.of(t, after, ae);
            if (capitalised(t, after, ae)
                    && key != 0
                    && (words.lookup(key) & (NameWords.ORG | NameWords.SUFFIX | NameWords.TRADE)) != 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(EntityType.PERSON, s, end, confidence, "person.names"));
    }

    /**
     * A whole value that is a person's name, from structure rather than words around it: a CSV cell
     * under a name column, a JSON or YAML value under a name key, a chat speaker, the line after a
     * sign-off. Every word of the value must be a capitalised (or all-capitals) name word or an
     * initial, none a common word, keyword or word announcing another value; particles
     * ({@code bin}, {@code van}) may sit between them.
     *
     * @param t folded text
     * @param s where the value starts (spaces and one quote are skipped)
     * @param e where it ends (spaces and one quote are dropped)
     * @param shape how much the value alone must show: {@link #ANY_WORDS} (the structure says it is a
     *     name), {@link #ONE_KNOWN} (a word of the gazetteer), {@link #GIVEN_FIRST} (a given name first)
     * @param confidence the confidence to report
     * @param rule the rule to report
     * @return the name, spanning the value's words
     */
    public Optional<Match> wholeValue(char[] t, int s, int e, int shape, double confidence, String rule) {
        int a = spaces(t, s);
        if (a < e && (t[a] == '"' || t[a] == '\'')) {
            a++;
        }
        int b = e;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r')) {
            b--;
        }
        if (b > a && (t[b - 1] == '"' || t[b - 1] == '\'')) {
            b--;
        }
        if (b - a < 2 || b - a > 64) {
            return Optional.empty();
        }
        int p = a;
        int count = 0;
        int known = 0;
        int end = a;
        boolean caps = allCaps(t, a, wordEnd(t, a));
        boolean allKnownRegions = true;
        while (p < b) {
            int we = wordEnd(t, p);
            if (we == p || we > b) {
                return Optional.empty();
            }
            int next = we;
            if (we - p == 1 && Character.isUpperCase(t[p]) && we < b && t[we] == '.') {
                next = we + 1; // an initial
            } else {
                long key = WordKey.of(t, p, we);
                int flags = key == 0 ? 0 : words.lookup(key);
                if ((flags & NameWords.PARTICLE) != 0 && count > 0 && !capitalised(t, p, we)) {
                    p = spaces(t, we);
                    if (p == we) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (!capitalised(t, p, we)
                        || (caps && !allCaps(t, p, we))
                        || flags != 0
                        || lists.common(t, p, we) == NameLists.COMMON
                        || (key != 0 && (valueWords.lookup(key) & VALUE_WORDS) != 0)) {
                    return Optional.empty();
                }
                int kind = lists.name(t, p, we);
                if (count == 0
                        && shape == GIVEN_FIRST
                        && ((kind & NameLists.GIVEN) == 0 || lists.common(t, p, we) != 0)) {
                    return Optional.empty();
                }
                if (kind != 0) {
                    known++;
                }
                allKnownRegions &= kind == 0 && lists.region(t, p, we);
            }
            count++;
            end = we;
            if (count > MAX_WORDS) {
                return Optional.empty();
            }
            p = spaces(t, next);
            if (p < b && p == next) {
                return Optional.empty(); // a digit, a comma, a bracket inside: not a name
            }
        }
        if (count == 0 || allKnownRegions || (shape != ANY_WORDS && known == 0)) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.PERSON, a, end, confidence, rule));
    }

    /**
     * Whether the word at {@code s} is a given name of the gazetteer and not a common word.
     *
     * @param t folded text
     * @param s where the word starts
     * @return true for {@code Budi}, false for {@code Savings}, {@code Grace}
     */
    public boolean givenFirst(char[] t, int s) {
        int e = wordEnd(t, s);
        return e > s && (lists.name(t, s, e) & NameLists.GIVEN) != 0 && lists.common(t, s, e) == 0;
    }

    /** For {@link #wholeValue}: the structure alone says the value is a name. */
    public static final int ANY_WORDS = 0;
    /** For {@link #wholeValue}: at least one word must be in the gazetteer. */
    public static final int ONE_KNOWN = 1;
    /** For {@link #wholeValue}: the first word must be a given name of the gazetteer. */
    public static final int GIVEN_FIRST = 2;

    /**
     * Where the colon of a form field's label is, when the label goes on after its first word
     * ({@code Nama Wajib Pajak :}, {@code Name (as shown on your return):}): within one line, after
     * only letters, spaces, brackets and the like.
     *
     * @return the colon's index, or -1
     */
    private static int fieldColon(char[] t, int p) {
        for (int i = p; i < t.length && i - p < 64; i++) {
            char c = t[i];
            if (c == ':') {
                return i > p ? i : -1;
            }
            if (!(Character.isLetter(c)
                    || c == ' '
                    || c == '\t'
                    || c == '('
                    || c == ')'
                    || c == ','
                    || c == '.'
                    || c == '-'
                    || c == '/'
                    || c == '"')) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether a capitalised word ends right before {@code s}, on the same line. */
    private static boolean capitalisedBefore(char[] t, int s) {
        int i = s - 1;
        while (i >= 0 && (t[i] == ' ' || t[i] == '\t')) {
            i--;
        }
        if (i < 0 || i == s - 1 || !Character.isLetter(t[i])) {
            return false;
        }
        while (i > 0 && Character.isLetter(t[i - 1])) {
            i--;
        }
        return Character.isUpperCase(t[i]);
    }

    /** Whether a capitalised word or a number follows right after {@code end}, on the same line. */
    private static boolean capitalisedAfter(char[] t, int end) {
        int i = spaces(t, end);
        return i > end && i < t.length && (Character.isUpperCase(t[i]) || Character.isDigit(t[i]));
    }

    /** Whether an all-capitals word follows the word ending at {@code e}. */
    private static boolean capitalsFollow(char[] t, int e) {
        int s = spaces(t, e);
        if (s == e) {
            return false;
        }
        int we = wordEnd(t, s);
        return we - s >= 2 && allCaps(t, s, we);
    }

    /** Whether a word that only a person does follows right after {@code end}. */
    private boolean personFollows(char[] t, int end) {
        if (end < t.length && t[end] == ':') {
            return true; // a speaker or a form field: "Jessica Rumondor: ..."
        }
        int p = end < t.length && t[end] == ',' ? end + 1 : end;
        int s = spaces(t, p);
        if (s == p) {
            return false;
        }
        int e = wordEnd(t, s);
        long key = WordKey.of(t, s, e);
        return key != 0 && !capitalised(t, s, e) && (words.lookup(key) & NameWords.PERSON_AFTER) != 0;
    }

    /**
     * A capitalised word that is not a common word, a region or a keyword; a common word that is
     * also a name ({@code Brown}) only after the first word, with {@code softAllowed}.
     */
    private boolean plainName(char[] t, int s, int e, boolean softAllowed) {
        int common = lists.common(t, s, e);
        if (e - s < 2
                || !capitalised(t, s, e)
                || (common != 0 && !(softAllowed && common == NameLists.SOFT))
                || lists.region(t, s, e)) {
            return false;
        }
        long key = WordKey.of(t, s, e);
        return key == 0 || (words.lookup(key) == 0 && (valueWords.lookup(key) & VALUE_WORDS) == 0);
    }

    private static boolean hasLetterWord(char[] t, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            if (Character.isLetter(t[i]) && Character.isLetter(t[i + 1])) {
                return true;
            }
        }
        return false;
    }
}
