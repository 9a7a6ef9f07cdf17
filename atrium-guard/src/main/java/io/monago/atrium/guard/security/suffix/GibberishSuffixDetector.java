package io.monago.atrium.guard.security.suffix;

import io.monago.atrium.guard.security.text.TokenCore;
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
    private static final int[] TAILS = {10, 14, TAIL};
    private static final String ODD_PUNCTUATION = "(){}[]<>\\*=|^~@#$%`\"+/;";
    private static final String RESOURCE = "/io/monago/atrium/guard/security/function-words.txt";
    private static final Set<String> CODE_WORDS = Set.of("int", "def", "void", "const", "var", "function", "null",
            "public", "private", "static", "return", "select", "where");

    private static final Pattern STRUCTURED = Pattern.compile(
            "^[\"'{\\[(]*[\\w.\\-]+[\"']?:[\"'{\\[]?$|^\\w+=\\S+$|\\w\\(.*\\)|^\\d[\\d.,:\\-]*[,;]?$|^[\"']?[\\w.\\-]+[\"']?[,;]$|^\\|$|^[|\\-]+$");

    /**
     * Logistic-regression weights of {@link #features}: fitted on the training split of the
     * project's corpus by {@code TrainSecurityModel --suffix} (it prints these numbers). Generated
     * suffixes are odd, capitalised inside words, made of symbols and poor in function words, after
     * text that has them; code and JSON are odd too but structured.
     */
    static final double[] WEIGHTS = {8.09, -5.01, 1.92, 5.25, -2.20, 3.52, 5.02};
    static final double BIAS = -2.06;

    /** Operators and brackets standing alone: code, not gibberish. */
    private static final Set<String> CODE_OPERATORS = Set.of("{", "}", "(", ")", "[", "]", "=", "+=", "-=", "=>", "->",
            "<=", ">=", "!=", "&&", "||", "*", "/", "<", ">", "-", "+", "%", ":", "&", "});", "};", "{}", "[]", "]);", "}]}",
            "}}", "|", "---", "|---|");

    private final Set<String> functionWords;

    /**
     * Creates a detector with the shipped function-word list ({@code function-words.txt}).
     *
     * @throws IllegalStateException when the resource is missing
     */
    public GibberishSuffixDetector() {
        this.functionWords = readWords();
    }

    /**
     * Scores a text.
     *
     * @param text the raw text
     * @return a score in [0, 1]; above 0.8 the tail is very likely a generated suffix
     */
    public double score(String text) {
        TokenFacts facts = new TokenFacts(lastTokens(text, TAIL + HEAD));
        double best = 0;
        // Suffixes vary in length: judge the last 10, 14 and 20 tokens and keep the worst.
        for (int tail : TAILS) {
            double[] f = facts.features(tail);
            if (f != null) {
                double z = BIAS;
                for (int i = 0; i < f.length; i++) {
                    z += WEIGHTS[i] * f[i];
                }
                best = Math.max(best, 1.0 / (1.0 + Math.exp(-z)));
            }
        }
        return best;
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
        return new TokenFacts(lastTokens(text, TAIL + HEAD)).features(TAIL);
    }

    /** What is known about each of the last tokens, computed once for every tail length. */
    private final class TokenFacts {
        private final int size;
        private final double[] odd;
        private final boolean[] function;
        private final boolean[] structured;
        private final boolean[] capital;
        private final boolean[] symbol;
        private final int[][] brackets;

        TokenFacts(List<String> tokens) {
            size = tokens.size();
            odd = new double[size];
            function = new boolean[size];
            structured = new boolean[size];
            capital = new boolean[size];
            symbol = new boolean[size];
            brackets = new int[size][];
            for (int i = 0; i < size; i++) {
                String token = tokens.get(i);
                TokenCore core = TokenCore.of(token);
                function[i] = !core.isEmpty() && functionWords.contains(core.text().toLowerCase(Locale.ROOT));
                if (i < size - TAIL) {
                    continue; // before every tail: only its function words are used
                }
                structured[i] = isStructured(token);
                // JSON keys and code statements are punctuated by design; they are not odd.
                odd[i] = structured[i] ? 0 : tokenOddness(token);
                capital[i] = hasInnerCapital(token);
                symbol[i] = isSymbolOnly(token);
                brackets[i] = bracketDeltas(token);
            }
        }

        double[] features(int tailLength) {
            if (size < MIN_TAIL || tailLength > size && tailLength > MIN_TAIL) {
                return null;
            }
            int tailStart = Math.max(0, size - tailLength);
            int headStart = Math.max(0, tailStart - HEAD);
            int tail = size - tailStart;
            double oddSum = 0;
            int functionTail = 0;
            int structuredCount = 0;
            int capitalCount = 0;
            int symbolCount = 0;
            int[] open = new int[3];
            for (int i = tailStart; i < size; i++) {
                oddSum += odd[i];
                functionTail += function[i] ? 1 : 0;
                structuredCount += structured[i] ? 1 : 0;
                capitalCount += capital[i] ? 1 : 0;
                symbolCount += symbol[i] ? 1 : 0;
                for (int k = 0; k < 3; k++) {
                    open[k] += brackets[i][k];
                }
            }
            int functionHead = 0;
            for (int i = headStart; i < tailStart; i++) {
                functionHead += function[i] ? 1 : 0;
            }
            int head = tailStart - headStart;
            // Only brackets left open count: the tail of JSON or code closes what its head opened.
            int unclosed = Math.max(0, open[0]) + Math.max(0, open[1]) + Math.max(0, open[2]);
            return new double[] {oddSum / tail, (double) functionTail / tail,
                head >= 4 ? (double) functionHead / head : 0.3, Math.min(1.0, unclosed / 3.0),
                (double) structuredCount / tail, (double) capitalCount / tail, (double) symbolCount / tail};
        }
    }


    private static boolean hasInnerCapital(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (Character.isUpperCase(token.charAt(i)) && Character.isLetter(token.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Operators and brackets standing alone are code; other letterless tokens ({@code ][}, {@code **}) are not. */
    private static boolean isSymbolOnly(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.charAt(i))) {
                return false;
            }
        }
        return !CODE_OPERATORS.contains(token);
    }

    /** Round, square and curly brackets opened minus closed. */
    private static int[] bracketDeltas(String token) {
        int[] deltas = new int[3];
        for (int i = 0; i < token.length(); i++) {
            switch (token.charAt(i)) {
                case '(': deltas[0]++; break;
                case ')': deltas[0]--; break;
                case '[': deltas[1]++; break;
                case ']': deltas[1]--; break;
                case '{': deltas[2]++; break;
                case '}': deltas[2]--; break;
                default: break;
            }
        }
        return deltas;
    }

    private static boolean isStructured(String token) {
        return STRUCTURED.matcher(token).find() || CODE_WORDS.contains(token.toLowerCase(Locale.ROOT))
                || CODE_OPERATORS.contains(token);
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
                    for (String word : line.strip().split("\\s+")) {
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


    static double tokenOddness(String token) {
        int letters = 0;
        int odd = 0;
        int innerOdd = 0;
        boolean caseSplice = false;
        char previous = 0;
        int length = token.length();
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c) && Character.isLowerCase(previous) && i > 1) {
                    caseSplice = true;
                }
            } else if (ODD_PUNCTUATION.indexOf(c) >= 0) {
                odd++;
                if (i > 0 && i < length - 1) {
                    innerOdd++;
                }
            }
            previous = c;
        }
        double score = 0;
        if (odd >= 2 || innerOdd >= 1 && letters > 0) {
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
        if (length > 1 && Character.isUpperCase(token.charAt(0)) && letters == length && !caseSplice) {
            score += 0.2; // a capitalised word; natural text has some (names), generated suffixes many
        }
        return Math.min(1.0, score);
    }


    /** The last {@code max} whitespace-separated tokens, found by walking back from the end. */
    private static List<String> lastTokens(String text, int max) {
        List<String> reversed = new ArrayList<>();
        int end = text.length();
        while (end > 0 && reversed.size() < max) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            if (start < end) {
                // A token longer than 64 characters is a blob (base64, a URL), not a suffix token.
                reversed.add(end - start > 64 ? "" : text.substring(start, end));
            }
            end = start;
        }
        List<String> tokens = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            tokens.add(reversed.get(i));
        }
        return tokens;
    }
}
