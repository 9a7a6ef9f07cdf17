package io.monago.atrium.guard.security.lexicon;

import java.util.List;

/** A sequence of terms that must match consecutive words, e.g. {@code system prompt}. */
record Phrase(List<Term> terms) {
    Phrase {
        terms = List.copyOf(terms);
    }

    /** @return the number of words matched, or -1 */
    int matchAt(String[] words, int position) {
        if (position + terms.size() > words.length) {
            return -1;
        }
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).matches(words[position + i])) {
                return -1;
            }
        }
        return terms.size();
    }
}
