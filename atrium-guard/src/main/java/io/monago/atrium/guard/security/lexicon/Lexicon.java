package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.TextNormalizer;
import io.monago.atrium.guard.security.text.Vocabulary;
import io.monago.atrium.guard.security.text.WordTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The attack phrasing of every configured language, as rules over normalised words. Each language
 * is one data file, {@code lexicon/<code>.lexicon} on the classpath, listed in
 * {@code lexicon/languages.txt}; adding a language is adding a file and a line (the format is
 * described at the top of {@code en.lexicon}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Lexicon lexicon = Lexicon.load();                   // every language listed
 * TermSequence words = lexicon.terms(normalizedText);   // each word looked up once
 * List<RuleHit> hits = lexicon.match(words);
 * }</pre>
 */
public final class Lexicon {
    static final String DIRECTORY = "/io/monago/atrium/guard/security/lexicon/";
    private static final int KEY_LENGTH = Term.KEY_LENGTH;
    /** Three chars' low five bits each: exact for lower-case letters, a superset for the rest. */
    private static final int KEY_BITS = 1 << 15;

    private static final int STEM_KEY = 4;
    private static final int[] NO_CLASS = new int[0];
    private static final int[] NO_RULES = new int[0];
    private static final int UNBOUNDED = Integer.MAX_VALUE / 2;
    private static final String FUNCTION_WORDS = "/io/monago/atrium/guard/security/function-words.txt";
    private static final int COMMON_WORD_COST = 100;

    private final List<Rule> rules;
    private final List<Marker> markers;
    private final List<String> languages;
    private final Vocabulary vocabulary;
    private final Map<String, List<String>> synonyms;
    /** Every exact term of every file; a term's id is its index. */
    private final WordTable terms;
    /** Per term id: the rules whose first slot can start with it. */
    private final int[][] rulesByTerm;
    /** Per term id (stem key, ending key): the rules it anchors (see the constructor). */
    private final int[][] anchoredByTerm;

    private final int[][] anchoredByStartKey;
    private final int[][] anchoredByEndKey;
    /** Per term id: whether a rule starts with it or is anchored by it (a word that matters to matching). */
    private final boolean[] startsOrAnchors;
    /** Per rule: how many words after its start its anchor can be at most; unbounded for rules without one. */
    private final int[] anchorReach;
    /**
     * The first (last) three letters of every stem (ending) of every slot, so that each word is
     * looked up once; and the rules whose first slot starts with them, by key id.
     */
    private final WordTable startKeys;

    private final int[][] rulesByStartKey;
    private final WordTable endKeys;
    private final int[][] rulesByEndKey;
    /** A bit per key of three letters: most words start and end with no stem's letters, and skip the lookups. */
    private final BitSet startKeyBits = new BitSet(KEY_BITS);

    private final BitSet endKeyBits = new BitSet(KEY_BITS);
    /** Per term id: its class ids, or null. */
    private final int[][] classesByTerm;
    /** Stems with classes, by their first four letters, each with its class ids; a bit per hash of their first three. */
    private final BitSet stemKeyBits = new BitSet(KEY_BITS);

    private final WordTable stemKeys;
    private final String[][] stemsByKey;
    private final int[][][] stemClassesByKey;
    private final String[] clitics;
    /** The last letters of the clitics (a word ending otherwise carries none), with a bit per ASCII letter. */
    private final String cliticEnds;

    private final long cliticEndsLow;
    private final long cliticEndsHigh;

    private Lexicon(List<String> languages, LexiconParser.Result parsed) {
        this.languages = List.copyOf(languages);
        this.rules = List.copyOf(parsed.rules());
        this.markers = List.copyOf(parsed.markers());
        this.terms = WordTable.of(parsed.terms());
        int termCount = terms.size();
        List<List<Integer>> byTerm = lists(termCount);
        List<List<Integer>> start = lists(parsed.startKeys().size());
        List<List<Integer>> end = lists(parsed.endKeys().size());
        for (int r = 0; r < rules.size(); r++) {
            for (Phrase phrase : rules.get(r).slots().get(0).phrases()) {
                Term first = phrase.first();
                switch (first.kind()) {
                    case PREFIX -> start.get(first.key()).add(r);
                    case SUFFIX -> end.get(first.key()).add(r);
                    default -> byTerm.get(first.id()).add(r);
                }
            }
        }
        // Each rule's rarest required slot after the first is its anchor: where none of the anchor's
        // words follows within the rule's reach, the rule cannot match and is not tried (most rules,
        // most positions). Rarest: fewest words, function words ("the", "yang") counting as many; an
        // anchor no rarer than the first slot's words would only add work.
        Set<String> functionWords = functionWords();
        List<List<Integer>> anchors = lists(termCount);
        List<List<Integer>> startAnchors = lists(parsed.startKeys().size());
        List<List<Integer>> endAnchors = lists(parsed.endKeys().size());
        this.anchorReach = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            Slot.Anchors anchor = null;
            int anchorSlot = -1;
            for (int k = 1; k < rules.get(r).slots().size(); k++) {
                Slot slot = rules.get(r).slots().get(k);
                Slot.Anchors candidate = slot.optional() ? null : slot.anchors();
                if (candidate != null
                        && (anchor == null || cost(candidate, functionWords) < cost(anchor, functionWords))) {
                    anchor = candidate;
                    anchorSlot = k;
                }
            }
            Slot.Anchors first = rules.get(r).slots().get(0).anchors();
            if (anchor == null || (first != null && cost(anchor, functionWords) >= cost(first, functionWords))) {
                // No anchor, or none rarer than the rule's first word: tried wherever that word is.
                anchorReach[r] = UNBOUNDED;
            } else {
                anchorReach[r] = rules.get(r).reach(anchorSlot);
                for (int term : anchor.terms()) {
                    anchors.get(term).add(r);
                }
                for (int key : anchor.startKeys()) {
                    startAnchors.get(key).add(r);
                }
                for (int key : anchor.endKeys()) {
                    endAnchors.get(key).add(r);
                }
            }
        }
        this.rulesByTerm = freeze(byTerm);
        this.anchoredByTerm = freeze(anchors);
        this.anchoredByStartKey = freeze(startAnchors);
        this.anchoredByEndKey = freeze(endAnchors);
        this.startsOrAnchors = new boolean[termCount];
        for (int t = 0; t < termCount; t++) {
            startsOrAnchors[t] = rulesByTerm[t].length > 0 || anchoredByTerm[t].length > 0;
        }
        if (parsed.startKeys().size() >= TermSequence.MAX_KEYS
                || parsed.endKeys().size() >= TermSequence.MAX_KEYS) {
            throw new IllegalStateException("more than " + TermSequence.MAX_KEYS + " stem keys");
        }
        this.startKeys = WordTable.of(parsed.startKeys());
        this.rulesByStartKey = freeze(start);
        this.endKeys = WordTable.of(parsed.endKeys());
        this.rulesByEndKey = freeze(end);
        parsed.startKeys().forEach(key -> startKeyBits.set(keyHash(key, 0)));
        parsed.endKeys().forEach(key -> endKeyBits.set(keyHash(key, 0)));
        this.vocabulary = new Vocabulary(parsed.words(), parsed.stems());
        this.classesByTerm = new int[termCount][];
        classIds(parsed.wordClasses()).forEach((word, ids) -> classesByTerm[terms.find(word)] = ids);
        Map<String, List<String>> stems = new TreeMap<>();
        Map<String, int[]> stemClasses = classIds(parsed.stemClasses());
        new TreeMap<>(stemClasses)
                .keySet()
                .forEach(stem -> stems.computeIfAbsent(stem.substring(0, STEM_KEY), k -> new ArrayList<>())
                        .add(stem));
        this.stemKeys = WordTable.of(List.copyOf(stems.keySet()));
        stems.keySet().forEach(key -> stemKeyBits.set(keyHash(key, 0)));
        this.stemsByKey =
                stems.values().stream().map(list -> list.toArray(new String[0])).toArray(String[][]::new);
        this.stemClassesByKey = new int[stemsByKey.length][][];
        for (int k = 0; k < stemsByKey.length; k++) {
            stemClassesByKey[k] =
                    Arrays.stream(stemsByKey[k]).map(stemClasses::get).toArray(int[][]::new);
        }
        Map<String, List<String>> synonymCopy = new HashMap<>();
        parsed.synonyms().forEach((word, list) -> synonymCopy.put(word, List.copyOf(list)));
        this.synonyms = Map.copyOf(synonymCopy);
        this.clitics = parsed.clitics().toArray(new String[0]);
        StringBuilder ends = new StringBuilder();
        for (String clitic : clitics) {
            ends.append(clitic.charAt(clitic.length() - 1));
        }
        this.cliticEnds = ends.toString();
        long low = 0;
        long high = 0;
        for (int i = 0; i < cliticEnds.length(); i++) {
            char c = cliticEnds.charAt(i);
            if (c < 64) {
                low |= 1L << c;
            } else if (c < 128) {
                high |= 1L << (c - 64);
            }
        }
        this.cliticEndsLow = low;
        this.cliticEndsHigh = high;
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
        classes.forEach((word, names) ->
                ids.put(word, names.stream().sorted().mapToInt(String::hashCode).toArray()));
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
     * Every exact term of every rule and class, in the order of their ids.
     *
     * @return the terms; a word's term id (see {@link #terms(NormalizedText, int[])}) is its index here
     */
    public List<String> termWords() {
        List<String> words = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            words.add(terms.word(i));
        }
        return words;
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
     * Finds every rule that matches. Candidate rules are found by a lookup of each word's term, so a
     * text costs a few lookups per word however many rules there are.
     *
     * @param text a normalised text
     * @return the hits, in text order
     */
    public List<RuleHit> match(NormalizedText text) {
        return match(terms(text));
    }

    /**
     * Finds every rule that matches words already looked up.
     *
     * @param words the words of a text, from {@link #terms}
     * @return the hits: rules in text order, then markers
     */
    public List<RuleHit> match(TermSequence words) {
        // Backwards, so that each rule knows where its anchor next occurs when it is tried.
        int[] nextAnchor = new int[rules.size()];
        Arrays.fill(nextAnchor, UNBOUNDED);
        int[] lastStart = new int[rules.size()];
        Arrays.fill(lastStart, -1);
        List<RuleHit> hits = new ArrayList<>();
        NormalizedText text = words.text();
        int[] active = words.active();
        for (int a = words.activeCount() - 1; a >= 0; a--) {
            int i = active[a];
            int before = hits.size();
            int term = words.term(i);
            int base = words.base(i);
            tryRules(rulesOf(term), words, i, nextAnchor, lastStart, hits);
            tryRules(rulesOf(base), words, i, nextAnchor, lastStart, hits);
            int startKey = words.startKey(i);
            tryRules(startKey < 0 ? NO_RULES : rulesByStartKey[startKey], words, i, nextAnchor, lastStart, hits);
            int endKey = words.endKey(i);
            tryRules(endKey < 0 ? NO_RULES : rulesByEndKey[endKey], words, i, nextAnchor, lastStart, hits);
            if (hits.size() - before > 1) {
                Collections.reverse(hits.subList(before, hits.size()));
            }
            markAnchor(anchoredByTerm, term, i, nextAnchor);
            markAnchor(anchoredByTerm, base, i, nextAnchor);
            markAnchor(anchoredByStartKey, startKey, i, nextAnchor);
            markAnchor(anchoredByEndKey, endKey, i, nextAnchor);
        }
        Collections.reverse(hits);
        for (Marker marker : markers) {
            int at = text.indexOf(marker.literal());
            if (at >= 0) {
                int word = text.wordAt(at);
                hits.add(new RuleHit(marker.id(), marker.category(), marker.weight(), word, word + 1));
            }
        }
        return hits;
    }

    /**
     * Looks every word of a text up: its term, its term without a clitic, its word classes.
     *
     * @param text a normalised text
     * @return the words as the lexicon knows them
     */
    public TermSequence terms(NormalizedText text) {
        int[] term = new int[text.wordCount()];
        for (int i = 0; i < term.length; i++) {
            term[i] = text.lookUp(terms, i);
        }
        return terms(text, term);
    }

    /**
     * Looks every word of a text up, given the term each word is: for a caller that looks words up
     * in one table of its own (for several stages at once) rather than word by word in each.
     *
     * @param text a normalised text
     * @param termIds per word, its index in {@link #termWords()}, or -1; kept, not copied
     * @return the words as the lexicon knows them
     */
    public TermSequence terms(NormalizedText text, int[] termIds) {
        int n = text.wordCount();
        if (termIds.length != n) {
            throw new IllegalArgumentException(termIds.length + " term ids for " + n + " words");
        }
        int[] cliticForms = new int[n];
        int[] keys = new int[n];
        int[][] classes = new int[n][];
        int[] active = new int[Math.min(n, 16)];
        int activeCount = 0;
        for (int i = 0; i < n; i++) {
            int end = text.wordEnd(i);
            int length = end - text.wordStart(i);
            boolean matters = termIds[i] >= 0 && startsOrAnchors[termIds[i]];
            // Its first three letters, five bits each: what stems and endings are prefiltered by.
            int startHash = length >= KEY_LENGTH ? keyHash(text, text.wordStart(i)) : 0;
            if (length >= KEY_LENGTH) {
                int startKey = startKeyBits.get(startHash) ? text.lookUpStart(startKeys, i, KEY_LENGTH) : -1;
                int endKey =
                        endKeyBits.get(keyHash(text, end - KEY_LENGTH)) ? text.lookUpEnd(endKeys, i, KEY_LENGTH) : -1;
                if (startKey >= 0 || endKey >= 0) {
                    keys[i] = TermSequence.keys(startKey, endKey);
                    matters = true;
                }
            }
            int base = -1;
            char last = text.charAt(end - 1);
            if (mayEndInClitic(last)) {
                for (int c = 0; c < clitics.length; c++) {
                    String ending = clitics[c];
                    if (ending.charAt(ending.length() - 1) == last
                            && length > ending.length()
                            && text.wordEndsWith(i, ending)) {
                        int withoutClitic = text.lookUpWithout(terms, i, ending.length());
                        boolean longEnough = length > ending.length() + 2;
                        cliticForms[i] = TermSequence.cliticForm(withoutClitic, c, longEnough);
                        base = longEnough ? withoutClitic : -1;
                        matters |= base >= 0 && startsOrAnchors[base];
                        break;
                    }
                }
            }
            int[] ids = termIds[i] < 0 ? null : classesByTerm[termIds[i]];
            if (ids == null && base >= 0) {
                ids = classesByTerm[base];
            }
            if (ids == null && length >= STEM_KEY && stemKeyBits.get(startHash)) {
                ids = stemClasses(text, i);
            }
            classes[i] = ids == null ? NO_CLASS : ids;
            if (matters) {
                if (activeCount == active.length) {
                    active = Arrays.copyOf(active, activeCount * 2);
                }
                active[activeCount++] = i;
            }
        }
        return new TermSequence(text, termIds, cliticForms, keys, classes, active, activeCount);
    }

    private int[] stemClasses(NormalizedText text, int word) {
        int key = text.lookUpStart(stemKeys, word, STEM_KEY);
        if (key < 0) {
            return null;
        }
        String[] stems = stemsByKey[key];
        for (int k = 0; k < stems.length; k++) {
            if (text.wordStartsWith(word, stems[k])) {
                return stemClassesByKey[key][k];
            }
        }
        return null;
    }

    /**
     * The word classes ({@code @override}, {@code @directive}, ...) of each word, as stable ids (the
     * hash code of the class name). Classes of the same name in different languages share an id,
     * which is what lets the model carry what it learned in one language to another.
     *
     * @param words normalised words (runs of letters and digits)
     * @return per word, the ids of its classes (an empty array for most words)
     */
    public int[][] classesOf(String[] words) {
        return terms(NormalizedText.ofWords(words)).classes();
    }

    private boolean mayEndInClitic(char last) {
        return last < 64
                ? (cliticEndsLow >>> last & 1) != 0
                : last < 128 ? (cliticEndsHigh >>> (last - 64) & 1) != 0 : cliticEnds.indexOf(last) >= 0;
    }

    private int[] rulesOf(int term) {
        return term < 0 ? NO_RULES : rulesByTerm[term];
    }

    private static void markAnchor(int[][] anchored, int id, int position, int[] nextAnchor) {
        if (id >= 0) {
            for (int r : anchored[id]) {
                nextAnchor[r] = position;
            }
        }
    }

    private void tryRules(
            int[] candidates, TermSequence words, int position, int[] nextAnchor, int[] lastStart, List<RuleHit> hits) {
        for (int r : candidates) {
            if (lastStart[r] == position
                    || (anchorReach[r] != UNBOUNDED && nextAnchor[r] - position > anchorReach[r])) {
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

    private static int keyHash(CharSequence text, int from) {
        return ((text.charAt(from) & 31) << 10) | ((text.charAt(from + 1) & 31) << 5) | (text.charAt(from + 2) & 31);
    }

    /** How often an anchor's words may be expected in a text: function words weigh as a hundred others. */
    private int cost(Slot.Anchors anchor, Set<String> functionWords) {
        int cost = anchor.size();
        for (int term : anchor.terms()) {
            cost += functionWords.contains(terms.word(term)) ? COMMON_WORD_COST : 0;
        }
        return cost;
    }

    /** The function words of the languages the guard reads (a resource shared with the suffix detector). */
    private static Set<String> functionWords() {
        Set<String> words = new HashSet<>();
        for (String line : readLines(FUNCTION_WORDS)) {
            if (!line.startsWith("#")) {
                for (String word : line.strip().split("\\s+", -1)) {
                    if (!word.isEmpty()) {
                        words.add(TextNormalizer.foldCompatibility(word));
                    }
                }
            }
        }
        return words;
    }

    private static List<List<Integer>> lists(int count) {
        List<List<Integer>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static int[][] freeze(List<List<Integer>> lists) {
        int[][] frozen = new int[lists.size()][];
        for (int i = 0; i < frozen.length; i++) {
            frozen[i] = lists.get(i).isEmpty()
                    ? NO_RULES
                    : lists.get(i).stream()
                            .distinct()
                            .mapToInt(Integer::intValue)
                            .toArray();
        }
        return frozen;
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
