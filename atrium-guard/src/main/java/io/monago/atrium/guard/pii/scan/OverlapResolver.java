package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.recognizer.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the matches of a scan into non-overlapping findings by the rule of {@link Ranked}: sorted
 * by start, each match either beats every kept match it overlaps (which are then dropped) or is
 * dropped itself.
 */
final class OverlapResolver {
    private OverlapResolver() {}

    static List<PiiFinding> resolve(List<Ranked> matches, int enabledTypes, CharSequence original) {
        if (matches.isEmpty()) {
            return List.of();
        }
        matches.sort(Comparator.comparingInt((Ranked r) -> r.match().start()));
        List<Ranked> kept = new ArrayList<>(matches.size());
        for (Ranked candidate : matches) {
            if ((candidate.match().type().bit() & enabledTypes) == 0) {
                continue;
            }
            int firstOverlap = kept.size();
            while (firstOverlap > 0
                    && kept.get(firstOverlap - 1).match().end()
                            > candidate.match().start()) {
                firstOverlap--;
            }
            boolean wins = true;
            for (int k = firstOverlap; k < kept.size() && wins; k++) {
                wins = candidate.beats(kept.get(k));
            }
            if (wins) {
                kept.subList(firstOverlap, kept.size()).clear();
                kept.add(candidate);
            }
        }
        List<PiiFinding> findings = new ArrayList<>(kept.size());
        for (Ranked r : kept) {
            Match m = r.match();
            findings.add(new PiiFinding(
                    m.type(),
                    wholeCodePointStart(original, m.start()),
                    wholeCodePointEnd(original, m.end()),
                    m.confidence(),
                    m.rule()));
        }
        return List.copyOf(findings);
    }

    // A span must not split a surrogate pair (a mathematical digit folds onto one of its two chars).
    private static int wholeCodePointStart(CharSequence text, int start) {
        return start > 0
                        && Character.isLowSurrogate(text.charAt(start))
                        && Character.isHighSurrogate(text.charAt(start - 1))
                ? start - 1
                : start;
    }

    private static int wholeCodePointEnd(CharSequence text, int end) {
        return end < text.length()
                        && Character.isLowSurrogate(text.charAt(end))
                        && Character.isHighSurrogate(text.charAt(end - 1))
                ? end + 1
                : end;
    }
}
