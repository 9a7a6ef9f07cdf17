package io.monago.atrium.guard.security.lexicon;

import java.util.List;

/** A sequence of terms that must match consecutive words, e.g. {@code system prompt}. */
final class Phrase {
    private final Term[] terms;

    Phrase(List<Term> terms) {
        this.terms = terms.toArray(new Term[0]);
    }

    Term first() {
        return terms[0];
    }

    int size() {
        return terms.length;
    }

    /**
     * Matches this phrase's words at a position.
     *
     * @return the number of words matched, or -1
     */
    int matchAt(TermSequence words, int position) {
        if (position + terms.length > words.size()) {
            return -1;
        }
        for (int i = 0; i < terms.length; i++) {
            if (!terms[i].matches(words, position + i)) {
                return -1;
            }
        }
        return terms.length;
    }
}
