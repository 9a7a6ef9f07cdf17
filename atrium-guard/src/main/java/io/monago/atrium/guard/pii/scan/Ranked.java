package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;

/**
 * A match with what it takes to rank it against a competing one.
 *
 * <p>The one overlap rule of the scanner: of two overlapping matches the better survives whole and
 * the other is dropped. Better means, in this order: backed by a context word for its own type;
 * the nearer context word; the higher confidence; the longer span; the entity type declared first.
 *
 * @param match the match
 * @param context distance to the nearest context word for its type, or {@link Context#NONE}
 */
record Ranked(Match match, int context) {
    boolean hasContext() {
        return context != Context.NONE;
    }

    /** Whether this match beats {@code other} by the overlap rule. */
    boolean beats(Ranked other) {
        if (hasContext() != other.hasContext()) {
            return hasContext();
        }
        if (hasContext() && context != other.context) {
            return context < other.context;
        }
        int c = Double.compare(match.confidence(), other.match.confidence());
        if (c != 0) {
            return c > 0;
        }
        int length = match.end() - match.start();
        int otherLength = other.match.end() - other.match.start();
        if (length != otherLength) {
            return length > otherLength;
        }
        return match.type().compareTo(other.match.type()) < 0;
    }

    boolean overlaps(Ranked other) {
        return match.start() < other.match.end() && other.match.start() < match.end();
    }
}
