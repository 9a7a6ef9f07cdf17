package io.monago.atrium.guard.security.lexicon;

/**
 * One word of a lexicon phrase: exact ({@code ignore}), a stem ({@code instruct*}) or an ending
 * ({@code *abaikan}). An exact term also matches itself followed by one of its file's clitics
 * ({@code instruksi} matches {@code instruksimu} when the file declares {@code clitics = mu}).
 *
 * @param text the folded term, without its {@code *}
 * @param kind exact, stem or ending
 * @param id for an exact term, its index in the lexicon's term table (what words are matched by);
 *     -1 otherwise
 * @param cliticMask the clitics an exact term may carry, one bit per index of the lexicon's clitic list
 * @param key for a stem (an ending) of three letters or more, the id of its first (last) three
 *     letters among the lexicon's stem keys (ending keys), by which words find it; -1 otherwise
 */
record Term(String text, Kind kind, int id, int cliticMask, int key) {
    /** Stems and endings are found by this many letters. */
    static final int KEY_LENGTH = 3;

    enum Kind {
        EXACT,
        PREFIX,
        SUFFIX
    }

    /** Whether the word at {@code index} of a text matches. */
    boolean matches(TermSequence words, int index) {
        return switch (kind) {
            case PREFIX -> words.text().wordStartsWith(index, text);
            case SUFFIX -> words.text().wordEndsWith(index, text);
            default ->
                words.term(index) == id
                        || (cliticMask != 0
                                && words.withoutClitic(index) == id
                                && ((cliticMask >>> words.clitic(index)) & 1) != 0);
        };
    }
}
