package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.ContextWords;
import io.monago.atrium.guard.pii.recognizer.builtin.EmailRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.PemBlockRecognizer;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One left-to-right pass over folded text. Each character is classified once; letters are walked
 * as words (their keys built on the way, looked up once), digits are handed to the
 * {@link NumberScanner}, and a few anchors ({@code @}, {@code +}, {@code (}, {@code -----BEGIN}, {@code :}) start their own bounded
 * parsers. Recognisers see only candidates; whatever a detector consumes is skipped, so every
 * character is looked at a small, constant number of times whatever the input.
 */
final class ScanPass {
    /** The longest identifier read for context words ({@code no_hp_penerima}, {@code lastLoginIp}). */
    private static final int MAX_IDENTIFIER = 40;

    private final ScanEngine engine;
    private final CharSequence original;
    private final char[] t;
    private final int n;
    private final ContextTracker context;
    private final NumberScanner numbers;
    private final NameScan names;
    private final List<Ranked> found = new ArrayList<>();
    /** Digit words seen ({@code tiga}, {@code three}): only a text with enough is read for spelled numbers. */
    private int digitWords;
    /** Long tokens of letters and digits seen: only a text with one is read for base64 and hex values. */
    private int longTokens;

    ScanPass(ScanEngine engine, CharSequence original, char[] folded) {
        this.engine = engine;
        this.original = original;
        this.t = folded;
        this.n = folded.length;
        this.context = new ContextTracker(folded, engine.words, ColumnContext.of(folded, engine.words));
        this.numbers = new NumberScanner(engine, folded, context, this::commit);
        this.names = new NameScan(engine, folded, this::commitName);
    }

    List<PiiFinding> run() {
        int i = 0;
        while (i < n) {
            char c = t[i];
            switch (CharClass.of(c)) {
                case CharClass.LETTER -> i = word(i);
                case CharClass.DIGIT -> {
                    int e = numbers.scan(i, i, false, false);
                    // A long number, or digits glued to letters, may be hex ("3332303132...", "6275646940...").
                    if (e - i >= EncodedValues.MIN_CHARS || (e - i >= 4 && e < n && CharClass.isAsciiLetter(t[e]))) {
                        longTokens++;
                    }
                    i = e;
                }
                case CharClass.AT -> i = atSign(i);
                case CharClass.PLUS -> i = plus(i);
                case CharClass.OPEN -> i = open(i);
                case CharClass.DASH -> i = dash(i);
                case CharClass.COLON -> i = colon(i);
                case CharClass.STOP -> {
                    if (c == '\n' || i + 1 == n || t[i + 1] <= ' ') {
                        context.sentenceEndsAt(i + 1);
                    }
                    i++;
                }
                default -> i++;
            }
        }
        if (engine.enabled(EntityType.PERSON)) {
            LineNames lines = new LineNames(engine.person, t, this::commitName);
            lines.run();
            lines.dropGuessesInThingColumns(found);
            lines.repeats(found);
        }
        return OverlapResolver.resolve(found, engine.enabled, original);
    }

    /**
     * Whether the text holds enough digit words to be read for a number written as words.
     *
     * @return true after {@link #run()} met at least {@link SpelledDigits#MIN_WORDS} of them
     */
    boolean mayHoldSpelledNumber() {
        return digitWords >= SpelledDigits.MIN_WORDS;
    }

    /**
     * Whether the text holds a token long enough to be a value in base64 or hex.
     *
     * @return true after {@link #run()} met one
     */
    boolean mayHoldEncodedValue() {
        return longTokens > 0;
    }

    // ---- words --------------------------------------------------------------------------------

    private int word(int s) {
        int i = s;
        long packed = 0;
        int letters = 0;
        boolean ascii = true;
        boolean capitalInside = false;
        while (i < n) {
            char c = t[i];
            if (c < 128) {
                byte k = CharClass.of(c);
                if (k == CharClass.LETTER) {
                    packed = WordKey.append(packed, c);
                    capitalInside |= c <= 'Z' && i > s;
                    letters++;
                } else if (k != CharClass.IGNORABLE) {
                    break;
                }
            } else if (CharClass.of(c) == CharClass.LETTER) {
                ascii = false;
                letters++;
            } else {
                break;
            }
            i++;
        }
        int e = i;
        if (capitalInside && e - s >= EncodedValues.MIN_CHARS) {
            longTokens++; // base64 of letters only ("MTExMTExMTEx"): no word has capitals inside so long
        }
        long key = ascii ? WordKey.finish(packed, letters) : 0;
        int flags = key == 0 ? 0 : engine.words.lookup(key);
        if ((flags & ContextWords.DIGIT_WORD) != 0) {
            digitWords++;
        }
        int named = names.onWord(s, e, key);
        if (named > e) {
            return named;
        }
        if (flags == 0 && capitalInside && ascii && letters <= MAX_IDENTIFIER) {
            identifierParts(s, e); // "dateOfBirth", "lastLoginIp": a key's words are context words
        }
        if (flags != 0) {
            flags = context.onWord(s, e, key, flags);
            int after = keywordAction(s, e, flags);
            if (after > e) {
                return after;
            }
        }
        if (startsCompound(s, e)) {
            return compound(s, flags);
        }
        return e;
    }

    /** What a context word triggers: a secret value after it, or a spelled-out e-mail around "at". */
    private int keywordAction(int s, int e, int flags) {
        Optional<Match> m = Optional.empty();
        if ((flags & ContextWords.SECRET_TRIGGER) != 0 && engine.enabled(EntityType.SECRET)) {
            m = engine.assignment.afterTrigger(t, e).map(this::preferSpecific);
        } else if ((flags & ContextWords.SPELLED_AT) != 0 && engine.enabled(EntityType.EMAIL)) {
            m = engine.email.spelledAt(t, s, e);
        }
        return take(m, e);
    }

    /**
     * Whether the word at {@code [s, e)} is the head of a compound token: glued to digits or an
     * underscore ({@code AKIA...}, {@code v1}, {@code user_1}), joined to digits by a separator
     * ({@code INV-2024}), or a known secret prefix before a dash or dot ({@code sk-}, {@code xoxb-}).
     */
    private boolean startsCompound(int s, int e) {
        char next = e < n ? t[e] : ' ';
        if (CharClass.isDigit(next) || next == '_') {
            return true;
        }
        if (e + 1 < n && (next == '-' || next == '.' || next == '/' || next == ':' || next == '#')) {
            char after = t[e + 1];
            if (CharClass.isDigit(after)) {
                return true;
            }
            if ((next == '-' || next == '.')
                    && (CharClass.isAlnum(after) || after == '-' || after == '_')
                    && engine.secretPrefixes.mayStart(t[s])) {
                return true;
            }
        }
        // A JWT header, or a key with no digit in its first letters (AKIA... of letters only).
        return (e - s >= 16 && engine.secretPrefixes.mayStart(t[s]))
                || (e - s >= 10 && t[s] == 'e' && t[s + 1] == 'y' && t[s + 2] == 'J');
    }

    private int compound(int s, int flags) {
        int end = tokenEnd(s);
        if (end - s >= EncodedValues.MIN_CHARS) {
            longTokens++;
        }
        if (engine.tokens.length > 0) {
            context.prepare(s, end, end);
            Ranked best = null;
            for (TokenRecognizer r : engine.tokens) {
                Optional<Match> m = r.recognize(t, s, end, context);
                if (m.isPresent()) {
                    Ranked candidate =
                            new Ranked(m.get(), context.distance(m.get().type()));
                    if (best == null || candidate.beats(best)) {
                        best = candidate;
                    }
                }
            }
            if (best != null) {
                commit(best);
                return Math.max(end, best.match().end());
            }
        }
        int wordEnd = s;
        while (wordEnd < n && (CharClass.isAsciiLetter(t[wordEnd]) || t[wordEnd] == FoldedText.IGNORED)) {
            wordEnd++;
        }
        if (wordEnd < end && t[wordEnd] == '_' && end - s <= MAX_IDENTIFIER && lettersAndUnderscores(s, end)) {
            identifierParts(wordEnd + 1, end); // "tgl_lahir", "no_hp": the first word was read already
        }
        if ((flags & (ContextWords.ENTITY_MASK | ContextWords.INTRODUCER)) != 0 && wordEnd < n) {
            // "NIK3201...", "KTP-3201...", "No.3201...": the context word introduces a number.
            int d = CharClass.isDigit(t[wordEnd])
                    ? wordEnd
                    : wordEnd + 1 < n && CharClass.isDigit(t[wordEnd + 1]) ? wordEnd + 1 : -1;
            if (d >= 0) {
                numbers.freeDigitsAt(d);
                return wordEnd;
            }
        }
        return secretAfterName(s, end);
    }

    /** Whether {@code [s, e)} holds only letters and underscores: an identifier such as a JSON key. */
    private boolean lettersAndUnderscores(int s, int e) {
        for (int i = s; i < e; i++) {
            if (!CharClass.isAsciiLetter(t[i]) && t[i] != '_' && t[i] != FoldedText.IGNORED) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the words of an identifier ({@code tgl_lahir}, {@code phoneNumber}) as context words,
     * split at underscores and at a lower-case letter followed by a capital; a key's words say what
     * its value is as a sentence's words do. Parts of one letter ({@code iPhone}) end the reading:
     * such a word is a name, not a key.
     */
    private void identifierParts(int s, int e) {
        int p = s;
        while (p < e) {
            if (t[p] == '_' || t[p] == FoldedText.IGNORED) {
                p++;
                continue;
            }
            int ws = p;
            p++;
            while (p < e && CharClass.isAsciiLetter(t[p]) && !(t[p] <= 'Z' && t[p - 1] >= 'a')) {
                p++;
            }
            if (p - ws < 2) {
                return;
            }
            long key = WordKey.of(t, ws, p);
            int flags = key == 0 ? 0 : engine.words.lookup(key);
            if (flags != 0) {
                context.onWord(ws, p, key, flags);
            }
        }
    }

    /**
     * {@code DB_PASSWORD=...}, {@code api_key: ...}: a compound name whose last word announces a
     * secret (alone or with the word before it) is followed by the secret.
     */
    private int secretAfterName(int s, int end) {
        if (!engine.enabled(EntityType.SECRET)) {
            return end;
        }
        int lastStart = end;
        while (lastStart > s && CharClass.isAsciiLetter(t[lastStart - 1])) {
            lastStart--;
        }
        long last = WordKey.of(t, lastStart, end);
        int flags = engine.words.lookup(last);
        if ((flags & ContextWords.PHRASE_TAIL) != 0 && lastStart - 1 > s) {
            int headStart = lastStart - 1;
            while (headStart > s && CharClass.isAsciiLetter(t[headStart - 1])) {
                headStart--;
            }
            flags |= engine.words.phrase(WordKey.of(t, headStart, lastStart - 1), last);
        }
        if ((flags & ContextWords.SECRET_TRIGGER) == 0) {
            return end;
        }
        Optional<Match> m = engine.assignment.afterTrigger(t, end).map(this::preferSpecific);
        return take(m, end);
    }

    /**
     * A value after {@code token:} that a specific recogniser knows ({@code ghp_...}, a JWT) is
     * reported under that recogniser's rule.
     */
    private Match preferSpecific(Match assignment) {
        int s = assignment.start();
        if (!CharClass.isAlnum(t[s])) {
            return assignment;
        }
        int end = tokenEnd(s);
        context.prepare(s, end, end);
        for (TokenRecognizer r : engine.tokens) {
            if (r.type() == EntityType.SECRET) {
                Optional<Match> m = r.recognize(t, s, end, context);
                if (m.isPresent() && m.get().start() == s) {
                    return m.get();
                }
            }
        }
        return assignment;
    }

    /**
     * The end of a compound token: letters, digits, {@code _}, and {@code - . / +} between them, and
     * {@code =} as base64 padding; without trailing punctuation.
     */
    private int tokenEnd(int s) {
        int p = s;
        while (p < n) {
            char c = t[p];
            if (CharClass.isWordChar(c) || c == '_' || c == FoldedText.IGNORED) {
                p++;
            } else if (c == '=' && (p + 1 >= n || t[p + 1] == '=' || t[p + 1] <= ' ' || t[p + 1] == '"')) {
                p++; // base64 padding; "KEY=value" is two tokens
            } else if ((c == '-' || c == '.' || c == '/' || c == '+')
                    && p + 1 < n
                    && (CharClass.isWordChar(t[p + 1]) || t[p + 1] == '_')) {
                p++;
            } else {
                break;
            }
        }
        while (p > s && (t[p - 1] == '-' || t[p - 1] == FoldedText.IGNORED)) {
            p--;
        }
        return p;
    }

    // ---- numbers ------------------------------------------------------------------------------

    private int plus(int i) {
        if (i + 1 < n && CharClass.isDigit(t[i + 1])) {
            return numbers.scan(i + 1, i, true, false);
        }
        return i + 1;
    }

    private int open(int i) {
        if (t[i] == '(' && i + 1 < n && CharClass.isDigit(t[i + 1])) {
            return numbers.scan(i + 1, i, false, true);
        }
        if (engine.enabled(EntityType.EMAIL) && EmailRecognizer.bracketedWord(t, i, "at") > 0) {
            return take(engine.email.bracketedAt(t, i), i + 1);
        }
        return i + 1;
    }

    // ---- anchors ------------------------------------------------------------------------------

    private int atSign(int i) {
        return engine.enabled(EntityType.EMAIL) ? take(engine.email.atSign(t, i), i + 1) : i + 1;
    }

    private int dash(int i) {
        if (engine.enabled(EntityType.SECRET) && PemBlockRecognizer.startsAt(t, i)) {
            return take(engine.pem.parse(t, i), i + 1);
        }
        return i + 1;
    }

    /** A colon between hex digits may be inside an IPv6 address; parse once, from the address start. */
    private int colon(int i) {
        if (!engine.enabled(EntityType.IP_ADDRESS) || i + 1 >= n || !(CharClass.isHex(t[i + 1]) || t[i + 1] == ':')) {
            return i + 1;
        }
        int s = i;
        while (s > 0 && i - s < 4 && CharClass.isHex(t[s - 1])) {
            s--;
        }
        if (s == i && t[i + 1] != ':') {
            return i + 1;
        }
        Optional<Match> m = engine.ipv6.parse(t, s);
        if (m.isPresent()) {
            context.prepare(m.get().start(), m.get().end(), m.get().end());
            add(m.get(), context.distance(EntityType.IP_ADDRESS));
            return m.get().end();
        }
        return i + 1;
    }

    // ---- results ------------------------------------------------------------------------------

    /** Takes a match of an anchored detector: records it and resumes after it; else resumes at {@code otherwise}. */
    private int take(Optional<Match> m, int otherwise) {
        if (m.isEmpty()) {
            return otherwise;
        }
        add(m.get(), Context.NONE);
        return m.get().end();
    }

    private void add(Match m, int contextDistance) {
        commit(new Ranked(m, contextDistance));
    }

    /** Names and addresses: no number's context depends on them. */
    private void commitName(Ranked r) {
        found.add(r);
    }

    private void commit(Ranked r) {
        Match m = r.match();
        if (m.start() < 0 || m.end() > n || m.end() <= m.start()) {
            throw new IllegalStateException(
                    "rule " + m.rule() + " matched [" + m.start() + ", " + m.end() + ") in a text of " + n + " chars");
        }
        found.add(r);
        context.findingOf(r.match().type(), r.match().start(), r.match().end(), r.context());
        context.valueSeen(r.match().end());
    }
}
