package io.monago.atrium.guard.security;

import io.monago.atrium.guard.security.decode.PayloadDecoder;
import io.monago.atrium.guard.security.lexicon.Lexicon;
import io.monago.atrium.guard.security.model.LinearModel;
import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.WordTable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every word some stage looks up, in one table: the lexicon's terms, the model's frequent words
 * and the attack vocabulary rotated by 13. A text's words are looked up here once, and each stage
 * reads its own id from the answer (a lookup is most of what a stage spends on an ordinary word).
 * Immutable.
 */
final class KnownWords {
    /** Rotated words shorter than this are too common by chance to count. */
    static final int MIN_ROT13_WORD = 4;

    private final WordTable table;
    private final int[] termIds;
    private final int[] frequentIds;
    /** Per entry: an attack word rotated by 13, and not itself an attack word. */
    private final boolean[] rotated;

    KnownWords(Lexicon lexicon, LinearModel model) {
        Map<String, int[]> ids = new TreeMap<>();
        List<String> terms = lexicon.termWords();
        for (int t = 0; t < terms.size(); t++) {
            entry(ids, terms.get(t))[0] = t;
        }
        List<String> frequent = model == null ? List.of() : model.frequentWords();
        for (int f = 0; f < frequent.size(); f++) {
            entry(ids, frequent.get(f))[1] = f;
        }
        for (String word : lexicon.vocabulary().words()) {
            String rot13 = PayloadDecoder.rot13(word);
            if (rot13.length() >= MIN_ROT13_WORD && !lexicon.vocabulary().containsWord(rot13)) {
                entry(ids, rot13)[2] = 1;
            }
        }
        this.table = WordTable.of(List.copyOf(ids.keySet()));
        this.termIds = ids.values().stream().mapToInt(v -> v[0]).toArray();
        this.frequentIds = ids.values().stream().mapToInt(v -> v[1]).toArray();
        this.rotated = new boolean[ids.size()];
        int e = 0;
        for (int[] v : ids.values()) {
            rotated[e++] = v[2] == 1;
        }
    }

    private static int[] entry(Map<String, int[]> ids, String word) {
        return ids.computeIfAbsent(word, k -> new int[] {-1, -1, 0});
    }

    /** The words of one text, looked up. */
    @SuppressWarnings("ArrayRecordComponent") // per-request scratch arrays, read by index, never compared
    record Lookup(int[] termIds, int[] frequentIds, int rotatedWords) {}

    Lookup lookUp(NormalizedText text) {
        int n = text.wordCount();
        int[] terms = new int[n];
        int[] frequent = new int[n];
        int rotatedWords = 0;
        for (int i = 0; i < n; i++) {
            int e = text.lookUp(table, i);
            if (e < 0) {
                terms[i] = -1;
                frequent[i] = -1;
            } else {
                terms[i] = termIds[e];
                frequent[i] = frequentIds[e];
                rotatedWords += rotated[e] ? 1 : 0;
            }
        }
        return new Lookup(terms, frequent, rotatedWords);
    }
}
