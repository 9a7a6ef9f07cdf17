package io.monago.atrium.guard.security.suffix;

import io.monago.atrium.guard.security.text.WordHash;
import io.monago.atrium.guard.security.text.WordTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores the end of a text for a machine-optimised adversarial suffix of the GCG kind (Zou et al.,
 * 2023): a run of tokens that splice words with brackets, backslashes and markup
 * ({@code oppositeley.](}, {@code giving**ONE}, {@code "\!--Two}), glue words in mid-case
 * ({@code similarlyNow}), use almost no function words and leave brackets open, appended to an
 * otherwise ordinary request. The last 10, 14 and 20 tokens are judged and the worst kept.
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
     * Logistic-regression weights of {@link #features}: fitted on the training split of the
     * project's corpus by {@code TrainSecurityModel --suffix} in atrium-guard-trainer (it prints these numbers). Generated
     * suffixes are odd, capitalised inside words, made of symbols and poor in function words, after
     * text that has them; code and JSON are odd too but structured.
     */
    static final double[] WEIGHTS = {8.09, -5.01, 1.92, 5.25, -2.20, 3.52, 5.02};

    static final double BIAS = -2.06;

    /** Operators and brackets standing alone: code, not gibberish. */
    private static final Set<String> CODE_OPERATORS = Set.of(
            "{", "}", "(", ")", "[", "]", "=", "+=", "-=", "=>", "->", "<=", ">=", "!=", "&&", "||", "*", "/", "<", ">",
            "-", "+", "%", ":", "&", "});", "};", "{}", "[]", "]);", "}]}", "}}", "|", "---", "|---|");

    private final Set<String> functionWords;
    /** The same words, for lookups of ASCII tokens without a {@code String} per token. */
    private final WordTable functionTable;

    private final WordTable codeWords = WordTable.of(CODE_WORDS);
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
        facts.collect(TAIL);
        if (facts.size < MIN_TAIL) {
            return 0; // too short to judge, whatever comes before
        }
        facts.judgeTail();
        // Read the text before the tail a third at a time, while the tail could still score high.
        if (floor > 0) {
            for (int collected = TAIL; ; collected += HEAD / 3) {
                if (facts.upperBound() < floor) {
                    return 0;
                }
                if (collected >= TAIL + HEAD) {
                    break;
                }
                facts.collect(collected + HEAD / 3);
            }
        }
        facts.collect(TAIL + HEAD);
        facts.findFunctionWords();
        double best = 0;
        // Suffixes vary in length: judge the last 10, 14 and 20 tokens and keep the worst.
        for (int tail : TAILS) {
            double[] f = facts.features(tail);
            if (f != null) {
                best = Math.max(best, probability(f));
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
     * capitals and of symbol-only tokens.
     *
     * @param text the raw text
     * @return the features, in the order of {@link #WEIGHTS}
     */
    public double[] features(String text) {
        TokenFacts facts = new TokenFacts(text);
        facts.collect(TAIL + HEAD);
        if (facts.size >= MIN_TAIL) {
            facts.judgeTail();
        }
        facts.findFunctionWords();
        return facts.features(TAIL);
    }

    /**
     * What is known about each of the last tokens, computed once for every tail length. Tokens are
     * found walking back from the end, so index 0 is the last token; a token longer than 64 chars
     * is a blob (base64, a URL), not a suffix token, and is judged as an empty token.
     */
    private final class TokenFacts {
        private final String text;
        private int[] starts = new int[TAIL + HEAD];
        private int[] ends = new int[TAIL + HEAD];
        private int size;
        /** Where the walk back stopped. */
        private int walked;

        private final double[] odd = new double[TAIL];
        private final boolean[] function = new boolean[TAIL + HEAD];
        private int functionChecked;
        private final boolean[] structured = new boolean[TAIL];
        private final boolean[] capital = new boolean[TAIL];
        private final boolean[] symbol = new boolean[TAIL];
        private final int[][] brackets = new int[TAIL][];
        private final char[] folded = new char[MAX_TOKEN];

        TokenFacts(String text) {
            this.text = text;
            this.walked = text.length();
        }

        /** Walks back until {@code max} tokens are known or the text's start is reached. */
        void collect(int max) {
            int end = walked;
            while (end > 0 && size < max) {
                while (end > 0 && isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                int start = end;
                while (start > 0 && !isWhitespace(text.charAt(start - 1))) {
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

        /** Everything about the tail tokens but the function words before them. */
        void judgeTail() {
            for (int r = 0; r < Math.min(size, TAIL); r++) {
                judge(r);
            }
        }

        /**
         * One pass over a tail token: how odd it is, whether it is structured (code, JSON, logs),
         * capitalised inside, made of symbols only, and which brackets it opens or closes. A
         * {@code String} is made only for the rare token a pattern or a set must confirm.
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
            int[] deltas = new int[3];
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
                        deltas[pair / 2] += pair % 2 == 0 ? 1 : -1;
                    }
                }
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
            brackets[r] = deltas;
        }

        void findFunctionWords() {
            for (int r = functionChecked; r < size; r++) {
                function[r] = isFunctionWord(starts[r], ends[r]);
            }
            functionChecked = size;
        }

        /** The best score any text before the tail could give, from the tail alone. */
        double upperBound() {
            findFunctionWords(); // of the tokens collected so far: the last TAIL
            double best = 0;
            for (int tail : TAILS) {
                if (size < MIN_TAIL || (tail > size && tail > MIN_TAIL && walked == 0)) {
                    continue;
                }
                int tailLength = Math.min(tail, size);
                double[] f = tailFeatures(tailLength);
                // The text before the tail: the part already collected is known, the rest is
                // assumed to be what raises the score most (function words, by the weights).
                int head = walked == 0 ? Math.min(HEAD, size - tailLength) : HEAD;
                int known = Math.min(size, tailLength + head) - tailLength;
                int functionKnown = 0;
                for (int r = tailLength; r < tailLength + known; r++) {
                    functionKnown += function[r] ? 1 : 0;
                }
                int functionAtMost = WEIGHTS[2] >= 0 ? functionKnown + head - known : functionKnown;
                f[2] = head >= 4 ? (double) functionAtMost / head : 0.3;
                best = Math.max(best, probability(f));
            }
            return best;
        }

        double[] features(int tailLength) {
            if (size < MIN_TAIL || (tailLength > size && tailLength > MIN_TAIL)) {
                return null;
            }
            int tail = Math.min(tailLength, size);
            double[] f = tailFeatures(tail);
            int head = Math.min(HEAD, size - tail);
            int functionHead = 0;
            for (int r = tail; r < tail + head; r++) {
                functionHead += function[r] ? 1 : 0;
            }
            f[2] = head >= 4 ? (double) functionHead / head : 0.3;
            return f;
        }

        /** The features of the last {@code tail} tokens, the head's share of function words left at 0. */
        private double[] tailFeatures(int tail) {
            double oddSum = 0;
            int functionTail = 0;
            int structuredCount = 0;
            int capitalCount = 0;
            int symbolCount = 0;
            int[] open = new int[3];
            for (int r = tail - 1; r >= 0; r--) { // in text order
                oddSum += odd[r];
                functionTail += function[r] ? 1 : 0;
                structuredCount += structured[r] ? 1 : 0;
                capitalCount += capital[r] ? 1 : 0;
                symbolCount += symbol[r] ? 1 : 0;
                for (int k = 0; k < 3; k++) {
                    open[k] += brackets[r][k];
                }
            }
            // Only brackets left open count: the tail of JSON or code closes what its head opened.
            int unclosed = Math.max(0, open[0]) + Math.max(0, open[1]) + Math.max(0, open[2]);
            return new double[] {
                oddSum / tail,
                (double) functionTail / tail,
                0,
                Math.min(1.0, unclosed / 3.0),
                (double) structuredCount / tail,
                (double) capitalCount / tail,
                (double) symbolCount / tail
            };
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
