package io.monago.atrium.guard.pii.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The word lists behind person names and addresses, read once from this package's resources (see
 * {@code NOTICE.md} beside them for sources and licences): given names and surnames, the names of
 * Indonesia's provinces, regencies and cities, and common words that are also names.
 *
 * <pre>{@code
 * NameLists lists = NameLists.shared();
 * boolean given = (lists.name(text, s, e) & NameLists.GIVEN) != 0;
 * }</pre>
 */
public final class NameLists {
    /** The word is a given name. */
    public static final int GIVEN = 1;
    /** The word is a surname (or, for Indonesian names, used in last position). */
    public static final int SURNAME = 2;
    /** The word is too common to be a name on its own: a function word, a month, an institution. */
    public static final int COMMON = 1;
    /** The word is a common word that is also a name ({@code Rose}, {@code Indah}): a name after a title only. */
    public static final int SOFT = 2;

    private static final NameLists SHARED = load();

    private final TokenSet names;
    private final TokenSet regions;
    private final TokenSet common;

    private NameLists(TokenSet names, TokenSet regions, TokenSet common) {
        this.names = names;
        this.regions = regions;
        this.common = common;
    }

    /** {@return the lists shipped with the guard} */
    public static NameLists shared() {
        return SHARED;
    }

    /**
     * Whether a word is a given name or surname.
     *
     * @param t folded text
     * @param start first index of the word
     * @param end index after its last letter
     * @return {@link #GIVEN} and/or {@link #SURNAME} bits, 0 when neither
     */
    public int name(char[] t, int start, int end) {
        return names.get(t, start, end);
    }

    /**
     * Whether a word is (part of) the name of an Indonesian province, regency or city.
     *
     * @param t folded text
     * @param start first index of the word
     * @param end index after its last letter
     * @return true for {@code Bandung}, {@code Sleman}, {@code Jawa}
     */
    public boolean region(char[] t, int start, int end) {
        return regions.get(t, start, end) != 0;
    }

    /**
     * How common a word is.
     *
     * @param t folded text
     * @param start first index of the word
     * @param end index after its last letter
     * @return {@link #COMMON}, {@link #SOFT}, or 0 for a word of neither list
     */
    public int common(char[] t, int start, int end) {
        return common.get(t, start, end);
    }

    private static NameLists load() {
        Map<String, Byte> names = new HashMap<>();
        for (String line : lines("names.txt")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                char kind = line.charAt(tab + 1);
                byte v = (byte) (kind == 'g' ? GIVEN : kind == 's' ? SURNAME : GIVEN | SURNAME);
                names.put(line.substring(0, tab), v);
            }
        }
        Map<String, Byte> regions = new HashMap<>();
        for (String line : lines("regions.txt")) {
            for (String part : line.split(" ", -1)) {
                regions.put(part, (byte) 1);
            }
        }
        Map<String, Byte> common = new HashMap<>();
        byte level = COMMON;
        for (String line : lines("common-words.txt")) {
            if (line.startsWith("#")) {
                level = line.startsWith("# soft") ? (byte) SOFT : level;
                continue;
            }
            for (String w : line.trim().split("\\s+", -1)) {
                if (!w.isEmpty()) {
                    common.put(w.toLowerCase(Locale.ROOT), level);
                }
            }
        }
        return new NameLists(TokenSet.of(names), TokenSet.of(regions), TokenSet.of(common));
    }

    private static Iterable<String> lines(String resource) {
        try (InputStream in = NameLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing guard resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guard resource " + resource, e);
        }
    }
}
