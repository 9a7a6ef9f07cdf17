package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.builtin.ContextWords;
import io.monago.atrium.guard.pii.recognizer.builtin.EmailRecognizer;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import io.monago.atrium.guard.pii.text.KeywordTable;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Arrays;

/**
 * Context words for one scan. The single pass hands every word it meets to {@link #onWord}; words
 * that announce an entity or mark a reference go into a small ring, so the context before a
 * candidate is read from the ring, never by re-scanning the text. The context after a candidate is
 * a bounded forward look, done only when a recogniser asks, and cached.
 *
 * <p>Which value a context word belongs to:
 * <ul>
 *   <li>a word introduces the first number after it: in {@code rekening 1234567890 a.n. Budi,
 *       081234567890} the word {@code rekening} makes the first number an account and no longer
 *       applies to the second, which stays a phone number;
 *   <li>values listed after a finding keep its context ({@code NIK 3201..., 3202... dan 3203...});
 *   <li>a word in brackets right after a value describes that value ({@code DE89... (Deutsche
 *       Bank)}, {@code 3201... (NIK)}, {@code 0812... (WA only)});
 *   <li>a reference word ({@code order}, {@code versi}) reaches only a few characters, within its
 *       sentence;
 *   <li>after a candidate, a word counts only if it does not introduce a number of its own
 *       ({@code 3201... adalah NIK saya}, but not {@code 3201..., No. rekening 123...}), unless it
 *       labels the candidate in brackets right after it ({@code 3201... (NIK)}).
 * </ul>
 */
final class ContextTracker implements Context {
    /** How far before a candidate a context word counts, in characters. */
    static final int BEFORE = 48;
    /** How far after a candidate a context word counts. */
    static final int AFTER = 32;
    /** Extra distance for a word after the candidate: a word before it is the stronger signal. */
    static final int AFTER_PENALTY = 16;
    /** A context word followed by a number (or an e-mail address) this close introduces it. */
    static final int INTRODUCES = 32;
    /**
     * How far before a candidate a reference word ({@code order}, {@code versi}) reaches, within
     * its sentence ({@code order pembelian alat lab nomor 0812...}); a context word for an entity
     * type nearer to the candidate still wins.
     */
    static final int NEGATIVE_REACH = 32;

    private static final int RING = 32;
    private static final int TYPES = EntityType.values().length;
    private static final int MAX_LIST_GAP = 8;
    private static final long AND = WordKey.of("and");
    private static final long DAN = WordKey.of("dan");
    private static final long OR = WordKey.of("or");
    private static final long ATAU = WordKey.of("atau");
    private static final long SERTA = WordKey.of("serta");

    private final char[] text;
    private final KeywordTable words;
    private final ColumnContext columns;

    private final int[] ringStart = new int[RING];
    private final int[] ringEnd = new int[RING];
    private final int[] ringFlags = new int[RING];
    private final boolean[] ringDescribesPrevious = new boolean[RING];
    private int pushed;
    private long headKey;
    private int headEnd = -1;
    private int headSlot = -1;

    /** Context words ending at or before this offset have been used by a value after them. */
    private int usedUpTo = -1;

    private int lastValueEnd = -1;
    private int sentenceStart;
    private final int[] lastFindingEnd = new int[TYPES];
    private final int[] lastFindingLength = new int[TYPES];

    private int spanStart;
    private int spanEnd;
    private int afterFrom;
    private int beforeFor = -1;
    private int beforeUsedUpTo = -1;
    private int beforeSentence = -1;
    private int afterFor = -1;
    private final int[] before = new int[TYPES];
    private final int[] after = new int[TYPES];
    private final int[] afterWordEnd = new int[TYPES];
    private int negative;
    private int nearestPositive;

    ContextTracker(char[] text, KeywordTable words, ColumnContext columns) {
        this.text = text;
        this.words = words;
        this.columns = columns;
        Arrays.fill(lastFindingEnd, -1);
    }

    /**
     * Records a word of the text, in text order.
     *
     * @return the word's flags after phrase resolution
     */
    int onWord(int start, int end, long key, int flags) {
        int f = flags;
        if ((f & ContextWords.PHRASE_TAIL) != 0 && adjacent(headEnd, start)) {
            int phrase = words.phrase(headKey, key);
            if (phrase != 0) {
                f = (f & ~(ContextWords.ENTITY_MASK | ContextWords.SECRET_TRIGGER | ContextWords.NEGATIVE)) | phrase;
                if (headSlot >= 0 && pushed > 0 && ((pushed - 1) & (RING - 1)) == headSlot) {
                    ringFlags[headSlot] &= ~ContextWords.ENTITY_MASK; // "kartu keluarga" is a KK, not a card
                }
            }
        }
        int slot = -1;
        if ((f & (ContextWords.ENTITY_MASK | ContextWords.NEGATIVE)) != 0) {
            slot = pushed++ & (RING - 1);
            ringStart[slot] = start;
            ringEnd[slot] = end;
            ringFlags[slot] = f;
            ringDescribesPrevious[slot] = inBracketAfter(lastValueEnd, start);
        }
        if ((f & ContextWords.PHRASE_HEAD) != 0) {
            headKey = key;
            headEnd = end;
            headSlot = slot;
        }
        return f;
    }

    /**
     * Records that a number or a finding ends here: the context words before it have been used
     * (call after the value's own candidates were evaluated).
     */
    void valueSeen(int end) {
        usedUpTo = Math.max(usedUpTo, end);
        lastValueEnd = Math.max(lastValueEnd, end);
    }

    /**
     * Records a finding, for lists of values of one type. A finding whose context word came after
     * it ({@code 3201... adalah NIK saya}) uses that word up too.
     */
    void findingOf(EntityType type, int start, int end, int contextDistance) {
        @SuppressWarnings("EnumOrdinal") // the per-type state is primitive arrays indexed by ordinal
        int t = type.ordinal();
        if (contextDistance > BEFORE && afterWordEnd[t] > 0) {
            usedUpTo = Math.max(usedUpTo, afterWordEnd[t]);
        }
        lastFindingEnd[t] = end;
        lastFindingLength[t] = visibleLength(start, end);
    }

    /** Sets the candidate the next questions are about. */
    void prepare(int start, int end, int lookAheadFrom) {
        spanStart = start;
        spanEnd = end;
        afterFrom = lookAheadFrom;
    }

    @Override
    public int distance(EntityType type) {
        computeBefore();
        @SuppressWarnings("EnumOrdinal") // the per-type state is primitive arrays indexed by ordinal
        int t = type.ordinal();
        if (before[t] != NONE) {
            return before[t];
        }
        if (continuesList(t)) {
            return spanStart - lastFindingEnd[t];
        }
        computeAfter(); // a word after the candidate always counts as farther than any word before it
        int a = after[t];
        return a == NONE ? NONE : a + (afterFrom - spanEnd) + AFTER_PENALTY + BEFORE;
    }

    @Override
    public boolean negative() {
        return negativeWithin(NEGATIVE_REACH);
    }

    @Override
    public boolean negativeWithin(int reach) {
        computeBefore();
        return negative != NONE && negative <= reach && negative < nearestPositive;
    }

    private void computeBefore() {
        if (beforeFor == spanStart && beforeUsedUpTo == usedUpTo && beforeSentence == sentenceStart) {
            return;
        }
        beforeFor = spanStart;
        beforeUsedUpTo = usedUpTo;
        beforeSentence = sentenceStart;
        Arrays.fill(before, NONE);
        negative = NONE;
        nearestPositive = Integer.MAX_VALUE;
        // In a table's cell the column's header is the value's context; the cells before it are other values'.
        int cell = columns.cellAt(spanStart);
        int cellStart = cell < 0 ? -1 : columns.start(cell);
        for (int k = pushed - 1; k >= 0 && k >= pushed - RING; k--) {
            int slot = k & (RING - 1);
            int d = spanStart - ringEnd[slot];
            if (d < 0) {
                continue;
            }
            if (d > BEFORE || ringEnd[slot] <= usedUpTo || ringStart[slot] < cellStart) {
                break; // older words are farther, used by a value in between, or outside the cell
            }
            if (ringDescribesPrevious[slot]) {
                continue;
            }
            int flags = ringFlags[slot];
            for (int bits = flags & ContextWords.ENTITY_MASK; bits != 0; bits &= bits - 1) {
                int type = Integer.numberOfTrailingZeros(bits);
                if (before[type] == NONE) {
                    before[type] = d;
                    nearestPositive = Math.min(nearestPositive, d);
                }
            }
            if ((flags & ContextWords.NEGATIVE) != 0 && negative == NONE && ringStart[slot] >= sentenceStart) {
                negative = d;
            }
        }
        if (cell >= 0) {
            column(columns.flags(cell), spanStart - cellStart);
        }
    }

    /** A column's header as a context word {@code d} characters before the candidate (its cell's start). */
    private void column(int flags, int d) {
        for (int bits = flags & ContextWords.ENTITY_MASK; bits != 0; bits &= bits - 1) {
            int type = Integer.numberOfTrailingZeros(bits);
            if (before[type] == NONE || d < before[type]) {
                before[type] = d;
            }
            nearestPositive = Math.min(nearestPositive, d);
        }
        if ((flags & ContextWords.NEGATIVE) != 0 && (negative == NONE || d < negative)) {
            negative = d;
        }
    }

    /**
     * {@code NIK 3201..., 3202... dan 3203...}: a candidate written like the previous finding of its
     * type (same visible length, give or take one) and separated from it by a list separator or a
     * conjunction keeps that finding's context.
     */
    private boolean continuesList(int type) {
        int previousEnd = lastFindingEnd[type];
        int start = spanStart;
        if (previousEnd < 0
                || start < previousEnd
                || start - previousEnd > MAX_LIST_GAP
                || Math.abs(visibleLength(spanStart, spanEnd) - lastFindingLength[type]) > 1) {
            return false;
        }
        boolean separator = false;
        int wordStart = -1;
        int wordEnd = -1;
        for (int i = previousEnd; i < start; i++) {
            char c = text[i];
            if (CharClass.isAsciiLetter(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                } else if (wordEnd >= 0) {
                    return false; // a second word
                }
            } else if (c == ',' || c == ';' || c == '/' || c == '&') {
                separator = true;
                if (wordStart >= 0 && wordEnd < 0) {
                    wordEnd = i;
                }
            } else if (c == ' ' || c == FoldedText.IGNORED) {
                if (wordStart >= 0 && wordEnd < 0) {
                    wordEnd = i;
                }
            } else {
                return false;
            }
        }
        if (wordStart < 0) {
            return separator;
        }
        long key = WordKey.of(text, wordStart, wordEnd < 0 ? start : wordEnd);
        return key == AND || key == DAN || key == OR || key == ATAU || key == SERTA;
    }

    private int visibleLength(int start, int end) {
        int length = 0;
        for (int i = start; i < end; i++) {
            if (text[i] != FoldedText.IGNORED) {
                length++;
            }
        }
        return length;
    }

    private void computeAfter() {
        if (afterFor == afterFrom) {
            return;
        }
        afterFor = afterFrom;
        Arrays.fill(after, NONE);
        Arrays.fill(afterWordEnd, 0);
        int limit = Math.min(text.length, afterFrom + AFTER);
        int cell = columns.cellAt(spanStart);
        if (cell >= 0) {
            limit = Math.min(limit, columns.end(cell)); // the next cells are other values'
        }
        long head = 0;
        int headStop = -1;
        boolean headIntroduces = false;
        int p = afterFrom;
        while (p < limit) {
            byte k = CharClass.of(text[p]);
            if (k == CharClass.DIGIT) {
                break; // a word after the next number belongs to that number
            }
            if (k == CharClass.STOP && (text[p] == '\n' || p + 1 == text.length || text[p + 1] <= ' ')) {
                break; // nor does a word of the next sentence
            }
            if (k != CharClass.LETTER) {
                p++;
                continue;
            }
            int s = p;
            while (p < text.length && (CharClass.of(text[p]) == CharClass.LETTER || text[p] == FoldedText.IGNORED)) {
                p++;
            }
            long key = WordKey.of(text, s, p);
            int flags = words.lookup(key);
            boolean introduced = headIntroduces && adjacent(headStop, s);
            if ((flags & ContextWords.PHRASE_TAIL) != 0 && adjacent(headStop, s)) {
                int phrase = words.phrase(head, key);
                if (phrase != 0) {
                    flags = (flags & ~ContextWords.ENTITY_MASK) | phrase;
                }
            }
            if ((flags & (ContextWords.PHRASE_HEAD | ContextWords.INTRODUCER)) != 0) {
                head = key;
                headStop = p;
                headIntroduces = (flags & ContextWords.INTRODUCER) != 0;
            }
            int entities = flags & ContextWords.ENTITY_MASK;
            boolean labelsCandidate = inBracketAfter(spanEnd, s); // "3201... (NIK)"
            if (entities == 0 || ((introduced || valueWithin(p, INTRODUCES)) && !labelsCandidate)) {
                continue;
            }
            for (int bits = entities; bits != 0; bits &= bits - 1) {
                int type = Integer.numberOfTrailingZeros(bits);
                if (after[type] == NONE) {
                    after[type] = s - afterFrom;
                    afterWordEnd[type] = p;
                }
            }
        }
    }

    /** Whether a phrase's second word starting at {@code start} follows its first word ending at {@code end}. */
    private boolean adjacent(int end, int start) {
        if (end < 0 || start < end || start - end > 3) {
            return false;
        }
        for (int i = end; i < start; i++) {
            char c = text[i];
            if (c != ' ' && c != '.' && c != ':' && c != '-' && c != '/' && c != '_' && c != FoldedText.IGNORED) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a word starting at {@code wordStart} stands in brackets opened right after a value
     * ending at {@code valueEnd}: {@code DE89... (Deutsche Bank)}, {@code 3201... (NIK)},
     * {@code 0812... (WA only)}. Such a word describes that value.
     */
    private boolean inBracketAfter(int valueEnd, int wordStart) {
        if (valueEnd < 0 || wordStart <= valueEnd || wordStart - valueEnd > INTRODUCES) {
            return false;
        }
        int p = valueEnd;
        while (p < wordStart && text[p] == ' ' && p - valueEnd < 2) {
            p++;
        }
        if (p >= wordStart || (text[p] != '(' && text[p] != '[')) {
            return false;
        }
        for (int i = p + 1; i < wordStart; i++) {
            if (text[i] == ')' || text[i] == ']') {
                return false;
            }
        }
        return true;
    }

    /** Records where a sentence ends: reference words do not reach across it, nor words after a candidate. */
    void sentenceEndsAt(int end) {
        sentenceStart = end;
    }

    /** Whether a number or an e-mail address ({@code @}, {@code [at]}) starts soon after a word: the word introduces it. */
    private boolean valueWithin(int from, int length) {
        int limit = Math.min(text.length, from + length);
        for (int i = from; i < limit; i++) {
            char c = text[i];
            if (CharClass.isDigit(c)
                    || c == '@'
                    || (CharClass.of(c) == CharClass.OPEN && EmailRecognizer.bracketedWord(text, i, "at") > 0)) {
                return true;
            }
        }
        return false;
    }
}
