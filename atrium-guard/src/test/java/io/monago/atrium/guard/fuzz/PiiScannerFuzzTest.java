package io.monago.atrium.guard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.List;

/**
 * {@link PiiScanner#scan} on any text: it never throws, and what it reports is well formed. Every
 * span lies inside the text and is not empty, findings come in text order without overlapping, no
 * span starts or ends between the two halves of a surrogate pair, every confidence is in (0, 1],
 * every finding names its rule and a type the scanner reports, and the same text gives the same
 * findings again.
 */
class PiiScannerFuzzTest {

    private static final PiiScanner SCANNER = PiiScanner.defaults();

    @FuzzTest(maxDuration = "15s")
    void scan(byte[] input) {
        String text = FuzzText.decode(input).text();

        List<PiiFinding> findings = SCANNER.scan(text);

        int previousEnd = 0;
        for (PiiFinding f : findings) {
            assertThat(f.start()).as("%s starts after the previous finding", f).isGreaterThanOrEqualTo(previousEnd);
            assertThat(f.end()).as("%s ends after it starts", f).isGreaterThan(f.start());
            assertThat(f.end())
                    .as("%s ends inside a text of %d chars", f, text.length())
                    .isLessThanOrEqualTo(text.length());
            assertThat(splitsPair(text, f.start()))
                    .as("%s starts inside a surrogate pair", f)
                    .isFalse();
            assertThat(splitsPair(text, f.end()))
                    .as("%s ends inside a surrogate pair", f)
                    .isFalse();
            assertThat(f.confidence()).as("%s confidence", f).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            assertThat(f.rule()).as("%s rule", f).isNotBlank();
            assertThat(SCANNER.entities()).as("%s type", f).contains(f.type());
            previousEnd = f.end();
        }
        assertThat(SCANNER.scan(text)).as("a second scan of the same text").isEqualTo(findings);
    }

    /** Whether {@code at} falls between a high surrogate and the low surrogate that completes it. */
    private static boolean splitsPair(String text, int at) {
        return at > 0
                && at < text.length()
                && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }
}
