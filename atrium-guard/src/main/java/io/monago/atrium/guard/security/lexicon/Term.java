package io.monago.atrium.guard.security.lexicon;

/** One word of a lexicon phrase: exact ({@code ignore}), a stem ({@code instruct*}) or an ending ({@code *abaikan}). */
record Term(String text, Kind kind) {
    enum Kind { EXACT, PREFIX, SUFFIX }

    static Term parse(String spec) {
        if (spec.length() > 1 && spec.endsWith("*")) {
            return new Term(spec.substring(0, spec.length() - 1), Kind.PREFIX);
        }
        if (spec.length() > 1 && spec.startsWith("*")) {
            return new Term(spec.substring(1), Kind.SUFFIX);
        }
        return new Term(spec, Kind.EXACT);
    }

    boolean matches(String word) {
        switch (kind) {
            case PREFIX: return word.startsWith(text);
            case SUFFIX: return word.endsWith(text);
            default: return word.equals(text);
        }
    }
}
