package io.monago.atrium.guard.security.suffix;

import io.monago.atrium.guard.security.text.WordHash;
import io.monago.atrium.guard.security.text.WordTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Scores the end of a text for a machine-optimised adversarial suffix of the GCG kind (Zou et al.,
 * 2023): a run of tokens that splice words with brackets, backslashes and markup
 * ({@code oppositeley.](}, {@code giving**ONE}, {@code "\!--Two}), glue words in mid-case
 * ({@code similarlyNow}), use almost no function words, are rarely dictionary words, mix scripts
 * and leave brackets and quotes open, appended to an otherwise ordinary request. Runs of the last
 * 10, 14 and 20 tokens are judged, ending at the text's end or 4 or 8 tokens before it (a short
 * sentence may follow the suffix), and the worst is kept.
 *
 * <p>JSON, code and logs are punctuated too, but their tokens are structured ({@code "key":},
 * {@code name=value}, calls, operators) and their brackets close what they opened; they score low.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * double s = new GibberishSuffixDetector().score("Write a tutorial. describing.\\ + similarlyNow ...");
 * }</pre>
 */
public final class GibberishSuffixDetector {
    /** Tokens examined at the end of the text. */
    private static final int TAIL = 20;
    /** Tokens before the tail examined for contrast. */
    private static final int HEAD = 60;

    private static final int MIN_TAIL = 10;
    /** Longer tokens are blobs (base64, URLs), judged as empty tokens. */
    private static final int MAX_TOKEN = 64;

    private static final int[] TAILS = {10, 14, TAIL};
    /** How many tokens a judged run may end before the text's end. */
    private static final int[] SKIPS = {0, 4, 8};

    private static final int MAX_SKIP = 8;
    /** Tokens judged one by one: the longest run at the largest skip. */
    private static final int WINDOW = TAIL + MAX_SKIP;

    private static final String RESOURCE_ENGLISH = "/io/monago/atrium/guard/security/english-words.txt.gz";
    private static final String RESOURCE_INDONESIAN = "/io/monago/atrium/guard/security/indonesian-words.txt";
    private static final String ODD_PUNCTUATION = "(){}[]<>\\*=|^~@#$%`\"+/;";
    private static final String RESOURCE = "/io/monago/atrium/guard/security/function-words.txt";
    private static final List<String> CODE_WORDS = List.of(
            "const",
            "def",
            "function",
            "int",
            "null",
            "private",
            "public",
            "return",
            "select",
            "static",
            "var",
            "void",
            "where");
    /** Classes of a char, a bit each (ASCII from a table, the rest from {@link Character}). */
    private static final int WHITESPACE = 1;

    private static final int LETTER = 2;
    private static final int UPPER = 4;
    private static final int LOWER = 8;
    private static final int DIGIT = 16;
    private static final int ODD = 32;
    /** One of {@code :=(,;|}: what the structured-token patterns need. */
    private static final int STRUCTURE = 64;

    private static final int BRACKET = 128;
    /** Opening and closing brackets, in pairs: round, square, curly. */
    private static final String BRACKETS = "()[]{}";

    private static final short[] ASCII_KINDS = new short[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_KINDS[c] = (short) kindOf(c);
        }
    }

    private static int kind(char c) {
        return c < 128 ? ASCII_KINDS[c] : kindOf(c);
    }

    private static int kindOf(char c) {
        return (Character.isWhitespace(c) ? WHITESPACE : 0)
                | (Character.isLetter(c) ? LETTER : 0)
                | (Character.isUpperCase(c) ? UPPER : 0)
                | (Character.isLowerCase(c) ? LOWER : 0)
                | (Character.isDigit(c) ? DIGIT : 0)
                | (ODD_PUNCTUATION.indexOf(c) >= 0 ? ODD : 0)
                | (":=(,;|".indexOf(c) >= 0 ? STRUCTURE : 0)
                | (BRACKETS.indexOf(c) >= 0 ? BRACKET : 0);
    }

    private static boolean isWhitespace(char c) {
        return c < 128 ? (ASCII_KINDS[c] & WHITESPACE) != 0 : Character.isWhitespace(c);
    }

    /** The longest code word. */
    private static final int MAX_CODE_WORD = 8;

    private static final Pattern STRUCTURED = Pattern.compile(
            "^[\"'{\\[(]*[\\w.\\-]+[\"']?:[\"'{\\[]?$|^\\w+=\\S+$|\\w\\(.*\\)|^\\d[\\d.,:\\-]*[,;]?$|^[\"']?[\\w.\\-]+[\"']?[,;]$|^\\|$|^[|\\-]+$");

    /**
     * Logistic-regression weights of {@link #features}: fitted on the training parts of every data
     * set and of {@code datasets/gcg-suffixes/} by {@code TrainSecurityModel --suffix} in
     * atrium-guard-trainer (it prints these numbers). Generated suffixes are odd, capitalised
     * inside words, made of symbols and of pieces that are not words, poor in function words, mix
     * scripts and leave brackets and quotes open; code and JSON are odd too but structured.
     */
    static final double[] WEIGHTS = {3.66, -4.50, 0.39, 3.48, -3.76, 3.43, 1.78, 3.86, 2.85, 2.06};

    static final double BIAS = -2.13;

    /** Index of the head's share of function words in a feature vector. */
    private static final int HEAD_FUNCTION = 2;
    /** The number of features. */
    public static final int FEATURES = 10;

    /** Operators and brackets standing alone: code, not gibberish. */
    private static final Set<String> CODE_OPERATORS = Set.of(
            "{", "}", "(", ")", "[", "]", "=", "+=", "-=", "=>", "->", "<=", ">=", "!=", "&&", "||", "*", "/", "<", ">",
            "-", "+", "%", ":", "&", "});", "};", "{}", "[]", "]);", "}]}", "}}", "|", "---", "|---|");

    private final Set<String> functionWords;
    /** The same words, for lookups of ASCII tokens without a {@code String} per token. */
    private final WordTable functionTable;

    private final WordTable codeWords = WordTable.of(CODE_WORDS);
    /** English and Indonesian words and the function words of every language read, lower case. */
    private final WordTable dictionary;
    /** Longer cores are not looked up in the dictionary. */
    private static final int MAX_WORD = 14;
    /** The shortest stem left after stripping Indonesian affixes that counts as a word. */
    private static final int MIN_STEM = 4;
    /** Indonesian suffixes, longest first; the empty one tries prefixes alone. */
    private static final List<String> INDONESIAN_SUFFIXES =
            List.of("kannya", "annya", "kan", "nya", "lah", "kah", "an", "i", "");
    /** Indonesian prefixes, longest first; the empty one tries suffixes alone. */
    private static final List<String> INDONESIAN_PREFIXES = List.of(
            "memper", "menge", "meng", "meny", "mem", "men", "per", "pem", "pen", "peng", "ber", "ter", "me", "di",
            "ke", "se", "pe", "be", "");
    /** Longer cores are not looked up. */
    private final int longestFunctionWord;

    /**
     * Creates a detector with the shipped function-word list ({@code function-words.txt}).
     *
     * @throws IllegalStateException when the resource is missing
     */
    public GibberishSuffixDetector() {
        this.functionWords = readWords();
        this.functionTable = WordTable.of(functionWords.stream().sorted().toList());
        this.longestFunctionWord =
                functionWords.stream().mapToInt(String::length).max().orElse(0);
        this.dictionary = Dictionary.TABLE;
    }

    /**
     * The shipped English and Indonesian word lists with the function words, read once (the
     * table is immutable).
     */
    private static final class Dictionary {
        static final WordTable TABLE = read();

        private static WordTable read() {
            TreeSet<String> words = new TreeSet<>(readWords());
            for (String resource : List.of(RESOURCE_ENGLISH, RESOURCE_INDONESIAN)) {
                try (InputStream in = GibberishSuffixDetector.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing classpath resource " + resource);
                    }
                    InputStream plain = resource.endsWith(".gz") ? new GZIPInputStream(in) : in;
                    BufferedReader reader = new BufferedReader(new InputStreamReader(plain, StandardCharsets.UTF_8));
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.startsWith("#") && !line.isBlank()) {
                            words.add(line.strip());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource, e);
                }
            }
            return WordTable.of(List.copyOf(words));
        }
    }

    /**
     * Scores a text.
     *
     * @param text the raw text
     * @return a score in [0, 1]; above 0.8 the tail is very likely a generated suffix
     */
    public double score(String text) {
        return score(text, 0);
    }

    /**
     * Scores a text, or answers 0 as soon as the score is certainly below a floor: when even the
     * most suspicious text before the tail could not lift the tail's score to it, that text is not
     * read at all (the common case for prose, code and JSON).
     *
     * @param text the raw text
     * @param floor scores below it are not needed (0 for the exact score)
     * @return the score, or 0 when it is below {@code floor}
     */
    public double score(String text, double floor) {
        TokenFacts facts = new TokenFacts(text);
        facts.collect(WINDOW);
        if (facts.size < MIN_TAIL) {
            return 0; // too short to judge, whatever comes before
        }
        facts.judgeTail();
        // Read the text before the tail a third at a time, while the tail could still score high.
        if (floor > 0) {
            for (int collected = WINDOW; ; collected += HEAD / 3) {
                if (facts.upperBound() < floor) {
                    return 0;
                }
                if (collected >= WINDOW + HEAD) {
                    break;
                }
                facts.collect(collected + HEAD / 3);
            }
        }
        facts.collect(WINDOW + HEAD);
        facts.findWords();
        double best = 0;
        double[] f = new double[FEATURES];
        // Suffixes vary in length and may be followed by a short sentence: judge runs of 10, 14
        // and 20 tokens ending at the end or a few tokens before it, and keep the worst.
        for (int skip : SKIPS) {
            for (int tail : TAILS) {
                if (facts.features(skip, tail, f)) {
                    best = Math.max(best, probability(f));
                }
            }
        }
        return best;
    }

    private static double probability(double[] features) {
        double z = BIAS;
        for (int i = 0; i < features.length; i++) {
            z += WEIGHTS[i] * features[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * The features of a text's last {@value #TAIL} tokens, or null when it is too short to judge:
     * mean token oddness, share of function words in the tail and in the text before it, bracket
     * imbalance (0 to 1), shares of structured tokens (code, JSON, logs), of tokens with inner
     * capitals and of symbol-only tokens, share of words not in the (English) dictionary, script mixing (Latin and other letters in one run) and unbalanced
     * double quotes.
     *
     * @param text the raw text
     * @return the features, in the order of {@link #WEIGHTS}
     */
    public double[] features(String text) {
        List<double[]> runs = windows(text);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /**
     * The features of every run the score judges (the last 20 tokens first), for fitting the
     * weights; empty when the text is too short to judge.
     *
     * @param text the raw text
     * @return one feature vector per run, in the order of {@link #WEIGHTS}
     */
    public List<double[]> windows(String text) {
        TokenFacts facts = new TokenFacts(text);
        facts.collect(WINDOW + HEAD);
        List<double[]> runs = new ArrayList<>();
        if (facts.size < MIN_TAIL) {
            return runs;
        }
        facts.judgeTail();
        facts.findWords();
        for (int skip : SKIPS) {
            for (int t = TAILS.length - 1; t >= 0; t--) {
                double[] f = new double[FEATURES];
                if (facts.features(skip, TAILS[t], f)) {
                    runs.add(f);
                }
            }
        }
        return runs;
    }

    /**
     * What is known about each of the last tokens, computed once for every run. Tokens are found
     * walking back from the end, so index 0 is the last token; a token longer than 64 chars is a
     * blob (base64, a URL), not a suffix token, and is judged as an empty token.
     */
    private static final int C_FUNCTION = 0;

    private static final int C_STRUCTURED = 1;
    private static final int C_CAPITAL = 2;
    private static final int C_SYMBOL = 3;
    private static final int C_UNKNOWN = 4;
    private static final int C_QUOTES = 5;
    private static final int C_LATIN = 6;
    private static final int C_OTHER = 7;
    private static final int C_ROUND = 8;
    private static final int C_SQUARE = 9;
    private static final int C_CURLY = 10;
    private static final int COUNTS = 11;

    private final class TokenFacts {
        private final String text;
        private final int[] starts = new int[WINDOW + HEAD];
        private final int[] ends = new int[WINDOW + HEAD];
        private int size;
        /** Where the walk back stopped. */
        private int walked;

        private final double[] odd = new double[WINDOW];
        private final boolean[] function = new boolean[WINDOW + HEAD];
        /** Letters, no digits, and not a dictionary word (nor a word of them joined by hyphens). */
        private final boolean[] unknown = new boolean[WINDOW + HEAD];

        private int wordsChecked;
        private final boolean[] structured = new boolean[WINDOW];
        private final boolean[] capital = new boolean[WINDOW];
        private final boolean[] symbol = new boolean[WINDOW];
        /** Per token, three ints: what it opens minus what it closes, round, square, curly. */
        private final int[] brackets = new int[WINDOW * 3];
        /** Per token: double quotes in it. */
        private final int[] quotes = new int[WINDOW];
        /** Per token: it has Latin letters, letters of another script, or both. */
        private final boolean[] latin = new boolean[WINDOW];

        private final boolean[] otherScript = new boolean[WINDOW];
        private final char[] folded = new char[MAX_TOKEN];

        /**
         * Sums over the first k tokens (from the end), so that each run's counts are two reads:
         * {@link #COUNTS} ints per k, in the order of the {@code C_} indices, and the oddness.
         */
        private final int[] sums = new int[(WINDOW + 1) * COUNTS];

        private final double[] oddSums = new double[WINDOW + 1];
        /** Function words among the first k tokens collected, every token. */
        private final int[] functionSums = new int[WINDOW + HEAD + 1];

        private boolean summed;

        TokenFacts(String text) {
            this.text = text;
            this.walked = text.length();
        }

        /** Walks back until {@code max} tokens are known or the text's start is reached. */
        void collect(int max) {
            int end = walked;
            while (end > 0 && size < max) {
                while (end > 0 && separates(end - 1)) {
                    end--;
                }
                int start = end;
                while (start > 0 && !separates(start - 1)) {
                    start--;
                }
                if (start < end) {
                    starts[size] = start;
                    ends[size] = end - start > MAX_TOKEN ? start : end;
                    size++;
                }
                end = start;
            }
            walked = end;
        }

        String token(int index) {
            return text.substring(starts[index], ends[index]);
        }

        /**
         * Whether the char at {@code i} separates tokens: whitespace, or either char of an escaped
         * line break or tab inside a JSON string ({@code \n}), which a tool result's text is full
         * of; read as letters, it glues two words into one with a capital inside.
         */
        private boolean separates(int i) {
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                return true;
            }
            if (c == '\\') {
                return i + 1 < text.length() && isEscapedBreak(text.charAt(i + 1));
            }
            return isEscapedBreak(c) && i > 0 && text.charAt(i - 1) == '\\';
        }

        private static boolean isEscapedBreak(char c) {
            return c == 'n' || c == 'r' || c == 't';
        }

        /** Everything about the last tokens but the words before them. */
        void judgeTail() {
            for (int r = 0; r < Math.min(size, WINDOW); r++) {
                judge(r);
            }
        }

        /**
         * One pass over a tail token: how odd it is, whether it is structured (code, JSON, logs),
         * capitalised inside, made of symbols only, which brackets it opens or closes, its quotes
         * and scripts. A {@code String} is made only for the rare token a pattern or a set must
         * confirm.
         */
        private void judge(int r) {
            int start = starts[r];
            int end = ends[r];
            int length = end - start;
            int letters = 0;
            int oddChars = 0;
            int innerOdd = 0;
            boolean caseSplice = false;
            boolean innerCapital = false;
            boolean letterOrDigit = false;
            boolean structuredChar = false;
            boolean dashes = length > 0;
            int previous = 0;
            int hash = WordHash.SEED;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                int k = i - start;
                int kind = kind(c);
                if ((kind & UPPER) != 0 && k > 0) {
                    innerCapital |= (previous & LETTER) != 0;
                    caseSplice |= (kind & LETTER) != 0 && (previous & LOWER) != 0 && k > 1;
                }
                if ((kind & LETTER) != 0) {
                    letters++;
                    if (c < 0x250) {
                        latin[r] = true;
                    } else {
                        otherScript[r] = true;
                    }
                } else if ((kind & (ODD | STRUCTURE | BRACKET)) != 0) {
                    if ((kind & ODD) != 0) {
                        oddChars++;
                        if (k > 0 && k < length - 1) {
                            innerOdd++;
                        }
                    }
                    structuredChar |= (kind & STRUCTURE) != 0;
                    if ((kind & BRACKET) != 0) {
                        int pair = BRACKETS.indexOf(c);
                        brackets[r * 3 + pair / 2] += pair % 2 == 0 ? 1 : -1;
                    }
                }
                quotes[r] += c == '"' ? 1 : 0;
                letterOrDigit |= (kind & (LETTER | DIGIT)) != 0;
                dashes &= c == '-';
                if (k < MAX_CODE_WORD) {
                    char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                    folded[k] = lower;
                    hash = WordHash.step(hash, lower);
                }
                previous = kind;
            }
            boolean operator = !letterOrDigit && length > 0 && CODE_OPERATORS.contains(token(r));
            boolean pattern = length > 0
                    && (structuredChar || dashes || Character.isDigit(text.charAt(start)))
                    && STRUCTURED.matcher(token(r)).find();
            boolean codeWord =
                    letters == length && length <= MAX_CODE_WORD && codeWords.find(folded, 0, length, hash) >= 0;
            structured[r] = pattern || codeWord || operator;
            // JSON keys and code statements are punctuated by design; they are not odd.
            odd[r] = structured[r]
                    ? 0
                    : oddness(
                            length,
                            letters,
                            oddChars,
                            innerOdd,
                            caseSplice,
                            length > 1 && Character.isUpperCase(text.charAt(start)));
            capital[r] = innerCapital;
            symbol[r] = !letterOrDigit && !operator;
        }

        /** Function words and words not in the dictionary, of every token collected so far. */
        void findWords() {
            for (int r = wordsChecked; r < size; r++) {
                function[r] = isFunctionWord(starts[r], ends[r]);
                unknown[r] = !function[r] && r < WINDOW && isUnknownWord(starts[r], ends[r]);
                functionSums[r + 1] = functionSums[r] + (function[r] ? 1 : 0);
            }
            wordsChecked = size;
            if (!summed) {
                sum();
            }
        }

        /** The sums over the judged tokens, once their words are known. */
        private void sum() {
            int judged = Math.min(size, WINDOW);
            for (int r = 0; r < judged; r++) {
                int at = r * COUNTS;
                int next = at + COUNTS;
                sums[next + C_FUNCTION] = sums[at + C_FUNCTION] + (function[r] ? 1 : 0);
                sums[next + C_STRUCTURED] = sums[at + C_STRUCTURED] + (structured[r] ? 1 : 0);
                sums[next + C_CAPITAL] = sums[at + C_CAPITAL] + (capital[r] ? 1 : 0);
                sums[next + C_SYMBOL] = sums[at + C_SYMBOL] + (symbol[r] ? 1 : 0);
                sums[next + C_UNKNOWN] = sums[at + C_UNKNOWN] + (unknown[r] ? 1 : 0);
                sums[next + C_QUOTES] = sums[at + C_QUOTES] + quotes[r];
                sums[next + C_LATIN] = sums[at + C_LATIN] + (latin[r] ? 1 : 0);
                sums[next + C_OTHER] = sums[at + C_OTHER] + (otherScript[r] ? 1 : 0);
                sums[next + C_ROUND] = sums[at + C_ROUND] + brackets[r * 3];
                sums[next + C_SQUARE] = sums[at + C_SQUARE] + brackets[r * 3 + 1];
                sums[next + C_CURLY] = sums[at + C_CURLY] + brackets[r * 3 + 2];
                oddSums[r + 1] = oddSums[r] + odd[r];
            }
            summed = true;
        }

        /** The best score any text before the tail could give, from the tail alone. */
        double upperBound() {
            findWords(); // of the tokens collected so far
            double best = 0;
            double[] f = new double[FEATURES];
            for (int skip : SKIPS) {
                for (int tail : TAILS) {
                    if (skip + tail > size) {
                        continue; // all runs fit once the walk has not reached the start
                    }
                    tailFeatures(skip, tail, f);
                    // The text before the run: the part already collected is known, the rest is
                    // assumed to be what raises the score most (by the sign of each weight).
                    int from = skip + tail;
                    int head = walked == 0 ? Math.min(HEAD, size - from) : HEAD;
                    int known = Math.min(size, from + head) - from;
                    int functionKnown = functionSums[from + known] - functionSums[from];
                    int rest = head - known;
                    int functionWorst = WEIGHTS[HEAD_FUNCTION] >= 0 ? functionKnown + rest : functionKnown;
                    f[HEAD_FUNCTION] = head >= 4 ? (double) functionWorst / head : 0.3;
                    best = Math.max(best, probability(f));
                }
            }
            return best;
        }

        /**
         * The features of the run of {@code tail} tokens ending {@code skip} tokens before the
         * end, into {@code f}; false when the text has too few tokens for it.
         */
        boolean features(int skip, int tail, double[] f) {
            if (skip + tail > size) {
                return false;
            }
            tailFeatures(skip, tail, f);
            int from = skip + tail;
            int head = Math.min(HEAD, size - from);
            int functionHead = functionSums[from + head] - functionSums[from];
            f[HEAD_FUNCTION] = head >= 4 ? (double) functionHead / head : 0.3;
            return true;
        }

        /** The features of a run, those of the text before it left at 0. */
        private void tailFeatures(int skip, int tail, double[] f) {
            int from = skip * COUNTS;
            int to = (skip + tail) * COUNTS;
            int latinCount = sums[to + C_LATIN] - sums[from + C_LATIN];
            int otherCount = sums[to + C_OTHER] - sums[from + C_OTHER];
            // Brackets and quotes from the run's start to the end of the text: what follows the
            // run may close what it opened (JSON cut by a run that ends before its last tokens).
            // Only brackets left open count: the tail of JSON or code closes what its head opened.
            int unclosed = Math.max(0, sums[to + C_ROUND])
                    + Math.max(0, sums[to + C_SQUARE])
                    + Math.max(0, sums[to + C_CURLY]);
            f[0] = (oddSums[skip + tail] - oddSums[skip]) / tail;
            f[1] = (double) (sums[to + C_FUNCTION] - sums[from + C_FUNCTION]) / tail;
            f[HEAD_FUNCTION] = 0;
            f[3] = Math.min(1.0, unclosed / 3.0);
            f[4] = (double) (sums[to + C_STRUCTURED] - sums[from + C_STRUCTURED]) / tail;
            f[5] = (double) (sums[to + C_CAPITAL] - sums[from + C_CAPITAL]) / tail;
            f[6] = (double) (sums[to + C_SYMBOL] - sums[from + C_SYMBOL]) / tail;
            f[7] = (double) (sums[to + C_UNKNOWN] - sums[from + C_UNKNOWN]) / tail;
            // Another script among Latin words (a fused token counts for both): gibberish, not a
            // text written in that script.
            f[8] = latinCount > 0 && otherCount > 0 && otherCount < tail / 2 ? Math.min(1.0, otherCount / 3.0) : 0;
            f[9] = sums[to + C_QUOTES] % 2;
        }

        /** Whether the token's letters-and-digits core, lower-cased, is a function word. */
        private boolean isFunctionWord(int start, int end) {
            while (start < end && (kind(text.charAt(start)) & (LETTER | DIGIT)) == 0) {
                start++;
            }
            while (end > start && (kind(text.charAt(end - 1)) & (LETTER | DIGIT)) == 0) {
                end--;
            }
            if (start == end || end - start > longestFunctionWord) {
                return false;
            }
            int hash = WordHash.SEED;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return functionWords.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
                }
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                folded[i - start] = lower;
                hash = WordHash.step(hash, lower);
            }
            return functionTable.find(folded, 0, end - start, hash) >= 0;
        }

        /**
         * Whether the token is made of letters that are not a word: its core (without leading and
         * trailing punctuation) has punctuation inside other than hyphens and apostrophes, a lower
         * letter followed by a capital ({@code similarlyNow}), or a part that is not in the
         * dictionary (a final {@code s} may be a plural). Tokens with digits, all-capital tokens
         * (acronyms) and tokens without letters are not counted either way.
         */
        private boolean isUnknownWord(int start, int end) {
            while (start < end && (kind(text.charAt(start)) & (LETTER | DIGIT)) == 0) {
                start++;
            }
            while (end > start && (kind(text.charAt(end - 1)) & (LETTER | DIGIT)) == 0) {
                end--;
            }
            boolean lower = false;
            int previous = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                int kind = kind(c);
                if ((kind & DIGIT) != 0) {
                    return false;
                }
                if ((kind & LETTER) == 0 && c != '-' && c != '\'') {
                    return true; // punctuation fused inside: oppositeley.](
                }
                if ((kind & UPPER) != 0 && (previous & LOWER) != 0) {
                    return true; // case spliced inside: similarlyNow
                }
                lower |= (kind & LOWER) != 0;
                previous = kind;
            }
            if (!lower) {
                return false; // empty, or an acronym
            }
            int part = start;
            for (int i = start; i <= end; i++) {
                if (i == end || text.charAt(i) == '-' || text.charAt(i) == '\'') {
                    if (i - part > 1 && !isWord(part, i)) {
                        return true;
                    }
                    part = i + 1;
                }
            }
            return false;
        }

        /** Whether letters, lower-cased, are a dictionary word or one with a final {@code s}. */
        private boolean isWord(int start, int end) {
            if (end - start > MAX_WORD) {
                return false;
            }
            int hash = WordHash.SEED;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return dictionary.find(text.substring(start, end).toLowerCase(Locale.ROOT)) >= 0;
                }
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                folded[i - start] = lower;
                hash = WordHash.step(hash, lower);
            }
            int length = end - start;
            if (dictionary.find(folded, 0, length, hash) >= 0) {
                return true;
            }
            if (length > 3
                    && folded[length - 1] == 's'
                    && dictionary.find(folded, 0, length - 1, WordHash.of(folded, 0, length - 1)) >= 0) {
                return true;
            }
            return isAffixedWord(length);
        }

        /**
         * Whether the folded letters are a listed word with Indonesian affixes around it
         * ({@code oleskan}, {@code tertelan}, {@code sehari}, {@code dipanggil}): the word list
         * holds stems and the forms its sources happened to use, and prose must not read as
         * made-up pieces because its verbs carry affixes. The stem left must be 4 letters or more.
         */
        private boolean isAffixedWord(int length) {
            for (String suffix : INDONESIAN_SUFFIXES) {
                int end = endsWith(length, suffix) ? length - suffix.length() : -1;
                if (end < 0 && !suffix.isEmpty()) {
                    continue;
                }
                int stemEnd = suffix.isEmpty() ? length : end;
                for (String prefix : INDONESIAN_PREFIXES) {
                    if ((prefix.isEmpty() && suffix.isEmpty()) || !startsWith(stemEnd, prefix)) {
                        continue;
                    }
                    int from = prefix.length();
                    if (stemEnd - from >= MIN_STEM
                            && dictionary.find(folded, from, stemEnd, WordHash.of(folded, from, stemEnd)) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean endsWith(int length, String suffix) {
            int n = suffix.length();
            if (n == 0 || n >= length) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (folded[length - n + i] != suffix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean startsWith(int length, String prefix) {
            int n = prefix.length();
            if (n >= length) {
                return n == 0;
            }
            for (int i = 0; i < n; i++) {
                if (folded[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * How odd a token looks, 0 to 1: odd punctuation inside it or twice, case spliced inside a
     * word ({@code similarlyNow}), punctuation alone, a capitalised word.
     */
    private static double oddness(
            int length, int letters, int odd, int innerOdd, boolean caseSplice, boolean capitalFirst) {
        double score = 0;
        if (odd >= 2 || (innerOdd >= 1 && letters > 0)) {
            score += 1.0;
        } else if (odd == 1) {
            score += 0.4;
        }
        if (caseSplice) {
            score += 0.6;
        }
        if (letters == 0 && odd > 0) {
            score += 0.3;
        }
        if (capitalFirst && letters == length && !caseSplice) {
            score += 0.2; // a capitalised word; natural text has some (names), generated suffixes many
        }
        return Math.min(1.0, score);
    }

    private static Set<String> readWords() {
        try (InputStream in = GibberishSuffixDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String word : line.strip().split("\\s+", -1)) {
                        if (!word.isEmpty()) {
                            words.add(word);
                        }
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
