package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.ContextWords;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import io.monago.atrium.guard.pii.text.KeywordTable;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Arrays;

/**
 * Context words for one scan. The single pass hands every word it meets to {@link #onWord}; words
 * that announce an entity or mark a reference go into a small ring, so the context before a
 * candidate is read from the ring (never by re-scanning the text). The context after a candidate is
 * a bounded forward look, done only when a recogniser asks and cached per position.
 *
 * <p>A context word is used up by the finding it announced: in {@code rekening 1234567890 a.n.
 * Budi, 081234567890} the word {@code rekening} makes the first number an account and then no
 * longer applies, so the second stays a phone number. Values listed right after a finding
 * ({@code NIK 3201..., 3202... dan 3203...}) keep the context.
 */
final class ContextTracker implements Context {
    /** How far before a candidate a context word counts, in characters. */
    static final int BEFORE = 48;
    /** How far after a candidate a context word counts. */
    static final int AFTER = 32;
    /** Extra distance for a word after the candidate: a word before it is the stronger signal. */
    static final int AFTER_PENALTY = 16;
    private static final int RING = 32;
    private static final int TYPES = EntityType.values().length;
    private static final int MAX_LIST_GAP = 8;
    /** A context word followed by a number this close introduces that number. */
    private static final int INTRODUCES = 24;
    private static final long AND = WordKey.of("and");
    private static final long DAN = WordKey.of("dan");
    private static final long OR = WordKey.of("or");
    private static final long ATAU = WordKey.of("atau");
    private static final long SERTA = WordKey.of("serta");

    private final char[] text;
    private final KeywordTable words;

    private final int[] ringStart = new int[RING];
    private final int[] ringEnd = new int[RING];
    private final int[] ringFlags = new int[RING];
    /** For each ring word that closes a bracket, where the value before it ended; else -1. */
    private final int[] ringPreviousValue = new int[RING];
    private int pushed;
    private int lastValueEnd = -1;
    private long headKey;
    private int headEnd = -1;

    private final int[] consumedUpTo = new int[TYPES];
    private final int[] lastFindingEnd = new int[TYPES];
    private final int[] lastFindingLength = new int[TYPES];

    private int spanStart;
    private int spanEnd;
    private int afterFrom;
    private int beforeFor = -1;
    private int afterFor = -1;
    private final int[] before = new int[TYPES];
    private final int[] after = new int[TYPES];
    private int negative;
    private int nearestPositive;

    ContextTracker(char[] text, KeywordTable words) {
        this.text = text;
        this.words = words;
        Arrays.fill(consumedUpTo, -1);
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
            }
        }
        if ((f & ContextWords.PHRASE_HEAD) != 0) {
            headKey = key;
            headEnd = end;
        }
        if ((f & (ContextWords.ENTITY_MASK | ContextWords.NEGATIVE)) != 0) {
            int slot = pushed++ & (RING - 1);
            ringStart[slot] = start;
            ringEnd[slot] = end;
            ringFlags[slot] = f;
            ringPreviousValue[slot] = closesBracket(end) ? lastValueEnd : -1;
        }
        return f;
    }

    /** {@code ... (Deutsche Bank)}: a word that closes a bracket describes what came before it. */
    private boolean closesBracket(int end) {
        int p = end;
        while (p < text.length && (text[p] == ' ' || text[p] == FoldedText.IGNORED) && p - end < 2) {
            p++;
        }
        return p < text.length && (text[p] == ')' || text[p] == ']');
    }

    /** Records that a finding ends here, so that a context word right after it is attributed to it. */
    void valueEndsAt(int end) {
        lastValueEnd = Math.max(lastValueEnd, end);
    }

    /** Whether a phrase's second word starting at {@code start} follows its first word ending at {@code end}. */
    private boolean adjacent(int end, int start) {
        if (end < 0 || start < end || start - end > 3) {
            return false;
        }
        for (int i = end; i < start; i++) {
            char c = text[i];
            if (c != ' ' && c != '.' && c != ':' && c != '-' && c != '/' && c != FoldedText.IGNORED) {
                return false;
            }
        }
        return true;
    }

    /** Sets the candidate the next questions are about. */
    void prepare(int start, int end, int lookAheadFrom) {
        spanStart = start;
        spanEnd = end;
        afterFrom = lookAheadFrom;
    }

    /** A finding of {@code type} that relied on context uses up the context words before it. */
    void consume(EntityType type, int findingStart, int findingEnd) {
        consumedUpTo[type.ordinal()] = findingStart;
        lastFindingEnd[type.ordinal()] = findingEnd;
        lastFindingLength[type.ordinal()] = findingEnd - findingStart;
    }

    @Override
    public int distance(EntityType type) {
        computeBefore();
        int t = type.ordinal();
        if (before[t] != NONE) {
            return before[t];
        }
        if (continuesList(t)) {
            return spanStart - lastFindingEnd[t];
        }
        computeAfter(); // a word after the candidate always counts as farther than any word before it
        int a = after[type.ordinal()];
        return a == NONE ? NONE : a + (afterFrom - spanEnd) + AFTER_PENALTY + BEFORE;
    }

    @Override
    public boolean negative() {
        computeBefore();
        return negative != NONE && negative < nearestPositive;
    }

    private void computeBefore() {
        if (beforeFor == spanStart) {
            return;
        }
        beforeFor = spanStart;
        Arrays.fill(before, NONE);
        negative = NONE;
        nearestPositive = Integer.MAX_VALUE;
        for (int k = pushed - 1; k >= 0 && k >= pushed - RING; k--) {
            int slot = k & (RING - 1);
            int d = spanStart - ringEnd[slot];
            if (d < 0) {
                continue;
            }
            if (d > BEFORE) {
                break;
            }
            int previousValue = ringPreviousValue[slot];
            if (previousValue >= 0 && ringStart[slot] - previousValue <= INTRODUCES) {
                continue; // "IBAN DE89... (Deutsche Bank) ...": the word belongs to the value before it
            }
            int flags = ringFlags[slot];
            int entities = flags & ContextWords.ENTITY_MASK;
            for (int bits = entities; bits != 0; bits &= bits - 1) {
                int type = Integer.numberOfTrailingZeros(bits);
                if (before[type] == NONE && ringEnd[slot] > consumedUpTo[type]) {
                    before[type] = d;
                    nearestPositive = Math.min(nearestPositive, d);
                }
            }
            if ((flags & ContextWords.NEGATIVE) != 0 && negative == NONE) {
                negative = d;
            }
        }
    }

    /**
     * {@code NIK 3201..., 3202... dan 3203...}: a candidate written like the previous finding of a
     * type (same length, give or take one) and separated from it by nothing but separators and one
     * conjunction continues its list and keeps its context.
     */
    private boolean continuesList(int type) {
        int previousEnd = lastFindingEnd[type];
        int start = spanStart;
        if (previousEnd < 0 || start < previousEnd || start - previousEnd > MAX_LIST_GAP
                || Math.abs((spanEnd - spanStart) - lastFindingLength[type]) > 1) {
            return false;
        }
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
            } else if (c == ' ' || c == ',' || c == ';' || c == '/' || c == '&' || c == FoldedText.IGNORED) {
                if (wordStart >= 0 && wordEnd < 0) {
                    wordEnd = i;
                }
            } else {
                return false;
            }
        }
        if (wordStart < 0) {
            return true;
        }
        long key = WordKey.of(text, wordStart, wordEnd < 0 ? start : wordEnd);
        return key == AND || key == DAN || key == OR || key == ATAU || key == SERTA;
    }

    /**
     * Context words after the candidate, up to the next number. A word counts for the candidate
     * when it follows it tightly ({@code 3201... (NIK)}) or introduces nothing else; a word that
     * introduces the next value ({@code No. rekening 123...}, {@code BPJS dengan nomor 000...})
     * belongs to that value.
     */
    private void computeAfter() {
        if (afterFor == afterFrom) {
            return;
        }
        afterFor = afterFrom;
        Arrays.fill(after, NONE);
        int limit = Math.min(text.length, afterFrom + AFTER);
        long head = 0;
        int headStop = -1;
        boolean headIntroduces = false;
        int p = afterFrom;
        while (p < limit) {
            char c = text[p];
            byte k = CharClass.of(c);
            if (k == CharClass.DIGIT) {
                break;
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
            if (entities == 0 || (!tight(afterFrom, s) && (introduced || digitWithin(p, INTRODUCES)))) {
                continue;
            }
            for (int bits = entities; bits != 0; bits &= bits - 1) {
                int type = Integer.numberOfTrailingZeros(bits);
                if (after[type] == NONE) {
                    after[type] = s - afterFrom;
                }
            }
        }
    }

    /** Whether only a few spaces and brackets separate the candidate from a word after it. */
    private boolean tight(int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c != ' ' && c != '(' && c != '[' && c != ',' && c != '-' && c != FoldedText.IGNORED) {
                return false;
            }
        }
        return true;
    }

    private boolean digitWithin(int from, int length) {
        int limit = Math.min(text.length, from + length);
        for (int i = from; i < limit; i++) {
            if (CharClass.isDigit(text[i])) {
                return true;
            }
        }
        return false;
    }
}
