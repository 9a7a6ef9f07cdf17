package io.monago.atrium.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value of {@link ProtocolHeaders#EVAL}: evaluator names and scores, {@code name=score} pairs
 * separated by commas. A name is 1 to 64 of {@code A-Z a-z 0-9 _ . -}, starting with a letter or
 * digit; a score is a decimal from 0 to 1; at most {@value #MAX_SCORES} pairs, each name once. The
 * SDK writes it and the gateway reads it with this one class.
 *
 * <pre>{@code
 * String value = EvalHeader.format(Map.of("helpfulness", 0.8)); // "helpfulness=0.8"
 * Map<String, Double> scores = EvalHeader.parse("helpfulness=0.8, grounded=1");
 * }</pre>
 */
public final class EvalHeader {
    /** The most pairs one header carries. */
    public static final int MAX_SCORES = 16;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private EvalHeader() {}

    /**
     * Checks one evaluator name.
     *
     * @param name the name
     * @return whether it may be sent
     */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Writes scores as a header value.
     *
     * @param scores name to score, in the order to send
     * @return the header value
     * @throws IllegalArgumentException naming the name or score that cannot be sent
     */
    public static String format(Map<String, Double> scores) {
        if (scores.isEmpty() || scores.size() > MAX_SCORES) {
            throw new IllegalArgumentException("between 1 and " + MAX_SCORES + " scores, got " + scores.size());
        }
        List<String> pairs = new ArrayList<>(scores.size());
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            check(e.getKey(), e.getValue());
            pairs.add(e.getKey() + "=" + String.format(Locale.ROOT, "%s", e.getValue()));
        }
        return String.join(",", pairs);
    }

    /**
     * Reads a header value.
     *
     * @param value the header value
     * @return name to score, in header order
     * @throws IllegalArgumentException saying which pair is malformed (by position; the message
     *     repeats no value)
     */
    public static Map<String, Double> parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(ProtocolHeaders.EVAL + " is required: name=score pairs");
        }
        String[] pairs = value.split(",", -1);
        if (pairs.length > MAX_SCORES) {
            throw new IllegalArgumentException(
                    ProtocolHeaders.EVAL + " carries at most " + MAX_SCORES + " scores, got " + pairs.length);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].strip();
            int eq = pair.indexOf('=');
            String where = ProtocolHeaders.EVAL + " pair " + (i + 1);
            if (eq <= 0) {
                throw new IllegalArgumentException(where + " must be name=score");
            }
            String name = pair.substring(0, eq).strip();
            double score;
            try {
                score = Double.parseDouble(pair.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": the score must be a number from 0 to 1");
            }
            try {
                check(name, score);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            if (scores.put(name, score) != null) {
                throw new IllegalArgumentException(where + ": the name appears twice");
            }
        }
        return Collections.unmodifiableMap(scores);
    }

    private static void check(String name, Double score) {
        if (!validName(name)) {
            throw new IllegalArgumentException(
                    "a name is 1 to 64 of A-Z a-z 0-9 _ . -, starting with a letter or digit");
        }
        if (score == null || !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("the score must be a number from 0 to 1");
        }
    }
}
