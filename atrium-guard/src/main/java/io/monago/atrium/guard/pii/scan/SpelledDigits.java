package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.DigitWords;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Numbers written as words, one digit per word, in Indonesian or English ({@code tiga dua nol satu
 * ...}, {@code three two zero one ...}): a model reads them as the digits, so the scanner does too.
 * A run of at least {@value #MIN_WORDS} digit words is read as its digits, with the text before it
 * as context, by the same recognisers; a value found there is reported over the words.
 *
 * <p>Only one-digit words count: {@code dua belas} (twelve) is left alone, as are shorter runs
 * ({@code satu dua tiga} is a count, not an id).
 */
final class SpelledDigits {
    /** The fewest digit words read as a number: no entity has fewer than seven digits. */
    static final int MIN_WORDS = 7;
    /** How much of the text before a run is read with it, as its context. */
    private static final int CONTEXT = ContextTracker.BEFORE;

    private SpelledDigits() {}

    /**
     * Adds the values written as digit words to what the main pass found.
     *
     * @param engine the engine, to read each run with
     * @param original the scanned text
     * @param folded its folded copy
     * @param found the main pass's findings, in text order
     * @return {@code found}, or a new list with the spelled values that overlap none of them
     */
    static List<PiiFinding> addTo(ScanEngine engine, CharSequence original, char[] folded, List<PiiFinding> found) {
        List<PiiFinding> added = null;
        int n = folded.length;
        int i = 0;
        int runStart = -1;
        int runEnd = -1;
        StringBuilder digits = new StringBuilder();
        while (i <= n) {
            int s = i;
            while (s < n && !CharClass.isAsciiLetter(folded[s])) {
                s++;
            }
            int e = s;
            while (e < n && (CharClass.isAsciiLetter(folded[e]) || folded[e] == FoldedText.IGNORED)) {
                e++;
            }
            char digit = s < n ? DigitWords.digitOf(folded, s, e) : 0;
            boolean joined = digit != 0 && runStart >= 0 && separatorOnly(folded, runEnd, s);
            if (!joined) {
                if (runStart >= 0 && digits.length() >= MIN_WORDS) {
                    added = read(engine, original, runStart, runEnd, digits, found, added);
                }
                runStart = -1;
                digits.setLength(0);
            }
            if (digit != 0) {
                if (runStart < 0) {
                    runStart = s;
                }
                runEnd = e;
                digits.append(digit);
            }
            if (s >= n) {
                break;
            }
            i = e;
        }
        if (added == null) {
            return found;
        }
        List<PiiFinding> all = new ArrayList<>(found);
        all.addAll(added);
        all.sort(Comparator.comparingInt(PiiFinding::start));
        return List.copyOf(all);
    }

    private static List<PiiFinding> read(
            ScanEngine engine,
            CharSequence original,
            int runStart,
            int runEnd,
            CharSequence digits,
            List<PiiFinding> found,
            List<PiiFinding> added) {
        for (PiiFinding f : found) {
            if (f.start() < runEnd && runStart < f.end()) {
                return added; // the words are already part of a finding
            }
        }
        int from = Math.max(0, runStart - CONTEXT);
        String synthetic = original.subSequence(from, runStart) + digits.toString();
        int digitsAt = runStart - from;
        for (PiiFinding f : new ScanPass(engine, synthetic, FoldedText.fold(synthetic)).run()) {
            if (f.start() <= digitsAt && f.end() > digitsAt) {
                List<PiiFinding> out = added == null ? new ArrayList<>() : added;
                out.add(new PiiFinding(f.type(), runStart, runEnd, f.confidence(), f.rule() + ".spelled"));
                return out;
            }
        }
        return added;
    }

    /** Whether only spaces, commas, dashes, dots or invisible characters lie between two words. */
    private static boolean separatorOnly(char[] t, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (c != ' ' && c != ',' && c != '-' && c != '.' && c != FoldedText.IGNORED) {
                return false;
            }
        }
        return true;
    }
}
