package io.monago.atrium.guard.toxicity.model;

import io.monago.atrium.guard.toxicity.category.ToxicityCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Abuse, hate, harassment, threat and sexual terms in English and Indonesian, one to three words
 * each, matched on {@link ToxicityWords}. A single word also matches with a common English or
 * Indonesian suffix ({@code idiots}, {@code anjingnya}). Phrases carry the words that make an
 * ordinary word toxic ({@code kill you}, not {@code kill}), so clinical and everyday text stays clean.
 *
 * <pre>{@code
 * ToxicityLexicon lexicon = ToxicityLexicon.loadDefault();
 * lexicon.find(ToxicityWords.of("i will kill you")); // [Hit[start=2, length=2, category=THREATS, term=kill you]]
 * }</pre>
 */
public final class ToxicityLexicon {
    /** The shipped lexicon: {@code category: term} lines, {@code #} comments. */
    public static final String RESOURCE = "/io/monago/atrium/guard/toxicity/model/toxicity.lexicon";

    static final int MAX_TERM_WORDS = 3;
    private static final String[] SUFFIXES = {"s", "es", "ing", "ed", "er", "ers", "nya", "mu", "lah", "kau"};

    /**
     * One match.
     *
     * @param start index of its first word
     * @param length how many words
     * @param category the term's category
     * @param term the term as written in the lexicon (for features; never logged)
     */
    public record Hit(int start, int length, ToxicityCategory category, String term) {}

    private final Map<String, ToxicityCategory> terms;
    /** First words of terms longer than one word, to skip phrase look-ups for most words. */
    private final Set<String> phraseStarts;

    private ToxicityLexicon(Map<String, ToxicityCategory> terms) {
        this.terms = Map.copyOf(terms);
        Set<String> starts = new HashSet<>();
        for (String term : terms.keySet()) {
            int space = term.indexOf(' ');
            if (space > 0) {
                starts.add(term.substring(0, space));
            }
        }
        this.phraseStarts = Set.copyOf(starts);
    }

    /**
     * The lexicon shipped in the jar.
     *
     * @return the default lexicon
     */
    public static ToxicityLexicon loadDefault() {
        try (InputStream in = ToxicityLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses lexicon text.
     *
     * @param text lines of {@code category: term}
     * @return the lexicon
     * @throws IllegalArgumentException naming the line when a line is malformed
     */
    public static ToxicityLexicon parse(String text) {
        Map<String, ToxicityCategory> terms = new HashMap<>();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("lexicon line " + lineNumber + ": expected 'category: term'");
                }
                String name = trimmed.substring(0, colon).strip();
                ToxicityCategory category = ToxicityCategory.fromWireName(name)
                        .orElseThrow(
                                () -> new IllegalArgumentException("lexicon line unknown category '" + name + "'"));
                String[] words = ToxicityWords.of(trimmed.substring(colon + 1));
                if (words.length == 0 || words.length > MAX_TERM_WORDS) {
                    throw new IllegalArgumentException(
                            "lexicon line " + lineNumber + ": a term has 1 to " + MAX_TERM_WORDS + " words");
                }
                terms.put(String.join(" ", words), category);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ToxicityLexicon(terms);
    }

    /**
     * Finds the terms in some words, longest first at each position.
     *
     * @param words normalised words
     * @return the matches in word order
     */
    public List<Hit> find(String[] words) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            Hit hit = phraseAt(words, i);
            if (hit == null) {
                hit = wordAt(words[i], i);
            }
            if (hit != null) {
                hits.add(hit);
                i += hit.length() - 1;
            }
        }
        return hits;
    }

    private Hit phraseAt(String[] words, int i) {
        if (!phraseStarts.contains(words[i])) {
            return null;
        }
        for (int n = Math.min(MAX_TERM_WORDS, words.length - i); n >= 2; n--) {
            String key = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
            ToxicityCategory category = terms.get(key);
            if (category != null) {
                return new Hit(i, n, category, key);
            }
        }
        return null;
    }

    private Hit wordAt(String word, int i) {
        ToxicityCategory category = terms.get(word);
        if (category != null) {
            return new Hit(i, 1, category, word);
        }
        for (String suffix : SUFFIXES) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                category = terms.get(stem);
                if (category != null) {
                    return new Hit(i, 1, category, stem);
                }
            }
        }
        return null;
    }
}
