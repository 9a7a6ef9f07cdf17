package io.monago.atrium.guard.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.toxicity.category.ToxicityCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToxicityClassifierTest {
    private static final ToxicityClassifier CLASSIFIER = ToxicityClassifier.loadDefault();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "you are a worthless idiot and everyone knows it | abuse",
                "shut up you stupid bitch | abuse",
                "go back to your country you filthy savages | hate",
                "nobody likes you, just go die | harassment",
                "I will find you and I'm going to kill you | threats",
                "send nudes you horny slut | sexual",
                "dasar goblok, otak udang lu | abuse",
                "bangsat kau, tutup mulut | abuse",
                "awas lu, gue bunuh kau nanti | threats",
                "dasar lonte, kontol | sexual",
            })
    void detectsEachCategoryInEnglishAndIndonesian(String text, String category) {
        ToxicityResult result = CLASSIFIER.classify(text);

        assertThat(result.score()).isGreaterThanOrEqualTo(ToxicityClassifier.DEFAULT_THRESHOLD);
        assertThat(result.categories())
                .contains(ToxicityCategory.fromWireName(category).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The patient reports a persistent cough for two weeks; prescribe amoxicillin 500 mg.",
                "Pasien mengeluh batuk selama dua minggu, disarankan kontrol ulang hari Senin.",
                "Please summarise the quarterly tax filing requirements for a small business.",
                "Tolong jelaskan syarat pengajuan KPR di bank untuk pegawai negeri.",
                "The antibiotic kills the bacteria; the wound should heal in ten days.",
                "Setel alarm jam enam pagi dan putar lagu favorit saya.",
            })
    void leavesOrdinaryRegulatedTextAlone(String text) {
        assertThat(CLASSIFIER.classify(text).score()).isLessThan(ToxicityClassifier.DEFAULT_THRESHOLD);
    }

    @Test
    void readsLookAlikeSpellings() {
        ToxicityResult result = CLASSIFIER.classify("you are such a st00pid 1d10t, fuuuuck off");

        assertThat(result.toxicAt(ToxicityClassifier.DEFAULT_THRESHOLD)).isTrue();
        assertThat(result.categories()).contains(ToxicityCategory.ABUSE);
    }

    @Test
    void findsOneAbusiveSentenceInALongAnswer() {
        String filler = "The committee reviewed the annual report and approved the budget for the clinic. ";
        String text = filler.repeat(30) + "You are a pathetic worthless moron. " + filler.repeat(30);

        assertThat(CLASSIFIER.classify(text).score()).isGreaterThanOrEqualTo(ToxicityClassifier.DEFAULT_THRESHOLD);
    }

    @Test
    void resultNeverHoldsTheText() {
        ToxicityResult result = CLASSIFIER.classify("shut up you stupid idiot");

        assertThat(result.toString()).doesNotContain("idiot").doesNotContain("stupid");
    }

    @Test
    void emptyTextScoresLow() {
        assertThat(CLASSIFIER.classify("").score()).isLessThan(ToxicityClassifier.DEFAULT_THRESHOLD);
        assertThat(CLASSIFIER.classify("").categories()).isEmpty();
    }
}
