package io.monago.atrium.guard.security.lexicon;

import java.util.List;

/**
 * One word of a lexicon phrase: exact ({@code ignore}), a stem ({@code instruct*}) or an ending
 * ({@code *abaikan}). An exact term also matches itself followed by one of its file's clitics
 * ({@code instruksi} matches {@code instruksimu} when the file declares {@code clitics = mu}).
 */
record Term(String text, Kind kind, List<String> clitics) {
    enum Kind { EXACT, PREFIX, SUFFIX }

    Term {
        clitics = List.copyOf(clitics);
    }

    static Term parse(String spec, List<String> clitics) {
        if (spec.length() > 1 && spec.endsWith("*")) {
            return new Term(spec.substring(0, spec.length() - 1), Kind.PREFIX, List.of());
        }
        if (spec.length() > 1 && spec.startsWith("*")) {
            return new Term(spec.substring(1), Kind.SUFFIX, List.of());
        }
        return new Term(spec, Kind.EXACT, clitics);
    }

    boolean matches(String word) {
        switch (kind) {
            case PREFIX: return word.startsWith(text);
            case SUFFIX: return word.endsWith(text);
            default:
                if (word.equals(text)) {
                    return true;
                }
                if (!clitics.isEmpty() && word.length() > text.length() && word.startsWith(text)) {
                    return clitics.contains(word.substring(text.length()));
                }
                return false;
        }
    }
}
