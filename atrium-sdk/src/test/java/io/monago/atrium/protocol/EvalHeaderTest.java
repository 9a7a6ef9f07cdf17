package io.monago.atrium.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvalHeaderTest {

    @Test
    void whatIsWrittenReadsBackInOrder() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("helpfulness", 0.8);
        scores.put("grounded", 1.0);
        scores.put("toxicity.v2", 0.0);

        String value = EvalHeader.format(scores);

        assertThat(value).isEqualTo("helpfulness=0.8,grounded=1.0,toxicity.v2=0.0");
        assertThat(EvalHeader.parse(value)).containsExactlyEntriesOf(scores);
    }

    @Test
    void spacesAroundPairsAreAllowed() {
        assertThat(EvalHeader.parse(" a = 0.5 , b=1 ")).containsEntry("a", 0.5).containsEntry("b", 1.0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a=0.5,b=1.5 | pair 2: the score must be a number from 0 to 1",
                "a=x | pair 1: the score must be a number from 0 to 1",
                "a=NaN | pair 1: the score must be a number from 0 to 1",
                "=0.5 | pair 1 must be name=score",
                "a | pair 1 must be name=score",
                "a=0.1,a=0.2 | pair 2: the name appears twice",
                "-bad=0.1 | pair 1: a name is 1 to 64",
                "'a=0.1,,b=0.2' | pair 2 must be name=score",
            })
    void aMalformedValueIsRefusedNamingThePair(String value, String says) {
        assertThatThrownBy(() -> EvalHeader.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(says);
    }

    @Test
    void tooManyOrNoScoresAreRefused() {
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; i <= EvalHeader.MAX_SCORES; i++) {
            many.put("s" + i, 0.5);
        }
        assertThatThrownBy(() -> EvalHeader.format(many)).hasMessageContaining("between 1 and 16");
        assertThatThrownBy(() -> EvalHeader.format(Map.of())).hasMessageContaining("between 1 and 16");
        assertThatThrownBy(() -> EvalHeader.parse("")).hasMessageContaining("is required");
    }

    @Test
    void aScoreOutOfRangeIsNotWritten() {
        assertThatThrownBy(() -> EvalHeader.format(Map.of("x", 2.0))).hasMessageContaining("from 0 to 1");
    }
}
