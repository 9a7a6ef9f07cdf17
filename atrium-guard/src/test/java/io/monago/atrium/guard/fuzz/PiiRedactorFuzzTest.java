package io.monago.atrium.guard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionOperator;
import io.monago.atrium.guard.redact.RedactionSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link PiiRedactor#redactRequest} with every operator on any text: it never throws; the output is
 * the text with exactly the findings to replace swapped for their operator's output; no value found
 * in the text is left in the output (with a mask, no value in its own replacement); and in a
 * reversible session restoring the output gives the text back (when that is well defined: no
 * bracket typed in the text, and no two spellings of one value, which restore to the first).
 */
class PiiRedactorFuzzTest {

    private static final PiiScanner SCANNER = PiiScanner.defaults();
    private static final PiiPolicy POLICY = PiiPolicy.defaults();
    private static final PiiRedactor REDACTOR = PiiRedactor.of(SCANNER, POLICY);
    private static final byte[] SALT = "a salt of sixteen bytes or more".getBytes(StandardCharsets.UTF_8);

    private static final List<RedactionOperator> OPERATORS = List.of(
            RedactionOperator.placeholder(),
            RedactionOperator.mask(0, 4),
            RedactionOperator.mask(2, 2),
            RedactionOperator.saltedHash(SALT),
            RedactionOperator.remove());

    @FuzzTest(maxDuration = "15s")
    void redact(byte[] input) {
        String text = FuzzText.decode(input).text();
        List<PiiFinding> replaced = POLICY.evaluate(SCANNER.scan(text)).toReplace();

        for (RedactionOperator operator : OPERATORS) {
            boolean reversible = operator == RedactionOperator.placeholder();
            RedactionSession session = RedactionSession.builder()
                    .operator(operator)
                    .reversible(reversible)
                    .build();
            String output = REDACTOR.redactRequest(List.of(new TextSegment("fuzz", MessageRole.USER, text)), session)
                    .segments()
                    .get(0)
                    .redactedText();

            List<String> replacements = replacementsIn(text, replaced, output, operator);
            if (!(operator instanceof RedactionOperator.Mask)) {
                // A mask keeps a value's edges by design, and they may spell a shorter value found
                // elsewhere ("::145" in "****::145"): for a mask, each replacement is checked alone.
                RawValues.assertNoneLeaked(text, replaced, output, replacements, operator.toString());
            }
            if (reversible && text.indexOf('[') < 0 && oneSpellingEach(text, replaced, replacements)) {
                assertThat(session.restore(output)).as("restored").isEqualTo(text);
            }
        }
    }

    /**
     * Reads the output as the text with each finding replaced, and returns the replacements; fails
     * when the output is anything else. How long a replacement is follows from its operator.
     */
    private static List<String> replacementsIn(
            String text, List<PiiFinding> replaced, String output, RedactionOperator operator) {
        List<String> replacements = new ArrayList<>();
        int copied = 0;
        int at = 0;
        for (PiiFinding f : replaced) {
            at = expect(output, at, text.substring(copied, f.start()), f);
            int end;
            if (operator instanceof RedactionOperator.Mask) {
                end = at + f.length(); // one char for each char of the value
            } else if (operator == RedactionOperator.remove()) {
                end = at;
            } else {
                end = output.indexOf(']', at) + 1; // [TYPE_n] or [TYPE:hex]
            }
            assertThat(end).as("replacement of %s inside the output", f).isGreaterThanOrEqualTo(at);
            String replacement = output.substring(at, end);
            assertThat(replacement).as("replacement of %s", f).doesNotContain(f.valueIn(text));
            if (operator instanceof RedactionOperator.Mask) {
                assertThat(replacement).as("masked %s", f).isNotEqualTo(f.valueIn(text));
            } else if (operator != RedactionOperator.remove()) {
                assertThat(replacement)
                        .as("replacement of %s", f)
                        .startsWith("[" + f.type().name());
            }
            replacements.add(replacement);
            at = end;
            copied = f.end();
        }
        at = expect(output, at, text.substring(copied), null);
        assertThat(at).as("output ends with the text after the last finding").isEqualTo(output.length());
        return replacements;
    }

    private static int expect(String output, int at, String expected, PiiFinding before) {
        if (!output.startsWith(expected, at)) {
            throw new AssertionError("the text before " + (before == null ? "the end" : before)
                    + " is not copied unchanged to the output at " + at);
        }
        return at + expected.length();
    }

    /** Whether no placeholder stands for two different spellings (restore gives back the first). */
    private static boolean oneSpellingEach(String text, List<PiiFinding> replaced, List<String> replacements) {
        Map<String, Set<String>> spellings = new HashMap<>();
        for (int i = 0; i < replaced.size(); i++) {
            spellings
                    .computeIfAbsent(replacements.get(i), k -> new HashSet<>())
                    .add(replaced.get(i).valueIn(text));
        }
        return spellings.values().stream().allMatch(s -> s.size() == 1);
    }
}
