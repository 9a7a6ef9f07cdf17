package io.monago.atrium.guard.security.text;

/**
 * What normalisation had to undo in one text. Counts of "keywords" refer to words of the lexicon
 * vocabulary (attack vocabulary such as {@code ignore}, {@code instruksi}, {@code system}) that were
 * disguised; a disguised keyword is a much stronger signal than the disguise alone.
 *
 * @param zeroWidth zero-width characters removed (ZWSP, ZWJ, ZWNJ, word joiner, BOM, soft hyphen)
 * @param zeroWidthInWords of those, how many sat between two letters
 * @param bidiMarks directional marks removed (LRM, RLM, ALM): common in right-to-left text
 * @param bidiControls bidi embeddings, overrides and isolates removed (rare outside attacks)
 * @param tagCharacters Unicode tag characters (U+E0000 block) removed, emoji flag sequences excepted
 * @param tagPayload the ASCII text spelled by those tag characters
 * @param invisibleKeywords keywords that had invisible characters inside them
 * @param homoglyphWords words with look-alike letters from another script folded to Latin
 * @param homoglyphKeywords of those, how many became keywords
 * @param leetKeywords keywords spelled with digits or symbols ({@code 1gn0r3})
 * @param spacedKeywords keywords spelled with separated letters ({@code i g n o r e})
 */
public record Obfuscation(
        int zeroWidth,
        int zeroWidthInWords,
        int bidiMarks,
        int bidiControls,
        int tagCharacters,
        String tagPayload,
        int invisibleKeywords,
        int homoglyphWords,
        int homoglyphKeywords,
        int leetKeywords,
        int spacedKeywords) {

    /**
     * Whether a keyword was disguised in any way.
     *
     * @return true when at least one keyword count is positive
     */
    public boolean disguisedKeyword() {
        return invisibleKeywords + homoglyphKeywords + leetKeywords + spacedKeywords > 0;
    }
}
