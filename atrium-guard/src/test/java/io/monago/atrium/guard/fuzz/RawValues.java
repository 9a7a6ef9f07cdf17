package io.monago.atrium.guard.fuzz;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.List;

/**
 * Whether a redacted text still holds a value that was found in the original. A value may
 * legitimately appear in the output where the original holds it outside every finding (the same
 * digits in a place the scanner reads as an order number, say), and inside a replacement (a secret
 * that reads {@code IP_ADDRESS}, beside a placeholder {@code [IP_ADDRESS_1]}), so only occurrences
 * beyond those count as a leak.
 */
final class RawValues {

    private RawValues() {}

    /**
     * Fails when {@code output} holds a value of {@code replaced} more often than {@code text} holds
     * it outside every replaced finding.
     *
     * @param text the original text
     * @param replaced the findings that were replaced, in text order
     * @param output the redacted text
     * @param replacements what each finding was replaced with, in text order
     * @param what what the output is, for the message
     */
    static void assertNoneLeaked(
            String text, List<PiiFinding> replaced, String output, List<String> replacements, String what) {
        for (PiiFinding f : replaced) {
            String value = f.valueIn(text);
            int inOutput = occurrences(output, value);
            for (String r : replacements) {
                inOutput -= occurrences(r, value);
            }
            if (inOutput <= 0) {
                continue;
            }
            int allowed = occurrencesOutside(text, value, replaced);
            if (inOutput > allowed) {
                throw new AssertionError(what + ": the " + f.type() + " value found at [" + f.start() + ", " + f.end()
                        + ") (rule " + f.rule() + ", " + value.length() + " chars) appears " + inOutput
                        + " times in the output, " + allowed + " of them outside every finding of the original");
            }
        }
    }

    private static int occurrences(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int occurrencesOutside(String text, String value, List<PiiFinding> replaced) {
        int n = 0;
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
            int end = i + value.length();
            int start = i;
            boolean covered = replaced.stream().anyMatch(f -> f.start() < end && start < f.end());
            if (!covered) {
                n++;
            }
        }
        return n;
    }
}
