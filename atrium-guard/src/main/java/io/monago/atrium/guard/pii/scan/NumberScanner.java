package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The numbers of one scan: collects each run of digit groups ({@code +62 812-3456-7890}) and offers
 * windows of consecutive groups to the number recognisers, choosing one match per window start.
 *
 * <p>Which windows exist is what keeps numbers linear and precise: windows of several groups start
 * only where a number plausibly starts (the run's start, right after a match, a group of three
 * digits or more, a change of separator); a run joined by dashes or dots is one number and never cut
 * into fragments; a group of seven digits or more stands alone after a space; more single digits in
 * a row than any number has ({@code 1 1 1 1 ...}) are one long number and hold nothing.
 */
final class NumberScanner {
    /** A match covering the rest of its run wins over a better one that leaves a fragment, above this. */
    private static final double WHOLE_RUN_CONFIDENCE = 0.85;
    /** Fewer digits than this are too short to be any entity's value. */
    private static final int SHORTEST_VALUE = 4;

    private final ScanEngine engine;
    private final char[] t;
    private final int n;
    private final ContextTracker context;
    private final Consumer<Ranked> sink;
    private final DigitRun run;
    /** A digit at this index follows a context word directly ({@code NIK:3201...}) and is not glued to it. */
    private int freeDigitsAt = -1;
    /** Where the main pass resumes after a run: past the run, or past a match that reached beyond it. */
    private int resumeAt;

    NumberScanner(ScanEngine engine, char[] folded, ContextTracker context, Consumer<Ranked> sink) {
        this.engine = engine;
        this.t = folded;
        this.n = folded.length;
        this.context = context;
        this.sink = sink;
        this.run = new DigitRun(folded);
    }

    /** The digit at {@code index} follows a context word ({@code NIK3201...}): it is not glued to a word. */
    void freeDigitsAt(int index) {
        freeDigitsAt = index;
    }

    /**
     * Collects the run of digit groups starting at {@code first} and offers its windows to the
     * number recognisers.
     *
     * @param first index of the first digit
     * @param spanStart where a match of the first group starts: the digit, or a {@code +} or
     *     {@code (} before it
     * @param plusSign whether a {@code +} precedes the first digit
     * @param parenthesis whether the first group is in parentheses
     * @return where the main pass resumes
     */
    int scan(int first, int spanStart, boolean plusSign, boolean parenthesis) {
        run.begin(spanStart, plusSign, parenthesis);
        int p = first;
        while (true) {
            int groupStart = p;
            int firstDigit = run.digitCount();
            int lastDigitEnd = p;
            while (p < n) {
                char c = t[p];
                if (c >= '0' && c <= '9') {
                    run.addDigit(c - '0');
                    p++;
                    lastDigitEnd = p;
                } else if (c == FoldedText.IGNORED) {
                    p++;
                } else {
                    break;
                }
            }
            run.endGroup(groupStart, lastDigitEnd, firstDigit);
            p = lastDigitEnd;
            if (run.groupCount() == DigitRun.MAX_GROUPS) {
                break;
            }
            int next = separator(p, parenthesis && run.groupCount() == 1);
            if (next < 0) {
                break;
            }
            p = next;
        }
        boolean gluedLeft = gluedLeft(spanStart, first);
        boolean gluedRight = gluedRight(p);
        evaluate(gluedLeft ? 1 : 0, run.groupCount() - (gluedRight ? 2 : 1), p);
        if (run.digitCount() >= SHORTEST_VALUE) {
            // A floor, an age or a count ("lantai 3") is not a value the words before it announced.
            context.valueSeen(p);
        }
        return Math.max(p, resumeAt);
    }

    /** Index of the next group's first digit when a separator follows {@code p}, else -1. */
    private int separator(int p, boolean afterOpenParen) {
        if (p >= n) {
            return -1;
        }
        char c = t[p];
        int q = p + 1;
        char kind;
        boolean lineBreak = false;
        if (afterOpenParen && c == ')') {
            kind = ')';
            if (q < n && (t[q] == ' ' || t[q] == '-')) {
                q++;
            }
        } else if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '\n' || c == '\r') {
            // One dash, dot or slash with up to two spaces on either side ("0812 - 3456",
            // "151. 918120", "7 -0"), or spaces alone: one canonical separator, however written.
            // One line break may stand in a separator or follow it ("3201 2345\n6789",
            // "0812-3456-\n7890"): a value broken over two lines.
            kind = c == '\n' || c == '\r' ? ' ' : c;
            q = skipSpaces(p);
            if (q < n && (t[q] == '-' || t[q] == '.' || t[q] == '/')) {
                kind = t[q++];
                q = skipSpaces(q);
            }
            int afterBreak = lineBreak(q);
            lineBreak = afterBreak > q;
            q = afterBreak;
        } else {
            return -1;
        }
        while (q < n && t[q] == FoldedText.IGNORED) {
            q++;
        }
        if (q < n && CharClass.isDigit(t[q])) {
            run.separatorBeforeNext(kind, lineBreak);
            return q;
        }
        return -1;
    }

    private int skipSpaces(int from) {
        int q = from;
        while (q < n && t[q] == ' ' && q - from < 2) {
            q++;
        }
        return q;
    }

    /** Past one line break at {@code q} and up to two spaces after it; {@code q} when there is none. */
    private int lineBreak(int q) {
        int p = q;
        if (p < n && t[p] == '\r') {
            p++;
        }
        if (p < n && t[p] == '\n') {
            return skipSpaces(p + 1);
        }
        return q;
    }

    /** Whether the run is glued to a word on its left ({@code _123}, {@code @0812}). */
    private boolean gluedLeft(int spanStart, int firstDigit) {
        if (firstDigit == freeDigitsAt) {
            return false;
        }
        int p = spanStart - 1;
        while (p >= 0 && t[p] == FoldedText.IGNORED) {
            p--;
        }
        if (p < 0) {
            return false;
        }
        char c = t[p];
        return CharClass.of(c) == CharClass.LETTER || c == '_' || c == '@';
    }

    /** Whether the run is glued to a word on its right ({@code 100mg}, {@code 2.14.0-rc1}, {@code 0812@}). */
    private boolean gluedRight(int p) {
        while (p < n && t[p] == FoldedText.IGNORED) {
            p++;
        }
        if (p >= n) {
            return false;
        }
        char c = t[p];
        if (CharClass.of(c) == CharClass.LETTER || c == '_' || c == '@') {
            return true;
        }
        if ((c == '-' || c == '.' || c == '/') && p + 1 < n) {
            char after = t[p + 1];
            return (after >= 'a' && after <= 'z') || after == '_';
        }
        return false;
    }

    /**
     * Offers windows of groups {@code [firstGroup, lastGroup]} to the recognisers. Windows of
     * several groups start only where a number plausibly starts: the run's start, right after a
     * match, a group of three or more digits, or a change of separator; so a long table of small
     * numbers costs one window per group, not a quadratic number.
     */
    private void evaluate(int firstGroup, int lastGroup, int runEnd) {
        resumeAt = runEnd;
        int last = lastGroupBeforeLongSpelledRun(firstGroup, lastGroup);
        boolean afterMatch = false;
        int g = firstGroup;
        while (g <= lastGroup) {
            if (g > last) {
                // More single digits in a row than any number has: one long number, nothing to find.
                last = lastGroupBeforeLongSpelledRun(skipSingles(g, lastGroup), lastGroup);
                g = skipSingles(g, lastGroup);
                afterMatch = false;
                continue;
            }
            boolean multi = g == firstGroup
                    || afterMatch
                    || run.lengthOfGroup(g) >= 3
                    || separatorChange(g)
                    || spelledOutStarts(g, last);
            Ranked best = null;
            int bestLast = -1;
            Ranked bestToEnd = null;
            int digits = 0;
            boolean uniform = true;
            boolean longJoined = false;
            boolean acrossLines = false;
            for (int h = g; h <= last && (h == g || multi); h++) {
                if (h > g) {
                    if (spelledOutStarts(h, last)) {
                        break; // "+44 20 7946 0194 3 2 0 1 ...": a digit-by-digit number starts here
                    }
                    char separator = run.separatorBeforeGroup(h);
                    uniform &= h == g + 1 || separator == run.separatorBeforeGroup(g + 1);
                    boolean bareLineBreak = separator == ' ' && run.lineBreakBeforeGroup(h);
                    // A group of seven digits or more stands alone after a space: "17409339 0817" is two values.
                    longJoined |= run.lengthOfGroup(h - 1) >= 7 && separator == ' ' && !bareLineBreak;
                    // Numbers on two lines are one value only when a context word says what it is.
                    acrossLines |= bareLineBreak;
                }
                digits += run.lengthOfGroup(h);
                if (digits > DigitRecognizer.MAX_DIGITS) {
                    break;
                }
                DigitRecognizer[] candidates = engine.byLength[digits];
                if (candidates.length == 0 || longJoined || joined(g, h)) {
                    continue;
                }
                run.window(g, h, uniform);
                context.prepare(run.start(), run.end(), runEnd);
                boolean midRun = h > g && g > firstGroup && !afterMatch && !separatorChange(g);
                for (DigitRecognizer r : candidates) {
                    Optional<Match> m = r.recognize(run, context);
                    if (m.isPresent()) {
                        Ranked candidate =
                                new Ranked(m.get(), context.distance(m.get().type()));
                        if ((midRun || acrossLines) && !candidate.hasContext()) {
                            continue; // "4523 0694 8359 4731" holds no landline number
                        }
                        if (best == null || candidate.beats(best)) {
                            best = candidate;
                            bestLast = h;
                        }
                        if (h == lastGroup && (bestToEnd == null || candidate.beats(bestToEnd))) {
                            bestToEnd = candidate;
                        }
                    }
                }
            }
            // Identity on purpose: an equal match found in a shorter window is still another candidate.
            @SuppressWarnings("ReferenceEquality")
            boolean otherToEnd = bestToEnd != best;
            if (best != null
                    && bestToEnd != null
                    && otherToEnd
                    && bestToEnd.hasContext() == best.hasContext()
                    && bestToEnd.match().confidence() >= WHOLE_RUN_CONFIDENCE) {
                best = bestToEnd; // one value over a value and a dangling fragment of the same run
                bestLast = lastGroup;
            }
            if (best != null) {
                sink.accept(best);
                resumeAt = Math.max(resumeAt, best.match().end());
                g = bestLast + 1;
                afterMatch = true;
            } else {
                g++;
                afterMatch = false;
            }
        }
    }

    /**
     * The last group before a row of more single-digit groups than any number has digits
     * ({@code 1 1 1 1 ...}), or {@code lastGroup} when there is none. Such a row is one long number,
     * as a long unbroken row of digits is, and holds no candidate.
     */
    private int lastGroupBeforeLongSpelledRun(int from, int lastGroup) {
        int singles = 0;
        for (int g = from; g <= lastGroup; g++) {
            singles = run.lengthOfGroup(g) == 1 ? singles + 1 : 0;
            if (singles > DigitRecognizer.MAX_DIGITS) {
                return g - singles;
            }
        }
        return lastGroup;
    }

    private int skipSingles(int g, int lastGroup) {
        while (g <= lastGroup && run.lengthOfGroup(g) == 1) {
            g++;
        }
        return g;
    }

    /** Whether single digits start at group {@code g} after a longer group: {@code 3 2 0 1 ...} spelled out. */
    private boolean spelledOutStarts(int g, int lastGroup) {
        return g > 0
                && g + 2 <= lastGroup
                && run.lengthOfGroup(g - 1) >= 2
                && run.lengthOfGroup(g) == 1
                && run.lengthOfGroup(g + 1) == 1
                && run.lengthOfGroup(g + 2) == 1;
    }

    /**
     * Whether groups {@code [g, h]} are joined to a neighbouring group by a dash or a dot: then they
     * are a fragment of a longer number ({@code 4111-1111-1111-1111-2222}) and not a candidate.
     * Spaces and slashes also separate values ({@code 0812-3456-7890/0813-9876-5432}).
     */
    private boolean joined(int g, int h) {
        return (g > 0 && joining(run.separatorBeforeGroup(g)))
                || (h + 1 < run.groupCount() && joining(run.separatorBeforeGroup(h + 1)));
    }

    private static boolean joining(char separator) {
        return separator == '-' || separator == '.';
    }

    /** Whether the separator changes at group {@code g}, before or after it: a number may start there. */
    private boolean separatorChange(int g) {
        char before = run.separatorBeforeGroup(g);
        return (g >= 2 && before != run.separatorBeforeGroup(g - 1))
                || (g >= 1 && g + 1 < run.groupCount() && before != run.separatorBeforeGroup(g + 1));
    }
}
