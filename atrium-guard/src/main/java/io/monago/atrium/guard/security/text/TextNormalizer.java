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
    /** Rounds of joining single letters that a spaced-out run's output may take to settle. */
    private static final int MAX_JOIN_ROUNDS = 8;

    private static final int TAG_BASE = 0xE0000;
    private static final int BLACK_FLAG = 0x1F3F4;
    /** What may close a plain word: the punctuation that cannot be part of a disguise. */
    private static final String PLAIN_END = ".,;:?)\"";
    /** Longer spaced-out runs are kept whole rather than split into words: bounded work. */
    private static final int MAX_SEGMENTED = 256;
    /** What an ASCII char is to a token: one of the kinds below (a space separates tokens). */
    private static final byte[] ASCII_KIND = new byte[0x80];

    private static final byte LOWER = 0;
    private static final byte UPPER = 1;
    private static final byte OTHER = 2;
    private static final byte LEET = 3;
    private static final byte APOSTROPHE = 4;
    private static final byte SPACE = 5;

    static {
        for (char c = 0; c < 0x80; c++) {
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            ASCII_KIND[c] = space
                    ? SPACE
                    : c == '\''
                            ? APOSTROPHE
                            : c >= 'a' && c <= 'z'
                                    ? LOWER
                                    : c >= 'A' && c <= 'Z' ? UPPER : leetLetter(c) != 0 ? LEET : OTHER;
        }
    }

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
        return new Pass(raw.length()).run(raw);
    }

    private static final int VISIBLE = 0;
    private static final int ZERO_WIDTH = 1;
    private static final int BIDI_MARK = 2;
    private static final int BIDI_CONTROL = 3;
    private static final int TAG = 4;
    private static final int VARIATION_SELECTOR = 5;

    /**
     * The letter of an escaped line break or tab: {@code \n}, {@code \r}, {@code \t}, and in
     * capitals too: the folded text is lower case, so a {@code \T} read as letters here would be
     * an escape when the folded text is normalised again.
     */
    private static boolean isEscapedBreak(char c) {
        return c == 'n' || c == 'r' || c == 't' || c == 'N' || c == 'R' || c == 'T';
    }

    private static int invisibleKind(int cp) {
        if (cp < 0xAD) {
            return VISIBLE;
        }
        switch (cp) {
            case 0x00AD,
                    0x034F,
                    0x180E,
                    0x200B,
                    0x200C,
                    0x200D,
                    0x2060,
                    0x2061,
                    0x2062,
                    0x2063,
                    0x2064,
                    0xFEFF,
                    0x115F,
                    0x1160,
                    0x3164,
                    0xFFA0 -> {
                return ZERO_WIDTH;
            }
            case 0x200E, 0x200F, 0x061C -> {
                return BIDI_MARK;
            }
            default -> {}
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return BIDI_CONTROL;
        }
        if (cp >= TAG_BASE && cp <= TAG_BASE + 0x7F) {
            return TAG;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return VARIATION_SELECTOR;
        }
        return VISIBLE;
    }

    /**
     * The mutable state of one {@link #normalize} call. One pass over the raw chars: whitespace
     * tokens are collected in a reusable buffer, folded in place when they are ASCII (the common
     * case: lower-cased, apostrophes dropped, nothing else to undo), and written to the output
     * buffer, where words are delimited and hashed as they are copied. Only tokens that may hide a
     * disguise (non-ASCII, leetspeak, separated letters) go through {@code String}s.
     */
    private final class Pass {
        private final NormalizedText.Builder out;
        private char[] token = new char[32];
        private char[] scratch = new char[32];
        private int tokenLength;
        private boolean inToken;
        /** Whether invisible chars sat inside the token, and the whitespace before it. */
        private boolean tokenHadInvisible;

        private int gap;
        private boolean gapHasNewline;
        private int tokenRawStart;
        private boolean tokenAscii;
        /** Of the token's folded ASCII chars: those not a-z, the last of them, letters, leetspeak. */
        private int nonLetters;

        private int lastNonLetter;
        private boolean hasLetter;
        private boolean hasLeet;
        /** The token's {@link WordHash}, and the same without its last char. */
        private int hash;

        private int hashBeforeLast;
        /** Single-letter tokens waiting to be known part of a spaced-out run, or not. */
        private char[] pendingLetters = new char[8];

        private int[] pendingGaps = new int[8];
        private boolean[] pendingNewlines = new boolean[8];
        private int pending;
        private StringBuilder tagPayload;
        private boolean inFlagSequence;
        private int zeroWidth;
        private int zeroWidthInWords;
        private int bidiMarks;
        private int bidiControls;
        private int tagCharacters;
        private int invisibleKeywords;
        private int homoglyphWords;
        private int homoglyphKeywords;
        private int leetKeywords;
        private int spacedKeywords;

        Pass(int rawLength) {
            out = new NormalizedText.Builder(rawLength);
        }

        NormalizedText run(String raw) {
            int length = raw.length();
            int previousCodePoint = 0;
            for (int i = 0; i < length; ) {
                char c = raw.charAt(i);
                if (c < 0x80) {
                    // A JSON string's escaped line break or tab ("...attached.\nAI assistant, ..."),
                    // as tool results carry them: a break between words, not a part of one.
                    if (c == '\\' && i + 1 < length && isEscapedBreak(raw.charAt(i + 1))) {
                        char letter = raw.charAt(i + 1);
                        space(i, letter != 't' && letter != 'T');
                        previousCodePoint = ' ';
                        i += 2;
                        inFlagSequence = false;
                        continue;
                    }
                    int kind = ASCII_KIND[c];
                    if (kind == SPACE) {
                        space(i, c == '\n' || c == '\r');
                        previousCodePoint = c;
                        i++;
                    } else {
                        if (!inToken) {
                            startToken(i);
                        }
                        if (kind != APOSTROPHE) {
                            appendChar(kind == UPPER ? (char) (c + 32) : c, kind);
                        }
                        previousCodePoint = c;
                        i++;
                    }
                    inFlagSequence = false;
                    continue;
                }
                int cp = raw.codePointAt(i);
                int width = Character.charCount(cp);
                int kind = invisibleKind(cp);
                if (kind == TAG) {
                    // Emoji subdivision flags (black flag + tag letters) are the one legitimate use.
                    if (!inFlagSequence) {
                        tagCharacters++;
                        int ascii = cp - TAG_BASE;
                        if (ascii >= 0x20 && ascii < 0x7F) {
                            if (tagPayload == null) {
                                tagPayload = new StringBuilder();
                            }
                            tagPayload.append((char) ascii);
                        }
                    }
                } else if (kind == ZERO_WIDTH) {
                    zeroWidth++;
                    int next = i + width < length ? raw.codePointAt(i + width) : 0;
                    if (Character.isLetter(previousCodePoint) && Character.isLetter(next)) {
                        zeroWidthInWords++;
                        tokenHadInvisible = true;
                    }
                } else if (kind == BIDI_MARK) {
                    bidiMarks++;
                } else if (kind == BIDI_CONTROL) {
                    bidiControls++;
                    tokenHadInvisible = true;
                } else if (kind == VARIATION_SELECTOR) {
                    // Emoji presentation selectors are everywhere; dropping them is all that is needed.
                    cp = previousCodePoint;
                } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    space(i, cp == 0x2028 || cp == 0x2029);
                    inFlagSequence = false;
                } else {
                    if (!inToken) {
                        startToken(i);
                    }
                    if (tokenLength + 2 > token.length) {
                        token = java.util.Arrays.copyOf(token, token.length * 2 + 2);
                    }
                    tokenLength += Character.toChars(cp, token, tokenLength);
                    tokenAscii = false;
                    inFlagSequence = cp == BLACK_FLAG;
                }
                previousCodePoint = cp;
                i += width;
            }
            if (inToken) {
                addToken(length, tokenHadInvisible, gap, gapHasNewline);
            }
            flushPending();
            Obfuscation obfuscation = new Obfuscation(
                    zeroWidth,
                    zeroWidthInWords,
                    bidiMarks,
                    bidiControls,
                    tagCharacters,
                    tagPayload == null ? "" : tagPayload.toString(),
                    invisibleKeywords,
                    homoglyphWords,
                    homoglyphKeywords,
                    leetKeywords,
                    spacedKeywords);
            return out.build(obfuscation);
        }

        /** A whitespace char at {@code at}: ends the token being read, and counts towards the gap before the next. */
        private void space(int at, boolean newline) {
            if (inToken) {
                addToken(at, tokenHadInvisible, gap, gapHasNewline);
                tokenHadInvisible = false;
                gap = 0;
                gapHasNewline = false;
            }
            gap++;
            gapHasNewline |= newline;
        }

        private void startToken(int rawStart) {
            inToken = true;
            tokenRawStart = rawStart;
            tokenLength = 0;
            tokenAscii = true;
            nonLetters = 0;
            lastNonLetter = -1;
            hasLetter = false;
            hasLeet = false;
            hash = WordHash.SEED;
            hashBeforeLast = WordHash.SEED;
        }

        /**
         * Appends an ASCII char already folded ({@link #foldCompatibility} of ASCII is lower case
         * without apostrophes), noting what decides the token's fate: whether it is a plain word,
         * whether it could be leetspeak, and its hash as a word.
         */
        private void appendChar(char c, int kind) {
            if (tokenLength == token.length) {
                token = java.util.Arrays.copyOf(token, tokenLength * 2);
            }
            token[tokenLength++] = c;
            hashBeforeLast = hash;
            hash = WordHash.step(hash, c);
            if (kind <= UPPER) {
                hasLetter = true;
            } else {
                nonLetters++;
                lastNonLetter = tokenLength - 1;
                hasLeet |= kind == LEET;
            }
        }

        private void addToken(int rawEnd, boolean hadInvisible, int gap, boolean newline) {
            out.rawToken(tokenRawStart, rawEnd);
            inToken = false;
            if (tokenAscii) {
                int length = tokenLength;
                boolean plain = length > 0
                        && (nonLetters == 0
                                || (nonLetters == 1
                                        && lastNonLetter == length - 1
                                        && length >= 2
                                        && PLAIN_END.indexOf(token[length - 1]) >= 0));
                if (plain && length > 1) {
                    // The common case: one lower-case word, hashed already, nothing to undo.
                    if (hadInvisible && isKeyword(token, 0, length)) {
                        invisibleKeywords++;
                    }
                    flushPending();
                    boolean bare = nonLetters == 0;
                    out.plainToken(token, length, bare ? length : length - 1, bare ? hash : hashBeforeLast, newline);
                } else if (plain
                        || length > MAX_FOLDED_TOKEN
                        || (!(hasLetter && hasLeet && leetSpellsKeyword(length))
                                && !isSeparatedLetters(token, length))) {
                    // Nothing to undo: the token stays as it is, without becoming a String.
                    if (hadInvisible && length <= MAX_FOLDED_TOKEN && isKeyword(token, 0, length)) {
                        invisibleKeywords++;
                    }
                    emit(token, length, gap, newline);
                } else {
                    String text = unfold(new String(token, 0, length), hadInvisible);
                    emit(text.toCharArray(), text.length(), gap, newline);
                }
            } else {
                String text = foldCompatibility(new String(token, 0, tokenLength));
                if (isPlainWord(text)) {
                    if (hadInvisible && isKeyword(text)) {
                        invisibleKeywords++;
                    }
                } else if (text.length() <= MAX_FOLDED_TOKEN) {
                    text = unfold(text, hadInvisible);
                }
                emit(text.toCharArray(), text.length(), gap, newline);
            }
        }

        /**
         * Whether {@link #foldLeet} would change the token: its leetspeak read as letters spells a
         * keyword. Checked without a {@code String}: {@code 10am} and {@code covid19} are common,
         * {@code 1gn0r3} is not.
         */
        private boolean leetSpellsKeyword(int length) {
            if (scratch.length < length) {
                scratch = new char[length];
            }
            for (int i = 0; i < length; i++) {
                char c = token[i];
                char l = leetLetter(c);
                boolean trailing = i == length - 1 && (c == '!' || c == '$');
                scratch[i] = l != 0 && !trailing ? l : c;
            }
            return isKeyword(scratch, 0, length);
        }

        /** Homoglyphs, leetspeak and separated letters undone, where they yield a keyword. */
        private String unfold(String folded, boolean hadInvisible) {
            String text = foldHomoglyphs(folded);
            text = foldLeet(text);
            text = joinSeparatedLetters(text);
            if (hadInvisible && isKeyword(text)) {
                invisibleKeywords++;
            }
            return text;
        }

        /**
         * Joins runs of single letters separated by single spaces ({@code i g n o r e}); a wider gap
         * separates words inside the run ({@code i g n o r e   a l l}). A run written with single
         * spaces throughout is split back into vocabulary words where it can be. Letters wait in
         * {@code pending} until the run they may belong to ends.
         */
        private void emit(char[] chars, int length, int gap, boolean newline) {
            if (length == 0) {
                return; // a token of apostrophes only folds to nothing: no token, no extra space
            }
            boolean single = length == 1 && Character.isLetter(chars[0]);
            if (single && (pending == 0 || !newline)) {
                addPending(chars[0], gap, newline);
                return;
            }
            flushPending();
            if (single) {
                addPending(chars[0], gap, newline);
            } else {
                out.token(chars, length, newline);
            }
        }

        private void addPending(char letter, int gap, boolean newline) {
            if (pending == pendingLetters.length) {
                pendingLetters = java.util.Arrays.copyOf(pendingLetters, pending * 2);
                pendingGaps = java.util.Arrays.copyOf(pendingGaps, pending * 2);
                pendingNewlines = java.util.Arrays.copyOf(pendingNewlines, pending * 2);
            }
            pendingLetters[pending] = letter;
            pendingGaps[pending] = gap;
            pendingNewlines[pending] = newline;
            pending++;
        }

        private void flushPending() {
            if (pending == 0) {
                return;
            }
            if (pending < MIN_SPACED_LETTERS) {
                for (int k = 0; k < pending; k++) {
                    out.token(pendingLetters, k, k + 1, pendingNewlines[k]);
                }
            } else {
                List<String> words = new ArrayList<>();
                StringBuilder word = new StringBuilder();
                for (int k = 0; k < pending; k++) {
                    if (k > 0 && pendingGaps[k] > 1) {
                        words.add(word.toString());
                        word.setLength(0);
                    }
                    word.append(pendingLetters[k]);
                }
                words.add(word.toString());
                boolean newline = pendingNewlines[0];
                for (String part : joinSingleLetters(words)) {
                    if (part.length() >= MIN_SPACED_LETTERS && isKeyword(part)) {
                        spacedKeywords++;
                    }
                    char[] chars = part.toCharArray();
                    out.token(chars, chars.length, newline);
                    newline = false;
                }
            }
            pending = 0;
        }

        /**
         * The words of a spaced-out run as they are written out: each split into vocabulary words
         * where it can be, and then, as the output separates them by single spaces, single letters
         * in a row that reading the output again would join are joined now (and split again), so
         * that normalising the output changes nothing.
         */
        private List<String> joinSingleLetters(List<String> words) {
            List<String> parts = new ArrayList<>();
            for (String w : words) {
                parts.addAll(spacedWord(w));
            }
            // Joined letters may be split again into single letters that a second pass would join:
            // repeat until nothing changes (each round joins, so few rounds are ever needed).
            for (int round = 0; round < MAX_JOIN_ROUNDS; round++) {
                List<String> joined = joinRuns(parts);
                if (joined.equals(parts)) {
                    break;
                }
                parts = joined;
            }
            return parts;
        }

        /** Each run of single letters long enough to be read as a spaced-out word, joined. */
        private List<String> joinRuns(List<String> parts) {
            List<String> joined = new ArrayList<>(parts.size());
            int k = 0;
            while (k < parts.size()) {
                int end = k;
                while (end < parts.size() && parts.get(end).length() == 1) {
                    end++;
                }
                if (end - k >= MIN_SPACED_LETTERS) {
                    joined.addAll(spacedWord(String.join("", parts.subList(k, end))));
                    k = end;
                } else if (end > k) {
                    joined.addAll(parts.subList(k, end));
                    k = end;
                } else {
                    joined.add(parts.get(k++));
                }
            }
            return joined;
        }

        private List<String> spacedWord(String letters) {
            // Joined, the letters are one token: look-alikes among Latin ones fold as in any token.
            String word = foldHomoglyphs(letters);
            return isKeyword(word) || word.length() < 8 ? List.of(word) : segment(word);
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
            char[] chars = token.toCharArray();
            if (!isSeparatedLetters(chars, chars.length)) {
                return token;
            }
            int n = chars.length;
            int start = Character.isLetter(chars[0]) ? 0 : 1;
            int end = Character.isLetter(chars[n - 1]) ? n : n - 1;
            StringBuilder joined = new StringBuilder();
            for (int i = start; i < end; i += 2) {
                joined.append(chars[i]);
            }
            String word = joined.toString();
            if (isKeyword(word)) {
                spacedKeywords++;
            }
            return word;
        }

        /** Splits a glued string into vocabulary words, or returns it whole when it cannot. */
        private List<String> segment(String glued) {
            int n = glued.length();
            if (n > MAX_SEGMENTED) {
                return List.of(glued); // bounded work: nobody spaces out a kilobyte of letters to be read
            }
            int[] from = new int[n + 1];
            java.util.Arrays.fill(from, -1);
            from[0] = 0;
            for (int end = 1; end <= n; end++) {
                for (int start = Math.max(0, end - 24); start < end; start++) {
                    if (from[start] >= 0 && vocabulary.contains(glued.substring(start, end))) {
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

    /** Letters separated by one repeated non-letter ({@code i.g.n.o.r.e}), four letters or more. */
    private static boolean isSeparatedLetters(char[] token, int n) {
        if (n < 2 * MIN_SPACED_LETTERS - 1) {
            return false;
        }
        int start = Character.isLetter(token[0]) ? 0 : 1;
        int end = Character.isLetter(token[n - 1]) ? n : n - 1;
        if ((end - start) % 2 == 0) {
            return false;
        }
        char separator = token[start + 1];
        if (Character.isLetterOrDigit(separator)) {
            return false;
        }
        int letters = 0;
        for (int i = start; i < end; i += 2) {
            if (!Character.isLetter(token[i]) || (i + 1 < end && token[i + 1] != separator)) {
                return false;
            }
            letters++;
        }
        return letters >= MIN_SPACED_LETTERS;
    }

    private boolean isKeyword(String token) {
        return isKeyword(token.toCharArray(), 0, token.length());
    }

    /** Whether the token's letters-and-digits core has three chars or more and is in the vocabulary. */
    private boolean isKeyword(char[] chars, int from, int to) {
        while (from < to && !Character.isLetterOrDigit(chars[from])) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(chars[to - 1])) {
            to--;
        }
        return to - from >= 3 && vocabulary.contains(chars, from, to);
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
        return isPlainWord(token.toCharArray(), token.length());
    }

    private static boolean isPlainWord(char[] token, int length) {
        if (length == 0) {
            return false;
        }
        int last = length - 1;
        char end = token[last];
        int letters = end >= 'a' && end <= 'z' ? length : last;
        for (int i = 0; i < letters; i++) {
            char c = token[i];
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return letters > 0 && (letters == length || PLAIN_END.indexOf(end) >= 0);
    }

    private static char leetLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '@' -> 'a';
            case '$' -> 's';
            case '!' -> 'i';
            case '|' -> 'l';
            case '+' -> 't';
            default -> 0;
        };
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
            // A spacing accent (U+00B4 ´) decomposes to a space and its mark: inside a token the
            // space is the accent's, not a word break, and kept it would read as one next time.
            boolean token = raw.chars().noneMatch(Character::isWhitespace);
            StringBuilder stripped = new StringBuilder(decomposed.length());
            for (int i = 0; i < decomposed.length(); i++) {
                char c = decomposed.charAt(i);
                if (Character.getType(c) != Character.NON_SPACING_MARK
                        && c != '\u2019'
                        && c != '\u2018'
                        && !(token && Character.isWhitespace(c))) {
                    stripped.append(c);
                }
            }
            text = stripped.toString();
        }
        text = text.toLowerCase(Locale.ROOT);
        return text.indexOf('\'') < 0 ? text : text.replace("'", "");
    }
}
