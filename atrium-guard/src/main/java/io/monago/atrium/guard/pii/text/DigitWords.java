package io.monago.atrium.guard.pii.text;

/**
 * The words for the digits 0 to 9 in Indonesian and English ({@code nol}, {@code kosong},
 * {@code satu}... {@code zero}, {@code one}...), for values written one digit per word.
 *
 * <pre>{@code
 * char d = DigitWords.digitOf(FoldedText.fold("tiga"), 0, 4);   // '3'
 * }</pre>
 */
public final class DigitWords {
    /** Each digit's words, Indonesian and English; index is the digit. */
    private static final String[][] DIGIT_WORDS = {
        {"nol", "kosong", "zero"},
        {"satu", "one"},
        {"dua", "two"},
        {"tiga", "three"},
        {"empat", "four"},
        {"lima", "five"},
        {"enam", "six"},
        {"tujuh", "seven"},
        {"delapan", "eight"},
        {"sembilan", "nine"},
    };

    /** The words' keys ({@link WordKey}), and the digit each stands for at the same index. */
    private static final long[] KEYS;

    private static final char[] DIGITS;

    static {
        int count = 0;
        for (String[] words : DIGIT_WORDS) {
            count += words.length;
        }
        KEYS = new long[count];
        DIGITS = new char[count];
        int k = 0;
        for (int d = 0; d < DIGIT_WORDS.length; d++) {
            for (String w : DIGIT_WORDS[d]) {
                KEYS[k] = WordKey.of(w);
                DIGITS[k++] = (char) ('0' + d);
            }
        }
    }

    private DigitWords() {}

    /**
     * Every digit word, for vocabularies that mark them.
     *
     * @return the words, Indonesian and English
     */
    public static String[] all() {
        return java.util.Arrays.stream(DIGIT_WORDS)
                .flatMap(java.util.Arrays::stream)
                .toArray(String[]::new);
    }

    /**
     * Whether letters are the start of a digit word ({@code "sat"} of {@code satu}), or one whole.
     *
     * @param letters the letters written so far
     * @return true when more letters may make a digit word of them
     */
    public static boolean mayBecomeOne(CharSequence letters) {
        if (letters.length() == 0) {
            return false;
        }
        for (String[] words : DIGIT_WORDS) {
            for (String w : words) {
                if (w.length() >= letters.length()
                        && w.regionMatches(true, 0, letters.toString(), 0, letters.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The digit a word stands for. Allocates nothing, as the scanner asks this of every word.
     *
     * @param folded folded text
     * @param start the word's first index
     * @param end the index after it
     * @return {@code '0'} to {@code '9'}, or 0 when the word is no digit word
     */
    public static char digitOf(char[] folded, int start, int end) {
        long key = WordKey.of(folded, start, end);
        if (key != 0) {
            for (int k = 0; k < KEYS.length; k++) {
                if (KEYS[k] == key) {
                    return DIGITS[k];
                }
            }
        }
        return 0;
    }
}
