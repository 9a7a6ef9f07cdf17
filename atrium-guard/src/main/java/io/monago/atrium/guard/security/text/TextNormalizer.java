package io.monago.atrium.guard.security.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Undoes the disguises attackers put on text, so that obfuscation raises suspicion rather than
 * hiding an attack: removes invisible characters (counting them), applies NFKC-style compatibility
 * folding and strips diacritics, lower-cases, folds look-alike letters of other scripts
 * ({@link Confusables}), leetspeak ({@code 1gn0r3}) and spaced-out letters ({@code i g n o r e},
 * {@code i.g.n.o.r.e}).
 *
 * <p>Folding of homoglyphs, leetspeak and spacing is only kept where it turns a token into a word of
 * the attack vocabulary (or the token mixes scripts), so ordinary tokens such as {@code covid19} or
 * {@code b2b} stay as they were. Immutable and thread-safe.
 *
 * <pre>{@code
 * TextNormalizer normalizer = new TextNormalizer(lexicon.vocabulary(), Confusables.load());
 * normalizer.normalize("1gn0r3 prev\u200Bious rules").words(); // [ignore, previous, rules]
 * }</pre>
 */
public final class TextNormalizer {
    /** Longer tokens are never folded letter by letter (base64 blobs, URLs): bounded work. */
    private static final int MAX_FOLDED_TOKEN = 64;
    /** Spaced-out letters need at least this many letters in a row to be joined. */
    private static final int MIN_SPACED_LETTERS = 4;
    private static final int TAG_BASE = 0xE0000;
    private static final int BLACK_FLAG = 0x1F3F4;

    private final Vocabulary vocabulary;
    private final Confusables confusables;

    /**
     * Creates a normaliser.
     *
     * @param vocabulary the attack vocabulary; disguises are undone towards it
     * @param confusables the homoglyph table
     */
    public TextNormalizer(Vocabulary vocabulary, Confusables confusables) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.confusables = Objects.requireNonNull(confusables, "confusables");
    }

    /**
     * Normalises one text.
     *
     * @param raw the text as received
     * @return its normalised form
     */
    public NormalizedText normalize(String raw) {
        Pass pass = new Pass(raw.length() / 6 + 4);
        int length = raw.length();
        StringBuilder token = new StringBuilder();
        boolean tokenHadInvisible = false;
        int gap = 0;
        boolean gapHasNewline = false;
        int previousCodePoint = 0;
        for (int i = 0; i < length; ) {
            int cp = raw.codePointAt(i);
            int width = Character.charCount(cp);
            int kind = invisibleKind(cp);
            if (kind == TAG) {
                // Emoji subdivision flags (black flag + tag letters) are the one legitimate use.
                if (!pass.inFlagSequence) {
                    pass.tagCharacters++;
                    int ascii = cp - TAG_BASE;
                    if (ascii >= 0x20 && ascii < 0x7F) {
                        pass.tagPayload.append((char) ascii);
                    }
                }
            } else if (kind == ZERO_WIDTH) {
                pass.zeroWidth++;
                int next = i + width < length ? raw.codePointAt(i + width) : 0;
                if (Character.isLetter(previousCodePoint) && Character.isLetter(next)) {
                    pass.zeroWidthInWords++;
                    tokenHadInvisible = true;
                }
            } else if (kind == BIDI_MARK) {
                pass.bidiMarks++;
            } else if (kind == BIDI_CONTROL) {
                pass.bidiControls++;
                tokenHadInvisible = true;
            } else if (kind == VARIATION_SELECTOR) {
                // Emoji presentation selectors are everywhere; dropping them is all that is needed.
                cp = previousCodePoint;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (token.length() > 0) {
                    pass.addToken(token.toString(), tokenHadInvisible, gap, gapHasNewline);
                    token.setLength(0);
                    tokenHadInvisible = false;
                    gap = 0;
                    gapHasNewline = false;
                }
                gap++;
                gapHasNewline |= cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
                pass.inFlagSequence = false;
            } else {
                token.appendCodePoint(cp);
                pass.inFlagSequence = cp == BLACK_FLAG;
            }
            previousCodePoint = cp;
            i += width;
        }
        if (token.length() > 0) {
            pass.addToken(token.toString(), tokenHadInvisible, gap, gapHasNewline);
        }
        return pass.finish();
    }

    private static final int VISIBLE = 0;
    private static final int ZERO_WIDTH = 1;
    private static final int BIDI_MARK = 2;
    private static final int BIDI_CONTROL = 3;
    private static final int TAG = 4;
    private static final int VARIATION_SELECTOR = 5;

    private static int invisibleKind(int cp) {
        if (cp < 0xAD) {
            return VISIBLE;
        }
        switch (cp) {
            case 0x00AD: case 0x034F: case 0x180E: case 0x200B: case 0x200C: case 0x200D:
            case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064: case 0xFEFF:
            case 0x115F: case 0x1160: case 0x3164: case 0xFFA0:
                return ZERO_WIDTH;
            case 0x200E: case 0x200F: case 0x061C:
                return BIDI_MARK;
            default:
                break;
        }
        if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) {
            return BIDI_CONTROL;
        }
        if (cp >= TAG_BASE && cp <= TAG_BASE + 0x7F) {
            return TAG;
        }
        if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
            return VARIATION_SELECTOR;
        }
        return VISIBLE;
    }

    /** One token after folding, with the whitespace that preceded it. */
    private record Folded(String text, int gap, boolean newline) {
    }

    /** The mutable state of one {@link #normalize} call. */
    private final class Pass {
        Pass(int expectedTokens) {
            tokens = new ArrayList<>(expectedTokens);
        }

        final List<Folded> tokens;
        final StringBuilder tagPayload = new StringBuilder();
        boolean inFlagSequence;
        int zeroWidth;
        int zeroWidthInWords;
        int bidiMarks;
        int bidiControls;
        int tagCharacters;
        int invisibleKeywords;
        int homoglyphWords;
        int homoglyphKeywords;
        int leetKeywords;
        int spacedKeywords;

        void addToken(String raw, boolean hadInvisible, int gap, boolean newline) {
            String text = foldCompatibility(raw);
            if (isPlainWord(text)) {
                // Lower-case letters with at most edge punctuation: nothing to unfold (the common case).
                if (hadInvisible && isKeyword(text)) {
                    invisibleKeywords++;
                }
            } else if (text.length() <= MAX_FOLDED_TOKEN) {
                text = foldHomoglyphs(text);
                text = foldLeet(text);
                text = joinSeparatedLetters(text);
                if (hadInvisible && isKeyword(text)) {
                    invisibleKeywords++;
                }
            }
            tokens.add(new Folded(text, gap, newline));
        }

        private String foldHomoglyphs(String token) {
            if (isAscii(token)) {
                return token; // look-alikes all live outside ASCII
            }
            boolean latin = false;
            boolean lookAlike = false;
            StringBuilder mapped = null;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                char latinChar = c < 0x80 ? 0 : confusables.latinFor(c);
                if (latinChar != 0) {
                    lookAlike = true;
                    if (mapped == null) {
                        mapped = new StringBuilder(token.substring(0, i));
                    }
                    mapped.append(latinChar);
                } else {
                    latin |= c >= 'a' && c <= 'z';
                    if (mapped != null) {
                        mapped.append(c);
                    }
                }
            }
            if (!lookAlike) {
                return token;
            }
            String folded = mapped.toString();
            boolean keyword = isKeyword(folded);
            if (!latin && !keyword) {
                return token; // a word of another script, not a disguise
            }
            homoglyphWords++;
            if (keyword) {
                homoglyphKeywords++;
            }
            return folded;
        }

        private String foldLeet(String token) {
            boolean letter = false;
            boolean leet = false;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                letter |= c >= 'a' && c <= 'z';
                leet |= leetLetter(c) != 0;
            }
            if (!letter || !leet || isKeyword(token)) {
                return token;
            }
            StringBuilder mapped = new StringBuilder(token.length());
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                char l = leetLetter(c);
                // A trailing '!' or '$' is punctuation more often than a letter.
                boolean trailing = i == token.length() - 1 && (c == '!' || c == '$');
                mapped.append(l != 0 && !trailing ? l : c);
            }
            String folded = mapped.toString();
            if (isKeyword(folded)) {
                leetKeywords++;
                return folded;
            }
            return token;
        }

        /** {@code i.g.n.o.r.e} or {@code i-g-n-o-r-e} inside one token. */
        private String joinSeparatedLetters(String token) {
            int n = token.length();
            if (n < 2 * MIN_SPACED_LETTERS - 1) {
                return token;
            }
            int start = Character.isLetter(token.charAt(0)) ? 0 : 1;
            int end = Character.isLetter(token.charAt(n - 1)) ? n : n - 1;
            if ((end - start) % 2 == 0) {
                return token;
            }
            char separator = token.charAt(start + 1);
            if (Character.isLetterOrDigit(separator)) {
                return token;
            }
            StringBuilder joined = new StringBuilder();
            for (int i = start; i < end; i += 2) {
                char c = token.charAt(i);
                if (!Character.isLetter(c) || i + 1 < end && token.charAt(i + 1) != separator) {
                    return token;
                }
                joined.append(c);
            }
            if (joined.length() < MIN_SPACED_LETTERS) {
                return token;
            }
            String word = joined.toString();
            if (isKeyword(word)) {
                spacedKeywords++;
            }
            return word;
        }

        NormalizedText finish() {
            List<Folded> joined = joinSpacedRuns(tokens);
            StringBuilder folded = new StringBuilder();
            List<String> words = new ArrayList<>(joined.size() + 8);
            for (Folded token : joined) {
                if (folded.length() > 0) {
                    folded.append(token.newline() ? '\n' : ' ');
                }
                folded.append(token.text());
                splitWords(token.text(), words);
            }
            Obfuscation obfuscation = new Obfuscation(zeroWidth, zeroWidthInWords, bidiMarks, bidiControls,
                    tagCharacters, tagPayload.toString(), invisibleKeywords, homoglyphWords, homoglyphKeywords,
                    leetKeywords, spacedKeywords);
            return new NormalizedText(folded.toString(), words.toArray(new String[0]), obfuscation);
        }

        /**
         * Joins runs of single letters separated by single spaces ({@code i g n o r e}); a wider gap
         * separates words inside the run ({@code i g n o r e   a l l}). A run written with single
         * spaces throughout is split back into vocabulary words where it can be.
         */
        private List<Folded> joinSpacedRuns(List<Folded> in) {
            List<Folded> out = new ArrayList<>(in.size());
            int i = 0;
            while (i < in.size()) {
                int j = i;
                while (j < in.size() && isSingleLetter(in.get(j).text()) && (j == i || !in.get(j).newline())) {
                    j++;
                }
                if (j - i < MIN_SPACED_LETTERS) {
                    out.add(in.get(i));
                    i++;
                    continue;
                }
                StringBuilder word = new StringBuilder();
                Folded first = in.get(i);
                boolean firstWord = true;
                for (int k = i; k < j; k++) {
                    Folded letter = in.get(k);
                    if (k > i && letter.gap() > 1) {
                        emitSpacedWord(word.toString(), firstWord ? first : null, out);
                        firstWord = false;
                        word.setLength(0);
                    }
                    word.append(letter.text());
                }
                emitSpacedWord(word.toString(), firstWord ? first : null, out);
                i = j;
            }
            return out;
        }

        private void emitSpacedWord(String word, Folded first, List<Folded> out) {
            int gap = first == null ? 1 : first.gap();
            boolean newline = first != null && first.newline();
            List<String> parts = isKeyword(word) || word.length() < 8 ? List.of(word) : segment(word);
            for (String part : parts) {
                if (part.length() >= MIN_SPACED_LETTERS && isKeyword(part)) {
                    spacedKeywords++;
                }
                out.add(new Folded(part, gap, newline));
                gap = 1;
                newline = false;
            }
        }

        /** Splits a glued string into vocabulary words, or returns it whole when it cannot. */
        private List<String> segment(String glued) {
            int n = glued.length();
            int[] from = new int[n + 1];
            java.util.Arrays.fill(from, -1);
            from[0] = 0;
            for (int end = 1; end <= n; end++) {
                for (int start = Math.max(0, end - 24); start < end; start++) {
                    if (from[start] >= 0 && (start > 0 || end > 0) && vocabulary.contains(glued.substring(start, end))) {
                        from[end] = start;
                        break;
                    }
                }
            }
            if (from[n] < 0) {
                return List.of(glued);
            }
            List<String> parts = new ArrayList<>();
            for (int end = n; end > 0; end = from[end]) {
                parts.add(0, glued.substring(from[end], end));
            }
            return parts;
        }
    }

    private boolean isKeyword(String token) {
        TokenCore core = TokenCore.of(token);
        return core.end() - core.start() >= 3 && vocabulary.contains(core.text());
    }

    private static boolean isAscii(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** ASCII lower-case letters, optionally closed by one punctuation mark: no disguise possible. */
    private static boolean isPlainWord(String token) {
        int length = token.length();
        if (length == 0) {
            return false;
        }
        int last = length - 1;
        char end = token.charAt(last);
        int letters = end >= 'a' && end <= 'z' ? length : last;
        for (int i = 0; i < letters; i++) {
            char c = token.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return letters > 0 && (letters == length || ".,;:?)\"".indexOf(end) >= 0);
    }

    private static boolean isSingleLetter(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0));
    }

    private static char leetLetter(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            case '8': return 'b';
            case '9': return 'g';
            case '@': return 'a';
            case '$': return 's';
            case '!': return 'i';
            case '|': return 'l';
            case '+': return 't';
            default: return 0;
        }
    }

    /**
     * NFKC-style compatibility folding, lower case, diacritics and apostrophes removed: what every
     * token goes through, and what lexicon terms go through when they are loaded.
     *
     * @param raw a token or term
     * @return its folded form
     */
    public static String foldCompatibility(String raw) {
        boolean ascii = true;
        for (int i = 0; i < raw.length() && ascii; i++) {
            ascii = raw.charAt(i) < 0x80;
        }
        String text = raw;
        if (!ascii) {
            String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
            StringBuilder stripped = new StringBuilder(decomposed.length());
            for (int i = 0; i < decomposed.length(); i++) {
                char c = decomposed.charAt(i);
                if (Character.getType(c) != Character.NON_SPACING_MARK && c != '\u2019' && c != '\u2018') {
                    stripped.append(c);
                }
            }
            text = stripped.toString();
        }
        text = text.toLowerCase(Locale.ROOT);
        return text.indexOf('\'') < 0 ? text : text.replace("'", "");
    }

    /** Appends the runs of letters and digits of a folded token. */
    private static void splitWords(String token, List<String> words) {
        int start = -1;
        for (int i = 0; i <= token.length(); i++) {
            boolean wordChar = i < token.length() && Character.isLetterOrDigit(token.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(start == 0 && i == token.length() ? token : token.substring(start, i));
                start = -1;
            }
        }
    }
}
