package io.monago.atrium.guard.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.corpus.LabelledText;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticExamplesTest {
    @Test
    void theSameSeedGivesTheSameExamples() {
        assertThat(SyntheticExamples.generate(new Random(1), 3))
                .isEqualTo(SyntheticExamples.generate(new Random(1), 3));
        assertThat(SyntheticExamples.indirectSentence(new Random(5), true))
                .isEqualTo(SyntheticExamples.indirectSentence(new Random(5), true));
    }

    @Test
    void examplesAreTrainingRowsOfTheLearnedCategoriesOrBenign() {
        List<LabelledText> rows = SyntheticExamples.generate(new Random(2), 2);

        assertThat(rows).allSatisfy(row -> {
            assertThat(row.heldOut()).isFalse();
            assertThat(row.text()).isNotBlank();
            assertThat(SecurityModelTrainer.HEADS).containsAll(row.labels());
        });
        assertThat(rows).filteredOn(LabelledText::attack).isNotEmpty();
        assertThat(rows).filteredOn(row -> !row.attack()).allMatch(LabelledText::hardNegative);
        assertThat(rows.stream().flatMap(row -> row.labels().stream()))
                .contains(
                        IncidentCategory.PROMPT_INJECTION,
                        IncidentCategory.JAILBREAK_ATTEMPT,
                        IncidentCategory.SYSTEM_PROMPT_EXTRACTION);
        assertThat(rows).extracting(LabelledText::id).doesNotHaveDuplicates();
    }
}
