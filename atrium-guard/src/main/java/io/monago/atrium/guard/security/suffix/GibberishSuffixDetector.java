package io.monago.atrium.guard.security.suffix;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores the end of a text for a machine-optimised adversarial suffix of the GCG kind (Zou et al.,
 * 2023): a run of tokens that splice words with brackets, backslashes and markup
 * ({@code oppositeley.](}, {@code giving**ONE}, {@code ]{\comment={[@}), glue words in mid-case
 * ({@code similarlyNow}) and leave brackets unbalanced, appended to an otherwise ordinary request.
 *
 * <p>What matters is the contrast: the tail is odd and the text before it is not. JSON, code and
 * logs are odd throughout and score low; a suffix pasted on its own, with no text before it,
 * scores lower than one after a request. Immutable and thread-safe.
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
    private static final int MIN_TAIL = 8;
    private static final String ODD_PUNCTUATION = "(){}[]<>\\*=|^~@#$%`\"+/;";

    /**
     * Scores a text.
     *
     * @param text the raw text
     * @return a score in [0, 1]; above 0.8 the tail is very likely a generated suffix
     */
    public double score(String text) {
        List<String> tokens = lastTokens(text, TAIL + HEAD);
        if (tokens.size() < MIN_TAIL) {
            return 0;
        }
        int tailStart = Math.max(0, tokens.size() - TAIL);
        List<String> tail = tokens.subList(tailStart, tokens.size());
        List<String> head = tokens.subList(0, tailStart);
        double tailOdd = oddness(tail);
        double imbalance = Math.min(1.0, bracketImbalance(tail) / 4.0);
        double headOdd = head.size() >= 4 ? oddness(head) : 0.35;
        double naturalHead = naturalness(head);
        double z = -6.0 + 9.0 * tailOdd + 2.0 * imbalance - 6.0 * headOdd + 2.0 * naturalHead;
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** Mean oddness of tokens: spliced punctuation, mid-word case changes, stray capitals. */
    static double oddness(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String token : tokens) {
            sum += tokenOddness(token);
        }
        return sum / tokens.size();
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
        return Math.min(1.0, score);
    }

    /** Share of tokens that are plain lower-case words, optionally with trailing punctuation. */
    static double naturalness(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        int natural = 0;
        for (String token : tokens) {
            int end = token.length();
            while (end > 0 && ".,;:!?".indexOf(token.charAt(end - 1)) >= 0) {
                end--;
            }
            boolean plain = end > 0;
            for (int i = 0; i < end && plain; i++) {
                char c = token.charAt(i);
                plain = Character.isLowerCase(c) || i == 0 && Character.isUpperCase(c) || c == '-' || c == '\'';
            }
            natural += plain ? 1 : 0;
        }
        return (double) natural / tokens.size();
    }

    private static int bracketImbalance(List<String> tokens) {
        int round = 0;
        int square = 0;
        int curly = 0;
        for (String token : tokens) {
            for (int i = 0; i < token.length(); i++) {
                switch (token.charAt(i)) {
                    case '(': round++; break;
                    case ')': round--; break;
                    case '[': square++; break;
                    case ']': square--; break;
                    case '{': curly++; break;
                    case '}': curly--; break;
                    default: break;
                }
            }
        }
        return Math.abs(round) + Math.abs(square) + Math.abs(curly);
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
