package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attack phrasing of every configured language, as rules over normalised words. Each language
 * is one data file, {@code lexicon/<code>.lexicon} on the classpath, listed in
 * {@code lexicon/languages.txt}; adding a language is adding a file and a line (the format is
 * described at the top of {@code en.lexicon}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Lexicon lexicon = Lexicon.load();                   // every language listed
 * List<RuleHit> hits = lexicon.match(normalizedText);
 * }</pre>
 */
public final class Lexicon {
    static final String DIRECTORY = "/io/monago/atrium/guard/security/lexicon/";
    private static final int KEY_LENGTH = 3;
    private static final int KEY_BITS = 1 << 12;
    private final java.util.BitSet startKeys = new java.util.BitSet(KEY_BITS);
    private final java.util.BitSet endKeys = new java.util.BitSet(KEY_BITS);

    private final List<Rule> rules;
    private final List<Marker> markers;
    private final Map<String, int[]> byWord;
    private final Map<String, int[]> byAnchor;
    private final java.util.BitSet alwaysTried = new java.util.BitSet();
    private final Map<String, int[]> byStart;
    private final Map<String, int[]> byEnd;
    private final Vocabulary vocabulary;
    private final List<String> languages;
    private final Map<String, int[]> wordClasses;
    private final Map<String, List<Map.Entry<String, int[]>>> stemClassesByStart = new HashMap<>();
    private static final int STEM_KEY = 4;
    private final Map<String, List<String>> synonyms;
    private final List<String> clitics;
    /** The last letters of the clitics: a word ending otherwise carries none. */
    private final String cliticEnds;
    private static final int[] NO_CLASS = new int[0];

    private Lexicon(List<String> languages, LexiconParser.Result parsed) {
        this.languages = List.copyOf(languages);
        this.rules = List.copyOf(parsed.rules());
        this.markers = List.copyOf(parsed.markers());
        Map<String, List<Integer>> exact = new HashMap<>();
        Map<String, List<Integer>> start = new HashMap<>();
        Map<String, List<Integer>> end = new HashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Phrase phrase : rules.get(r).slots().get(0).phrases()) {
                Term first = phrase.first();
                switch (first.kind()) {
                    case PREFIX:
                        add(start, first.text().substring(0, KEY_LENGTH), r);
                        break;
                    case SUFFIX:
                        add(end, first.text().substring(first.text().length() - KEY_LENGTH), r);
                        break;
                    default:
                        add(exact, first.text(), r);
                }
            }
        }
        // Each rule's rarest required slot after the first is its anchor: a text without any of the
        // anchor's words cannot match, so the rule is not tried at all (most rules, most texts).
        Map<String, List<Integer>> anchors = new HashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            java.util.Set<String> anchor = null;
            for (int k = 1; k < rules.get(r).slots().size(); k++) {
                Slot slot = rules.get(r).slots().get(k);
                java.util.Set<String> words = slot.optional() ? null : slot.anchorWords();
                if (words != null && (anchor == null || words.size() < anchor.size())) {
                    anchor = words;
                }
            }
            if (anchor == null) {
                alwaysTried.set(r);
            } else {
                for (String word : anchor) {
                    add(anchors, word, r);
                }
            }
        }
        this.byAnchor = freeze(anchors);
        this.byWord = freeze(exact);
        this.byStart = freeze(start);
        this.byEnd = freeze(end);
        start.keySet().forEach(key -> startKeys.set(keyHash(key, 0)));
        end.keySet().forEach(key -> endKeys.set(keyHash(key, 0)));
        this.vocabulary = new Vocabulary(parsed.words(), parsed.stems());
        this.wordClasses = classIds(parsed.wordClasses());
        classIds(parsed.stemClasses()).forEach((stem, ids) -> stemClassesByStart
                .computeIfAbsent(stem.substring(0, STEM_KEY), k -> new ArrayList<>()).add(Map.entry(stem, ids)));
        Map<String, List<String>> synonymCopy = new HashMap<>();
        parsed.synonyms().forEach((word, list) -> synonymCopy.put(word, List.copyOf(list)));
        this.synonyms = Map.copyOf(synonymCopy);
        this.clitics = List.copyOf(parsed.clitics());
        StringBuilder ends = new StringBuilder();
        for (String clitic : clitics) {
            ends.append(clitic.charAt(clitic.length() - 1));
        }
        this.cliticEnds = ends.toString();
    }

    /**
     * Words that share a class with a word in one language's file ({@code en}: ignore, disregard,
     * forget, ...). The training program uses them to paraphrase its examples.
     *
     * @param language a lexicon file name, e.g. {@code en}
     * @param word a folded word
     * @return the words of its classes in that file (the word itself included), empty when none
     */
    public List<String> synonyms(String language, String word) {
        return synonyms.getOrDefault(language + ":" + word, List.of());
    }

    private static Map<String, int[]> classIds(Map<String, Set<String>> classes) {
        Map<String, int[]> ids = new HashMap<>();
        classes.forEach((word, names) -> ids.put(word, names.stream().sorted().mapToInt(String::hashCode).toArray()));
        return Map.copyOf(ids);
    }

    /**
     * Loads every language listed in {@code lexicon/languages.txt}.
     *
     * @return the lexicon
     * @throws LexiconFormatException when a file is malformed
     */
    public static Lexicon load() {
        List<String> languages = new ArrayList<>();
        for (String line : readLines(DIRECTORY + "languages.txt")) {
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("#")) {
                languages.add(code);
            }
        }
        return load(languages);
    }

    /**
     * Loads some languages.
     *
     * @param languages file names without extension, e.g. {@code ["common", "en", "id"]}
     * @return the lexicon
     * @throws LexiconFormatException when a file is malformed
     * @throws IllegalStateException when a language has no file
     */
    public static Lexicon load(List<String> languages) {
        LexiconParser parser = new LexiconParser();
        for (String language : languages) {
            String resource = DIRECTORY + language + ".lexicon";
            parser.parse(language, resource, readLines(resource));
        }
        return new Lexicon(languages, parser.result());
    }

    /**
     * The languages loaded.
     *
     * @return their codes, in load order
     */
    public List<String> languages() {
        return languages;
    }

    /**
     * The number of rules and markers.
     *
     * @return how many rules were loaded
     */
    public int size() {
        return rules.size() + markers.size();
    }

    /**
     * The attack vocabulary: every word the rules use.
     *
     * @return the vocabulary, for {@link io.monago.atrium.guard.security.text.TextNormalizer}
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * Finds every rule that matches. Candidate rules are found by a hash lookup of each word, so a
     * text costs a few lookups per word however many rules there are.
     *
     * @param text a normalised text
     * @return the hits, in text order
     */
    public List<RuleHit> match(NormalizedText text) {
        String[] words = text.copyOfWords();
        String[] bases = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            bases[i] = withoutClitic(words[i]);
        }
        Rule.Words indexed = new Rule.Words(words, bases);
        java.util.BitSet possible = (java.util.BitSet) alwaysTried.clone();
        for (int i = 0; i < words.length; i++) {
            markPossible(byAnchor.get(words[i]), possible);
            if (bases[i] != null) {
                markPossible(byAnchor.get(bases[i]), possible);
            }
        }
        List<RuleHit> hits = new ArrayList<>();
        int[] lastStart = new int[rules.size()];
        Arrays.fill(lastStart, -1);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            tryRules(byWord.get(word), indexed, i, possible, lastStart, hits);
            if (bases[i] != null) {
                tryRules(byWord.get(bases[i]), indexed, i, possible, lastStart, hits);
            }
            int length = word.length();
            if (length >= KEY_LENGTH) {
                // A bit per key hash: most words start and end with no stem's letters, and skip the lookups.
                if (startKeys.get(keyHash(word, 0))) {
                    tryRules(byStart.get(word.substring(0, KEY_LENGTH)), indexed, i, possible, lastStart, hits);
                }
                if (endKeys.get(keyHash(word, length - KEY_LENGTH))) {
                    tryRules(byEnd.get(word.substring(length - KEY_LENGTH)), indexed, i, possible, lastStart, hits);
                }
            }
        }
        if (!markers.isEmpty()) {
            String folded = text.folded();
            for (Marker marker : markers) {
                int at = folded.indexOf(marker.literal());
                if (at >= 0) {
                    int word = wordIndexAt(folded, at);
                    hits.add(new RuleHit(marker.id(), marker.category(), marker.weight(), word, word + 1));
                }
            }
        }
        return hits;
    }

    /**
     * The word classes ({@code @override}, {@code @directive}, ...) of each word, as stable ids (the
     * hash code of the class name). Classes of the same name in different languages share an id,
     * which is what lets the model carry what it learned in one language to another.
     *
     * @param words normalised words
     * @return per word, the ids of its classes (an empty array for most words)
     */
    public int[][] classesOf(String[] words) {
        int[][] classes = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            int[] ids = wordClasses.get(words[i]);
            if (ids == null && !clitics.isEmpty()) {
                String base = withoutClitic(words[i]);
                ids = base == null ? null : wordClasses.get(base);
            }
            if (ids == null && words[i].length() >= STEM_KEY) {
                List<Map.Entry<String, int[]>> stems = stemClassesByStart.get(words[i].substring(0, STEM_KEY));
                for (int k = 0; stems != null && ids == null && k < stems.size(); k++) {
                    if (words[i].startsWith(stems.get(k).getKey())) {
                        ids = stems.get(k).getValue();
                    }
                }
            }
            classes[i] = ids == null ? NO_CLASS : ids;
        }
        return classes;
    }

    /** The word without the clitic it ends in, or null when it ends in none. */
    private String withoutClitic(String word) {
        if (word.isEmpty() || cliticEnds.indexOf(word.charAt(word.length() - 1)) < 0) {
            return null;
        }
        for (String clitic : clitics) {
            if (word.length() > clitic.length() + 2 && word.endsWith(clitic)) {
                return word.substring(0, word.length() - clitic.length());
            }
        }
        return null;
    }

    private static void markPossible(int[] rulesAnchored, java.util.BitSet possible) {
        if (rulesAnchored != null) {
            for (int r : rulesAnchored) {
                possible.set(r);
            }
        }
    }

    private void tryRules(int[] candidates, Rule.Words words, int position, java.util.BitSet possible, int[] lastStart,
                          List<RuleHit> hits) {
        if (candidates == null) {
            return;
        }
        for (int r : candidates) {
            if (lastStart[r] == position || !possible.get(r)) {
                continue;
            }
            Rule rule = rules.get(r);
            int end = rule.matchAt(words, position);
            if (end >= 0) {
                lastStart[r] = position;
                hits.add(new RuleHit(rule.id(), rule.category(), rule.weight(), position, end));
            }
        }
    }

    /** The index of the word a folded-text offset falls in (counting word starts before it). */
    private static int wordIndexAt(String folded, int offset) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < offset; i++) {
            boolean wordChar = Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
        }
        return Math.max(0, inWord ? words - 1 : words);
    }

    private static int keyHash(String text, int from) {
        return ((text.charAt(from) * 31 + text.charAt(from + 1)) * 31 + text.charAt(from + 2)) & (KEY_BITS - 1);
    }

    private static void add(Map<String, List<Integer>> index, String key, int rule) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> index) {
        Map<String, int[]> frozen = new HashMap<>();
        index.forEach((key, list) -> frozen.put(key, list.stream().distinct().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(frozen);
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
