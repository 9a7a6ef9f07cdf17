package io.monago.atrium.guard.security.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Look-alike letters from other scripts (Cyrillic {@code о}, Greek {@code ο}, ...) and the Latin
 * letter they imitate, read from {@code confusables.txt} beside this class's resources. NFKC already
 * folds full-width and mathematical letters; this table covers what it leaves.
 */
public final class Confusables {
    private static final String RESOURCE = "/io/monago/atrium/guard/security/confusables.txt";

    private final Map<Integer, Character> toLatin;

    private Confusables(Map<Integer, Character> toLatin) {
        this.toLatin = Map.copyOf(toLatin);
    }

    /**
     * Loads the shipped table.
     *
     * @return the table
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static Confusables load() {
        try (InputStream in = Confusables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            Map<Integer, Character> map = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", -1);
                if (parts.length < 2 || parts[0].codePointCount(0, parts[0].length()) != 1 || parts[1].length() != 1) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + lineNo + ": expected '<look-alike> <latin letter>'");
                }
                map.put(parts[0].codePointAt(0), parts[1].charAt(0));
            }
            return new Confusables(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The Latin letter a character imitates.
     *
     * @param codePoint a character
     * @return the Latin letter, or {@code 0} when the character is not a known look-alike
     */
    public char latinFor(int codePoint) {
        Character latin = toLatin.get(codePoint);
        return latin == null ? 0 : latin;
    }
}
