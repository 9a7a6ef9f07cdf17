package io.monago.atrium.guard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.guard.security.lexicon.Lexicon;
import io.monago.atrium.guard.security.text.Confusables;
import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.Obfuscation;
import io.monago.atrium.guard.security.text.TextNormalizer;
import java.util.stream.IntStream;

/**
 * The security normaliser, {@link TextNormalizer}, on any text: it never throws; the folded text is
 * at most {@value #MAX_EXPANSION} chars per raw char (the longest compatibility decomposition);
 * every word is a non-empty run of letters and digits inside the folded text, in order, without
 * overlapping; every raw token is a span of the raw text, in order; no count of what was undone
 * is negative; and normalising the folded text again changes nothing (a normal form: what the
 * lexicon and the model read cannot depend on whether a text was normalised once or twice).
 */
class TextNormalizerFuzzTest {

    /** U+FDFA decomposes into 18 chars, the most of any char. */
    private static final int MAX_EXPANSION = 18;

    private static final TextNormalizer NORMALIZER =
            new TextNormalizer(Lexicon.load().vocabulary(), Confusables.load());

    @FuzzTest(maxDuration = "15s")
    void normalize(byte[] input) {
        String raw = FuzzText.decode(input).text();

        NormalizedText normalized = NORMALIZER.normalize(raw);

        assertThat((long) normalized.length())
                .as("folded length")
                .isLessThanOrEqualTo((long) MAX_EXPANSION * raw.length());
        assertThat(normalized.folded()).hasSize(normalized.length());
        int previousEnd = 0;
        for (int w = 0; w < normalized.wordCount(); w++) {
            int start = normalized.wordStart(w);
            int end = normalized.wordEnd(w);
            assertThat(start).as("word %d starts after the previous word", w).isGreaterThanOrEqualTo(previousEnd);
            assertThat(end).as("word %d ends after it starts", w).isGreaterThan(start);
            assertThat(end).as("word %d ends inside the folded text", w).isLessThanOrEqualTo(normalized.length());
            assertThat(normalized.wordLength(w)).isEqualTo(end - start);
            String word = normalized.word(w);
            assertThat(word.codePoints().allMatch(Character::isLetterOrDigit))
                    .as("word %d is letters and digits", w)
                    .isTrue();
            previousEnd = end;
        }
        assertThat(normalized.words()).hasSize(normalized.wordCount());
        int previousTokenEnd = 0;
        for (int t = 0; t < normalized.rawTokenCount(); t++) {
            int start = normalized.rawTokenStart(t);
            int end = normalized.rawTokenEnd(t);
            assertThat(start)
                    .as("raw token %d starts after the previous one", t)
                    .isGreaterThanOrEqualTo(previousTokenEnd);
            assertThat(end).as("raw token %d", t).isGreaterThan(start).isLessThanOrEqualTo(raw.length());
            previousTokenEnd = end;
        }
        assertThat(NORMALIZER.normalize(normalized.folded()).folded())
                .as("the folded text normalised again")
                .isEqualTo(normalized.folded());
        Obfuscation o = normalized.obfuscation();
        assertThat(IntStream.of(
                                o.zeroWidth(),
                                o.zeroWidthInWords(),
                                o.bidiMarks(),
                                o.bidiControls(),
                                o.tagCharacters(),
                                o.invisibleKeywords(),
                                o.homoglyphWords(),
                                o.homoglyphKeywords(),
                                o.leetKeywords(),
                                o.spacedKeywords())
                        .min()
                        .orElse(0))
                .as("the least count of what was undone")
                .isNotNegative();
    }
}
