package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads lexicon files. Line kinds (see the header of {@code en.lexicon}):
 * <pre>
 * &#64;class = phrase | phrase | ...
 * vocabulary = word word ...
 * clitics = ending ending ...
 * rule &lt;category&gt; &lt;weight&gt; &lt;id&gt; = slot slot ~N slot ...
 * marker &lt;category&gt; &lt;weight&gt; &lt;id&gt; = literal text
 * </pre>
 * Classes are local to their file; rule ids are prefixed with the file's language code.
 */
final class LexiconParser {
    private static final int MIN_KEY = 3;

    private final List<Rule> rules = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final Set<String> words = new HashSet<>();
    private final Set<String> stems = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    /** Every file's clitics, in order of declaration; a term's clitic mask has a bit per index. */
    private final List<String> allClitics = new ArrayList<>();
    /** The clitics of the file being parsed, as a mask over {@link #allClitics}. */
    private int cliticMask;
    /** Every exact term, once: a term's id is its index here. */
    private final List<String> terms = new ArrayList<>();
    /** The first (last) three letters of every stem (ending): what a word finds them by. */
    private final List<String> startKeys = new ArrayList<>();

    private final List<String> endKeys = new ArrayList<>();
    /** Each list's words by position, keyed by the list itself: the lists grow, so they are keys by identity. */
    private final IdentityHashMap<List<String>, Map<String, Integer>> indexes = new IdentityHashMap<>();

    private final Map<String, Set<String>> wordClasses = new HashMap<>();
    private final Map<String, Set<String>> stemClasses = new HashMap<>();
    private final Map<String, List<String>> synonyms = new HashMap<>();

    /**
     * What the files held. {@code wordClasses} maps a one-word class member to the names of its
     * classes; classes of the same name in different languages are one class to the model.
     */
    record Result(
            List<Rule> rules,
            List<Marker> markers,
            Set<String> words,
            List<String> stems,
            Map<String, Set<String>> wordClasses,
            Map<String, Set<String>> stemClasses,
            Map<String, List<String>> synonyms,
            List<String> clitics,
            List<String> terms,
            List<String> startKeys,
            List<String> endKeys) {}

    Result result() {
        return new Result(
                rules,
                markers,
                words,
                List.copyOf(stems),
                wordClasses,
                stemClasses,
                synonyms,
                List.copyOf(allClitics),
                List.copyOf(terms),
                List.copyOf(startKeys),
                List.copyOf(endKeys));
    }

    void parse(String language, String source, List<String> lines) {
        Map<String, List<Phrase>> classes = new HashMap<>();
        cliticMask = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            int lineNo = n + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new LexiconFormatException(source, lineNo, "expected '=' in \"" + line + "\"");
            }
            String head = line.substring(0, equals).strip();
            String body = line.substring(equals + 1).strip();
            if (body.isEmpty()) {
                throw new LexiconFormatException(source, lineNo, "nothing after '='");
            }
            if (head.startsWith("@")) {
                String name = head.substring(1);
                List<Phrase> phrases = new ArrayList<>();
                // -1: a trailing '|' leaves an empty alternative, rejected as a leading or doubled one is.
                for (String alternative : body.split("\\|", -1)) {
                    String trimmed = alternative.strip();
                    if (trimmed.startsWith("@")) {
                        phrases.addAll(Optional.ofNullable(classes.get(trimmed.substring(1)))
                                .orElseThrow(() -> new LexiconFormatException(
                                        source, lineNo, "class " + trimmed + " is not defined above")));
                    } else {
                        phrases.addAll(parsePhrases(new String[] {trimmed}, source, lineNo));
                    }
                }
                classes.put(name, phrases);
                List<String> members = new ArrayList<>();
                for (Phrase phrase : phrases) {
                    Term term = phrase.first();
                    if (phrase.size() == 1 && term.kind() == Term.Kind.EXACT) {
                        wordClasses
                                .computeIfAbsent(term.text(), k -> new HashSet<>())
                                .add(name);
                        members.add(term.text());
                    } else if (phrase.size() == 1
                            && term.kind() == Term.Kind.PREFIX
                            && term.text().length() >= 4) {
                        stemClasses
                                .computeIfAbsent(term.text(), k -> new HashSet<>())
                                .add(name);
                    }
                }
                for (String member : members) {
                    synonyms.computeIfAbsent(language + ":" + member, k -> new ArrayList<>())
                            .addAll(members);
                }
            } else if (head.equals("clitics")) {
                cliticMask = addClitics(TextNormalizer.foldCompatibility(body).split("\\s+", -1), source, lineNo);
            } else if (head.equals("vocabulary")) {
                for (String word : body.split("\\s+", -1)) {
                    addVocabulary(term(TextNormalizer.foldCompatibility(word)));
                }
            } else if (head.startsWith("rule ") || head.startsWith("marker ")) {
                String[] parts = head.split("\\s+", -1);
                if (parts.length != 4) {
                    throw new LexiconFormatException(
                            source, lineNo, "expected '<rule|marker> <category> <weight> <id> = ...'");
                }
                IncidentCategory category = IncidentCategory.fromWire(parts[1])
                        .orElseThrow(() ->
                                new LexiconFormatException(source, lineNo, "unknown category '" + parts[1] + "'"));
                double weight = parseWeight(parts[2], source, lineNo);
                String id = language + "." + parts[3];
                if (!ids.add(id)) {
                    throw new LexiconFormatException(source, lineNo, "duplicate rule id '" + id + "'");
                }
                if (parts[0].equals("marker")) {
                    markers.add(new Marker(id, category, weight, TextNormalizer.foldCompatibility(body)));
                } else {
                    rules.add(new Rule(id, category, weight, parseSlots(body, classes, source, lineNo)));
                }
            } else {
                throw new LexiconFormatException(source, lineNo, "unknown line kind '" + head + "'");
            }
        }
    }

    private List<Slot> parseSlots(String body, Map<String, List<Phrase>> classes, String source, int lineNo) {
        List<Slot> slots = new ArrayList<>();
        int gap = 0;
        for (String token : body.split("\\s+", -1)) {
            if (token.startsWith("~")) {
                gap = parseGap(token, source, lineNo);
                continue;
            }
            boolean optional = token.endsWith("?") && token.length() > 1;
            String spec = optional ? token.substring(0, token.length() - 1) : token;
            if (spec.isEmpty() || spec.startsWith("|") || spec.endsWith("|")) {
                throw new LexiconFormatException(source, lineNo, "empty alternative in '" + token + "'");
            }
            List<Phrase> phrases = new ArrayList<>();
            for (String alternative : spec.split("\\|", -1)) {
                if (alternative.startsWith("@")) {
                    phrases.addAll(Optional.ofNullable(classes.get(alternative.substring(1)))
                            .orElseThrow(() -> new LexiconFormatException(
                                    source, lineNo, "class " + alternative + " is not defined above")));
                } else {
                    phrases.addAll(parsePhrases(new String[] {alternative}, source, lineNo));
                }
            }
            if (slots.isEmpty()) {
                if (optional) {
                    throw new LexiconFormatException(source, lineNo, "the first slot cannot be optional");
                }
                for (Phrase phrase : phrases) {
                    Term first = phrase.first();
                    if (first.kind() != Term.Kind.EXACT && first.text().length() < MIN_KEY) {
                        throw new LexiconFormatException(
                                source,
                                lineNo,
                                "a wildcard in the first slot needs at least " + MIN_KEY + " letters: '" + first.text()
                                        + "'");
                    }
                }
            }
            slots.add(new Slot(phrases, optional, gap));
            gap = 0;
        }
        if (slots.isEmpty()) {
            throw new LexiconFormatException(source, lineNo, "a rule needs at least one slot");
        }
        return slots;
    }

    private List<Phrase> parsePhrases(String[] alternatives, String source, int lineNo) {
        List<Phrase> phrases = new ArrayList<>();
        for (String alternative : alternatives) {
            String folded = TextNormalizer.foldCompatibility(alternative.strip());
            if (folded.isEmpty()) {
                throw new LexiconFormatException(source, lineNo, "empty alternative");
            }
            List<Term> terms = new ArrayList<>();
            for (String word : folded.split("[\\s_]+", -1)) {
                if (word.isEmpty()) {
                    throw new LexiconFormatException(source, lineNo, "empty word in '" + alternative.strip() + "'");
                }
                Term term = term(word);
                terms.add(term);
                addVocabulary(term);
            }
            phrases.add(new Phrase(terms));
        }
        return phrases;
    }

    /** Parses {@code word}, {@code stem*} or {@code *ending}; an exact term gets its id and the file's clitics. */
    private Term term(String spec) {
        if (spec.length() > 1 && spec.endsWith("*")) {
            String stem = spec.substring(0, spec.length() - 1);
            int key = stem.length() < Term.KEY_LENGTH ? -1 : intern(startKeys, stem.substring(0, Term.KEY_LENGTH));
            return new Term(stem, Term.Kind.PREFIX, -1, 0, key);
        }
        if (spec.length() > 1 && spec.startsWith("*")) {
            String ending = spec.substring(1);
            int key = ending.length() < Term.KEY_LENGTH
                    ? -1
                    : intern(endKeys, ending.substring(ending.length() - Term.KEY_LENGTH));
            return new Term(ending, Term.Kind.SUFFIX, -1, 0, key);
        }
        return new Term(spec, Term.Kind.EXACT, intern(terms, spec), cliticMask, -1);
    }

    /** The index of {@code word} in {@code list}, added at the end when it is new. */
    private int intern(List<String> list, String word) {
        Map<String, Integer> index = indexes.computeIfAbsent(list, k -> new HashMap<>());
        return index.computeIfAbsent(word, k -> {
            list.add(k);
            return list.size() - 1;
        });
    }

    /**
     * Adds a file's clitics. A word is matched without the one clitic it ends in, so no clitic may
     * end another (the engine would not know which to take off).
     */
    private int addClitics(String[] declared, String source, int lineNo) {
        int mask = 0;
        for (String clitic : declared) {
            for (String other : allClitics) {
                if (!other.equals(clitic) && (other.endsWith(clitic) || clitic.endsWith(other))) {
                    throw new LexiconFormatException(
                            source,
                            lineNo,
                            "clitic '" + clitic + "' and '" + other + "' end alike; a word could carry either");
                }
            }
            if (!allClitics.contains(clitic)) {
                if (allClitics.size() == Integer.SIZE) {
                    throw new LexiconFormatException(source, lineNo, "more than " + Integer.SIZE + " clitics");
                }
                allClitics.add(clitic);
            }
            mask |= 1 << allClitics.indexOf(clitic);
        }
        return mask;
    }

    private void addVocabulary(Term term) {
        if (term.kind() == Term.Kind.EXACT) {
            words.add(term.text());
        } else if (term.kind() == Term.Kind.PREFIX && term.text().length() >= 4) {
            stems.add(term.text());
        }
    }

    private static int parseGap(String token, String source, int lineNo) {
        try {
            int gap = Integer.parseInt(token.substring(1));
            if (gap < 0 || gap > 12) {
                throw new LexiconFormatException(source, lineNo, "gap must be between 0 and 12: " + token);
            }
            return gap;
        } catch (NumberFormatException e) {
            throw new LexiconFormatException(source, lineNo, "bad gap '" + token + "', expected ~N");
        }
    }

    private static double parseWeight(String text, String source, int lineNo) {
        try {
            double weight = Double.parseDouble(text);
            if (weight < 0 || weight > 1) {
                throw new LexiconFormatException(source, lineNo, "weight must be in [0, 1]: " + text);
            }
            return weight;
        } catch (NumberFormatException e) {
            throw new LexiconFormatException(source, lineNo, "bad weight '" + text + "'");
        }
    }
}
