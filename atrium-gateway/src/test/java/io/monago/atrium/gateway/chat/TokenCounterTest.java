package io.monago.atrium.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    private final TokenCounter counter = new TokenCounter();
    private final Encoding o200k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static final String NOTE = "Pasien datang dengan keluhan batuk dan demam ringan sejak dua minggu, "
            + "the patient reports mild chest pain after walking and sleeps poorly. ";

    @Test
    void ordinaryTextIsCountedExactly() {
        String text = NOTE.repeat(50);

        assertThat(counter.count(text)).isEqualTo(o200k.countTokensOrdinary(text));
    }

    @Test
    void aLongRunWithoutSpacesIsCountedInPiecesCloseToTheExactCount() {
        String run = "x7".repeat(600) + " " + NOTE;

        long exact = o200k.countTokensOrdinary(run);

        assertThat(counter.count(run)).isBetween(exact - 5, exact + 5);
    }

    @Test
    void beyondTheExactBudgetTheEstimateIsNeverBelowTheExactCountOfOrdinaryText() {
        String text = NOTE.repeat(1_000); // about 150,000 characters

        long exact = o200k.countTokensOrdinary(text);
        long counted = counter.count(text);

        assertThat(counted).isGreaterThanOrEqualTo(exact).isLessThan(exact * 2);
    }

    @Test
    void aPairOfSurrogatesIsNeverSplit() {
        String text = "\uD83D\uDE00".repeat(TokenCounter.EXACT_CHARS);

        assertThat(counter.count(text)).isPositive();
        assertThat(counter.count("a" + "\uD83D\uDE00".repeat(300)))
                .isEqualTo(o200k.countTokensOrdinary("a" + "\uD83D\uDE00".repeat(300)));
    }

    @Test
    void megabytesOfOneCharacterAreCounted() {
        String run = "a".repeat(4 * 1024 * 1024);

        long counted = counter.count(run);

        // Exact for the first 16 Ki characters (8 per token), then one token per four bytes.
        assertThat(counted).isEqualTo(TokenCounter.EXACT_CHARS / 8 + (run.length() - TokenCounter.EXACT_CHARS) / 4);
    }
}
