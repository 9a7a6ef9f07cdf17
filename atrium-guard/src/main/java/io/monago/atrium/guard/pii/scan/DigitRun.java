package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import java.util.Arrays;

/**
 * The digit groups of one run ({@code +62 812-3456-7890}: groups 62, 812, 3456, 7890) and a movable
 * window over them that recognisers see as a {@link DigitWindow}. One instance per scan, reused for
 * every run; nothing is allocated per run once the arrays have grown.
 */
final class DigitRun implements DigitWindow {
    /** Runs longer than this are cut: a table of numbers, not one identifier. */
    static final int MAX_GROUPS = 64;

    private static final int INITIAL_GROUPS = 8;

    private final char[] text;
    private byte[] digits = new byte[32];
    private int digitCount;
    // Grown on demand up to MAX_GROUPS: most texts hold runs of a few groups, and a scan that
    // allocated room for 64 at once spent a kilobyte on every text.
    private int[] groupStart = new int[INITIAL_GROUPS];
    private int[] groupEnd = new int[INITIAL_GROUPS];
    private int[] groupOffset = new int[INITIAL_GROUPS];
    private int[] groupLength = new int[INITIAL_GROUPS];
    private char[] separatorBefore = new char[INITIAL_GROUPS];
    private boolean[] lineBreakBefore = new boolean[INITIAL_GROUPS];
    private int groups;
    private int runStart;
    private boolean plus;
    private boolean paren;

    private int from;
    private int to;
    private boolean uniform;

    DigitRun(char[] text) {
        this.text = text;
    }

    void begin(int start, boolean plusSign, boolean parenthesis) {
        digitCount = 0;
        groups = 0;
        runStart = start;
        plus = plusSign;
        paren = parenthesis;
    }

    void addDigit(int value) {
        if (digitCount == digits.length) {
            digits = Arrays.copyOf(digits, digitCount * 2);
        }
        digits[digitCount++] = (byte) value;
    }

    /** Closes the group whose digits were just added. */
    void endGroup(int start, int end, int firstDigitIndex) {
        roomFor(groups);
        groupStart[groups] = start;
        groupEnd[groups] = end;
        groupOffset[groups] = firstDigitIndex;
        groupLength[groups] = digitCount - firstDigitIndex;
        groups++;
    }

    void separatorBeforeNext(char separator, boolean lineBreak) {
        roomFor(groups);
        separatorBefore[groups] = separator;
        lineBreakBefore[groups] = lineBreak;
    }

    private void roomFor(int group) {
        if (group < groupStart.length) {
            return;
        }
        int size = Math.min(MAX_GROUPS, groupStart.length * 2);
        groupStart = Arrays.copyOf(groupStart, size);
        groupEnd = Arrays.copyOf(groupEnd, size);
        groupOffset = Arrays.copyOf(groupOffset, size);
        groupLength = Arrays.copyOf(groupLength, size);
        separatorBefore = Arrays.copyOf(separatorBefore, size);
        lineBreakBefore = Arrays.copyOf(lineBreakBefore, size);
    }

    int digitCount() {
        return digitCount;
    }

    int groupCount() {
        return groups;
    }

    int lengthOfGroup(int g) {
        return groupLength[g];
    }

    char separatorBeforeGroup(int g) {
        // A group past the arrays' room has had no separator noted: none, as before they grew.
        return g < separatorBefore.length ? separatorBefore[g] : 0;
    }

    /** Whether the separator before group {@code g} holds a line break ({@code "3201 2345\n6789"}). */
    boolean lineBreakBeforeGroup(int g) {
        return g < lineBreakBefore.length && lineBreakBefore[g];
    }

    int runStart() {
        return runStart;
    }

    /**
     * Points the window at groups {@code [first, last]}.
     *
     * @param uniformSeparators whether the separators inside the window are all the same; the
     *     caller extends windows one group at a time and keeps this up to date in constant time
     */
    void window(int first, int last, boolean uniformSeparators) {
        from = first;
        to = last;
        uniform = uniformSeparators;
    }

    @Override
    public char[] text() {
        return text;
    }

    @Override
    public int start() {
        return from == 0 && (plus || paren) ? runStart : groupStart[from];
    }

    @Override
    public int end() {
        return groupEnd[to];
    }

    @Override
    public int length() {
        return groupOffset[to] + groupLength[to] - groupOffset[from];
    }

    @Override
    public int digit(int i) {
        return digits[groupOffset[from] + i];
    }

    @Override
    public long value(int fromDigit, int toDigit) {
        long v = 0;
        int base = groupOffset[from];
        for (int i = base + fromDigit; i < base + toDigit; i++) {
            v = v * 10 + digits[i];
        }
        return v;
    }

    @Override
    public int groups() {
        return to - from + 1;
    }

    @Override
    public int groupLength(int g) {
        return groupLength[from + g];
    }

    @Override
    public char separator(int g) {
        return separatorBeforeGroup(from + g);
    }

    @Override
    public boolean uniformSeparators() {
        return uniform;
    }

    @Override
    public boolean plus() {
        return from == 0 && plus;
    }

    @Override
    public boolean parenthesised() {
        return from == 0 && paren;
    }
}
