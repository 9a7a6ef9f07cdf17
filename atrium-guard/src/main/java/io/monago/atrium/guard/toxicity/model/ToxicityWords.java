package io.monago.atrium.guard.toxicity.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the normalised words the toxicity lexicon and model read: lower case,
 * apostrophes dropped ({@code you're} is {@code youre}), look-alike digits and symbols inside a
 * word read as letters ({@code b1tch}, {@code a$$}), and a letter repeated more than twice cut to
 * two ({@code fuuuuck} is {@code fuuck}), so that spelling games land on the same features.
 *
 * <pre>{@code
 * ToxicityWords.of("Shut UP, you l0ser!!"); // [shut, up, you, loser]
 * }</pre>
 */
public final class ToxicityWords {
    /** Words past this many are not read: a window score cannot need more of one text. */
    static final int MAX_WORDS = 4096;

    private ToxicityWords() {}

    /**
     * The normalised words of a text.
     *
     * @param text any text
     * @return its words, at most {@value #MAX_WORDS}
     */
    public static String[] of(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean letters = false;
        for (int i = 0; i < text.length() && words.size() < MAX_WORDS; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isLetter(c)) {
                append(word, c);
                letters = true;
            } else if (Character.isDigit(c) || (!word.isEmpty() && (c == '@' || c == '$'))) {
                append(word, c);
            } else if (c != '\'' && c != '\u2019' && !word.isEmpty()) {
                words.add(finish(word, letters));
                word.setLength(0);
                letters = false;
            }
        }
        if (!word.isEmpty() && words.size() < MAX_WORDS) {
            words.add(finish(word, letters));
        }
        return words.toArray(new String[0]);
    }

    private static void append(StringBuilder word, char c) {
        int n = word.length();
        if (n >= 2 && word.charAt(n - 1) == c && word.charAt(n - 2) == c && Character.isLetter(c)) {
            return;
        }
        word.append(c);
    }

    /** Reads digits and symbols as letters in a word that has letters; a number stays a number. */
    private static String finish(StringBuilder word, boolean letters) {
        if (!letters) {
            return word.toString();
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            append(out, lookAlike(word.charAt(i)));
        }
        return out.toString();
    }

    private static char lookAlike(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }
}
