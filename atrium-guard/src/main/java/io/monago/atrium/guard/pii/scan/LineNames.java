package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.names.FieldKeys;
import io.monago.atrium.guard.pii.names.NameLists;
import io.monago.atrium.guard.pii.names.NameText;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.builtin.PersonRecognizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Names whose context is the structure of the text rather than a word before them, read line by
 * line after the main pass: a CSV or TSV cell under a name column ({@code nama_lengkap},
 * {@code full_name}, {@code customer}), a JSON value under a name key ({@code "nama_pasien":
 * "..."}), a YAML or form value ({@code name: ...}, {@code Nama Pasien : ...}), the speaker of a chat
 * line ({@code [10:02] Dewi: ...}), the line after a sign-off ({@code Regards,}, {@code Salam,}),
 * and, last, every other place in the text where a name found so is written again.
 *
 * <p>Each line is read once and each cell, key and value a bounded number of times, so the pass is
 * linear in the text.
 */
final class LineNames {
    /** How far a chat line's timestamp in brackets may reach. */
    private static final int MAX_STAMP = 40;
    /** How long a speaker, a key or a quoted value may be. */
    private static final int MAX_KEY = 48;

    private static final int MAX_VALUE = 80;
    private static final int MAX_THING_CELLS = 4096;
    private static final int MAX_REPEATED = 64;

    private static final Set<String> SIGN_OFFS = Set.of(
            "regards",
            "best regards",
            "kind regards",
            "warm regards",
            "warmest regards",
            "best wishes",
            "sincerely",
            "yours sincerely",
            "sincerely yours",
            "yours faithfully",
            "yours truly",
            "respectfully",
            "best",
            "cheers",
            "thanks",
            "thank you",
            "many thanks",
            "salam",
            "salam hangat",
            "hormat saya",
            "hormat kami",
            "wassalam",
            "terima kasih",
            "terimakasih",
            "matur nuwun",
            "salam sejahtera",
            "love");

    /** Roles written before a speaker's name in a chat ({@code CS Rina:}, {@code Admin Budi:}). */
    private static final Set<String> SPEAKER_ROLES = Set.of(
            "cs",
            "admin",
            "agent",
            "agen",
            "operator",
            "staf",
            "staff",
            "kasir",
            "petugas",
            "support",
            "dokter",
            "dr",
            "perawat",
            "nurse",
            "apoteker",
            "pharmacist",
            "host",
            "moderator");

    private final PersonRecognizer person;
    private final NameLists lists = NameLists.shared();
    private final char[] t;
    private final Consumer<Ranked> sink;
    private final List<int[]> generic = new ArrayList<>();
    private boolean personalKeys;
    private boolean thingKeys;
    /** Cells under a thing's {@code name} column ({@code sku,name,price}): no gazetteer guess stands there. */
    private final List<int[]> thingCells = new ArrayList<>();

    LineNames(PersonRecognizer person, char[] folded, Consumer<Ranked> sink) {
        this.person = person;
        this.t = folded;
        this.sink = sink;
    }

    /** Reads every line for names given by structure. */
    void run() {
        int n = t.length;
        Table table = null;
        int ls = 0;
        boolean afterSignOff = false;
        while (ls < n) {
            int le = ls;
            while (le < n && t[le] != '\n') {
                le++;
            }
            if (table != null && !row(table, ls, le)) {
                table = null;
            }
            if (table == null) {
                table = Table.header(t, ls, le);
            }
            if (table == null) {
                quotedPairs(ls, le);
                keyValue(ls, le);
                speaker(ls, le);
                if (afterSignOff) {
                    emit(person.wholeValue(t, ls, le, PersonRecognizer.ONE_KNOWN, 0.8, "person.signoff"));
                }
                // "Best regards,", a blank line, then the name: the sign-off waits over blank lines.
                afterSignOff = signOff(ls, le) || (afterSignOff && blank(ls, le));
            } else {
                afterSignOff = false;
            }
            ls = le + 1;
        }
        genericValues();
    }

    /**
     * Drops the names read from gazetteer words alone ({@code person.names}) inside a thing's
     * {@code name} column: the header says what the cell is ({@code Morgan Stanley} beside
     * {@code sector}, {@code Maria Cookies} beside {@code sku}).
     *
     * @param found what the scan found so far; changed in place
     */
    void dropGuessesInThingColumns(List<Ranked> found) {
        if (thingCells.isEmpty()) {
            return;
        }
        found.removeIf(r -> r.match().type() == EntityType.PERSON
                && "person.names".equals(r.match().rule())
                && inThingCell(r.match().start(), r.match().end()));
    }

    private boolean inThingCell(int start, int end) {
        int lo = 0;
        int hi = thingCells.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] cell = thingCells.get(mid);
            if (end <= cell[0]) {
                hi = mid - 1;
            } else if (start >= cell[1]) {
                lo = mid + 1;
            } else {
                return start >= cell[0] && end <= cell[1];
            }
        }
        return false;
    }

    /**
     * Finds the other places a name already found is written ({@code Dear Mrs Pemberton} ...
     * {@code Pemberton}; a chat speaker on every line): the text itself says it is a name. Only
     * names found with more than the weakest acted-on confidence seed this, so a guess is not
     * multiplied.
     *
     * @param found what the scan found so far
     */
    void repeats(List<Ranked> found) {
        Map<String, List<String>> byFirst = new HashMap<>();
        int names = 0;
        for (Ranked r : found) {
            Match m = r.match();
            if (m.type() != EntityType.PERSON || m.confidence() <= 0.6 || names >= MAX_REPEATED) {
                continue;
            }
            if (!NameText.capitalised(t, m.start(), m.end())) {
                continue;
            }
            String name = new String(t, m.start(), m.end() - m.start());
            int firstEnd = NameText.wordEnd(t, m.start());
            String first = new String(t, m.start(), firstEnd - m.start());
            List<String> list = byFirst.computeIfAbsent(first, k -> new ArrayList<>());
            if (!list.contains(name)) {
                list.add(name);
                names++;
            }
            if (firstEnd < m.end()
                    && firstEnd - m.start() >= 3
                    && (lists.name(t, m.start(), firstEnd) & NameLists.GIVEN) != 0
                    && lists.common(t, m.start(), firstEnd) == 0
                    && !list.contains(first)) {
                list.add(first); // "Tomasz Wisniewski", later "Tomasz"
            }
        }
        if (byFirst.isEmpty()) {
            return;
        }
        // Only words as long as a name's first word are looked up: most capitalised words cost no lookup.
        boolean[] firstLengths = new boolean[MAX_KEY + 1];
        for (String first : byFirst.keySet()) {
            if (first.length() <= MAX_KEY) {
                firstLengths[first.length()] = true;
            }
        }
        // Where something was found already: a repeat never replaces a finding (its span and rule stand).
        int[][] taken = new int[found.size()][];
        for (int k = 0; k < taken.length; k++) {
            taken[k] = new int[] {
                found.get(k).match().start(), found.get(k).match().end()
            };
        }
        Arrays.sort(taken, Comparator.comparingInt((int[] a) -> a[0]));
        int next = 0;
        int coveredTo = -1;
        int n = t.length;
        int i = 0;
        while (i < n) {
            char ch = t[i];
            if (ch < 'A' || (ch > 'Z' && ch < 128)) {
                i++; // most characters: not a capital, so no name starts here
                continue;
            }
            while (next < taken.length && taken[next][0] <= i) {
                coveredTo = Math.max(coveredTo, taken[next][1]);
                next++;
            }
            if (i < coveredTo) {
                i = coveredTo;
                continue;
            }
            if (!Character.isUpperCase(t[i]) || (i > 0 && Character.isLetterOrDigit(t[i - 1]))) {
                i++;
                continue;
            }
            int we = NameText.wordEnd(t, i);
            if (we == i) {
                i++;
                continue;
            }
            List<String> candidates =
                    we - i < firstLengths.length && firstLengths[we - i] ? byFirst.get(new String(t, i, we - i)) : null;
            int best = -1;
            if (candidates != null) {
                for (String c : candidates) {
                    int end = i + c.length();
                    if (end <= n
                            && end > best
                            && (end == n || !Character.isLetterOrDigit(t[end]))
                            && new String(t, i, c.length()).equals(c)) {
                        best = end;
                    }
                }
            }
            if (best > 0 && next < taken.length && taken[next][0] < best) {
                best = -1; // a finding starts inside: leave it
            }
            if (best > 0) {
                sink.accept(new Ranked(new Match(EntityType.PERSON, i, best, 0.7, "person.repeat"), Context.NONE));
                i = best;
            } else {
                i = we;
            }
        }
    }

    /**
     * Reads a row of a table: the cells under its name columns.
     *
     * @return false when the line is not a row of the table (a different number of fields)
     */
    private boolean row(Table table, int ls, int le) {
        List<int[]> fields = TableCells.split(t, ls, le, table.separator);
        if (fields.size() != table.kinds.length) {
            return false;
        }
        for (int i = 0; i < table.kinds.length; i++) {
            int kind = table.kinds[i];
            if (table.thingNames[i] && thingCells.size() < MAX_THING_CELLS) {
                thingCells.add(fields.get(i));
            }
            if (kind != FieldKeys.NONE) {
                int[] f = fields.get(i);
                int shape = kind == FieldKeys.PERSON ? PersonRecognizer.ANY_WORDS : PersonRecognizer.ONE_KNOWN;
                emit(person.wholeValue(t, f[0], f[1], shape, kind == FieldKeys.PERSON ? 0.85 : 0.75, "person.column"));
            }
        }
        return true;
    }

    /** {@code "full_name": "Budi Santoso"}: every quoted key and quoted value on the line. */
    private void quotedPairs(int ls, int le) {
        int j = ls;
        while (j < le) {
            if (t[j] != '"') {
                j++;
                continue;
            }
            int k = close(j + 1, le, MAX_KEY);
            if (k < 0) {
                return;
            }
            int c = NameText.spaces(t, k + 1);
            if (c >= le || t[c] != ':') {
                j = k + 1;
                continue;
            }
            int v = NameText.spaces(t, c + 1);
            if (v >= le || t[v] != '"') {
                String key = new String(t, j + 1, k - j - 1);
                personalKeys |= FieldKeys.personalData(key); // "email_verified": true
                thingKeys |= FieldKeys.thingData(key); // "price": 45000
                j = v;
                continue;
            }
            int m = close(v + 1, le, MAX_VALUE);
            if (m < 0) {
                return;
            }
            value(j + 1, k, v + 1, m, "person.field");
            j = m + 1;
        }
    }

    /** {@code name: Budi Santoso} (YAML), {@code Nama Pasien : Budi} (a form): a key opening the line. */
    private void keyValue(int ls, int le) {
        int p = NameText.spaces(t, ls);
        if (p + 1 < le && t[p] == '-' && t[p + 1] == ' ') {
            p = NameText.spaces(t, p + 1);
        }
        int k = p;
        while (k < le && k - p <= MAX_KEY && (Character.isLetter(t[k]) || t[k] == '_' || t[k] == ' ' || t[k] == '-')) {
            k++;
        }
        if (k == p || k >= le || t[k] != ':' || !Character.isLetter(t[p])) {
            return;
        }
        int v = k + 1;
        if (v < le && t[v] != ' ' && t[v] != '\t') {
            return;
        }
        int keyEnd = k;
        while (keyEnd > p && t[keyEnd - 1] == ' ') {
            keyEnd--;
        }
        value(p, keyEnd, v, le, "person.field");
    }

    private void value(int ks, int ke, int vs, int ve, String rule) {
        String key = new String(t, ks, ke - ks);
        personalKeys |= FieldKeys.personalData(key);
        thingKeys |= FieldKeys.thingData(key);
        int kind = FieldKeys.of(key);
        if (kind == FieldKeys.PERSON) {
            emit(person.wholeValue(t, vs, ve, PersonRecognizer.ANY_WORDS, 0.85, rule));
        } else if (kind == FieldKeys.GENERIC && generic.size() < MAX_REPEATED) {
            generic.add(new int[] {vs, ve}); // decided at the end: is this a person's record?
        }
    }

    /**
     * The values under a bare {@code name} key: a person's name in a record that also holds a
     * person's other data ({@code "email"}, {@code nik:}), otherwise only with a gazetteer name.
     */
    private void genericValues() {
        if (!personalKeys && thingKeys) {
            return; // a catalogue's or a company list's names: "sku", "price", "sector" and no person's data
        }
        for (int[] v : generic) {
            emit(person.wholeValue(
                    t,
                    v[0],
                    v[1],
                    personalKeys ? PersonRecognizer.ANY_WORDS : PersonRecognizer.ONE_KNOWN,
                    personalKeys ? 0.8 : 0.75,
                    "person.field"));
        }
    }

    /**
     * A chat line's speaker: {@code [10:02] Dewi: ...}, {@code 12/07/26 09.14 - Dewi: ...} (any
     * capitalised name after a timestamp), or {@code Dewi Anggraeni: ...} without one (a given name
     * first).
     */
    private void speaker(int ls, int le) {
        int p = NameText.spaces(t, ls);
        boolean stamp = false;
        if (p < le && t[p] == '[') {
            int c = p + 1;
            while (c < le && c - p < MAX_STAMP && t[c] != ']') {
                c++;
            }
            if (c >= le || t[c] != ']' || !hasDigit(p, c)) {
                return;
            }
            stamp = true;
            p = NameText.spaces(t, c + 1);
        } else if (p < le && Character.isDigit(t[p])) {
            int c = p;
            while (c < le && c - p < MAX_STAMP && (Character.isDigit(t[c]) || ",./:- APMapm".indexOf(t[c]) >= 0)) {
                if (t[c] == '-' && c > p && t[c - 1] == ' ' && c + 1 < le && t[c + 1] == ' ') {
                    stamp = true;
                    break;
                }
                c++;
            }
            if (!stamp) {
                return;
            }
            p = NameText.spaces(t, c + 1);
        }
        int roleEnd = NameText.wordEnd(t, p);
        if (roleEnd > p
                && NameText.spaces(t, roleEnd) > roleEnd
                && SPEAKER_ROLES.contains(new String(t, p, roleEnd - p).toLowerCase(Locale.ROOT))) {
            p = NameText.spaces(t, roleEnd); // "CS Rina:", "Admin Budi:": the role, then the name
        }
        int colon = p;
        while (colon < le && colon - p <= MAX_KEY && t[colon] != ':') {
            colon++;
        }
        if (colon >= le || t[colon] != ':' || colon == p || (colon + 1 < le && t[colon + 1] != ' ')) {
            return;
        }
        emit(person.wholeValue(
                t, p, colon, stamp ? PersonRecognizer.ANY_WORDS : PersonRecognizer.GIVEN_FIRST, 0.8, "person.speaker"));
    }

    /** Whether the line is a sign-off ({@code Regards,}); a name on the same line after it is read here. */
    private boolean signOff(int ls, int le) {
        int p = NameText.spaces(t, ls);
        int e = le;
        while (e > p && (t[e - 1] == ' ' || t[e - 1] == '\r' || t[e - 1] == '\t')) {
            e--;
        }
        if (e - p < 4 || e - p > 64) {
            return false;
        }
        int comma = p;
        while (comma < e && t[comma] != ',' && t[comma] != '!') {
            comma++;
        }
        String phrase = new String(t, p, comma - p).trim().toLowerCase(Locale.ROOT);
        if (!SIGN_OFFS.contains(phrase)) {
            return false;
        }
        if (comma + 1 < e) {
            emit(person.wholeValue(t, comma + 1, e, PersonRecognizer.ONE_KNOWN, 0.8, "person.signoff"));
            return false; // "Salam, Dewi Anggraeni"
        }
        return true;
    }

    private boolean blank(int ls, int le) {
        for (int i = ls; i < le; i++) {
            if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean hasDigit(int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isDigit(t[i])) {
                return true;
            }
        }
        return false;
    }

    /** The index of the closing quote after {@code s} on the line, within {@code max}, or -1. */
    private int close(int s, int le, int max) {
        for (int i = s; i < le && i - s <= max; i++) {
            if (t[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private void emit(Optional<Match> m) {
        m.ifPresent(match -> sink.accept(new Ranked(match, Context.NONE)));
    }

    /**
     * A CSV, TSV or pipe table whose header has a name column, and its rows while they keep the
     * header's number of fields.
     */
    private static final class Table {
        private final char separator;
        private final int[] kinds;
        private final boolean[] thingNames;

        private Table(char separator, int[] kinds, boolean[] thingNames) {
            this.separator = separator;
            this.kinds = kinds;
            this.thingNames = thingNames;
        }

        static Table header(char[] t, int ls, int le) {
            if (le - ls > TableCells.MAX_HEADER || !TableCells.keyLike(t, ls, le)) {
                return null; // a header is a short line of keys
            }
            char separator = TableCells.separator(t, ls, le);
            if (separator == 0) {
                return null;
            }
            List<int[]> fields = TableCells.split(t, ls, le, separator);
            int[] kinds = new int[fields.size()];
            boolean any = false;
            boolean personal = false; // "id,nama,nik,telepon": a table of people, "nama" is a person's
            boolean things = false; // "sku,name,price": a catalogue, "name" is a product's
            for (int i = 0; i < kinds.length; i++) {
                int[] f = fields.get(i);
                int s = f[0];
                int e = f[1];
                if (!TableCells.key(t, s, e)) {
                    return null;
                }
                if (e == s) {
                    continue; // "| a | b |": the empty fields outside the pipes
                }
                String key = new String(t, s, e - s);
                kinds[i] = FieldKeys.of(key);
                any |= kinds[i] != FieldKeys.NONE;
                personal |= FieldKeys.personalData(key);
                things |= FieldKeys.thingData(key);
            }
            boolean[] thingNames = new boolean[kinds.length];
            if (personal || things) {
                for (int i = 0; i < kinds.length; i++) {
                    if (kinds[i] == FieldKeys.GENERIC) {
                        kinds[i] = personal ? FieldKeys.PERSON : FieldKeys.NONE;
                        thingNames[i] = !personal;
                    }
                }
            }
            return any ? new Table(separator, kinds, thingNames) : null;
        }
    }
}
