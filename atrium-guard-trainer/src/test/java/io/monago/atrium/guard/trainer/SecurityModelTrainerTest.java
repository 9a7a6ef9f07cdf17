package io.monago.atrium.guard.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.LabelledText;
import io.monago.atrium.guard.security.model.LinearModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer on a small slice of the corpus with small settings, so the test stays fast. Training
 * on the whole training split with the default settings is {@code TrainSecurityModel}'s job.
 */
class SecurityModelTrainerTest {
    private static final SecurityModelTrainer.Settings SMALL =
            new SecurityModelTrainer.Settings(7L, 12, 32, 8, 2, 0.3, 3e-4, 0.3, 1.0, 0, 0.5, 3.0, 2);

    private static List<LabelledText> train;

    @BeforeAll
    static void readCorpus() {
        train = Corpora.own().stream()
                .filter(row -> !row.heldOut())
                .filter(row -> row.group().hashCode() % 4 == 0)
                .toList();
    }

    @Test
    void theSameRowsAndSettingsGiveTheSameWeightsByteForByte() throws IOException {
        assertThat(train).hasSizeGreaterThan(100);

        byte[] first = bytes(new SecurityModelTrainer(SMALL).train(train));
        byte[] second = bytes(new SecurityModelTrainer(SMALL).train(train));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theModelHasOneHeadPerLearnedCategoryAndTheSettingsItWasTrainedWith() {
        LinearModel model = new SecurityModelTrainer(SMALL).train(train);

        assertThat(model.heads()).isEqualTo(SecurityModelTrainer.HEADS);
        assertThat(model.hasher().size()).isEqualTo(1 << SMALL.bits());
        assertThat(model.window()).isEqualTo(SMALL.window());
        assertThat(model.stride()).isEqualTo(SMALL.stride());
        assertThat(model.frequentWords()).isNotEmpty();
    }

    private static byte[] bytes(LinearModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out, 1e-3f);
        return out.toByteArray();
    }
}
