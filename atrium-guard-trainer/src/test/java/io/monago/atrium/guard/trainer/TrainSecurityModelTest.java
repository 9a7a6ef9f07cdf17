package io.monago.atrium.guard.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainSecurityModelTest {
    @Test
    void anEmptyGridIsTheDefaultSettings() {
        assertThat(TrainSecurityModel.grid("")).containsExactly(SecurityModelTrainer.Settings.DEFAULT);
    }

    @Test
    void aGridIsEveryCombinationOfItsAxes() {
        List<SecurityModelTrainer.Settings> grid = TrainSecurityModel.grid("l2=1e-4,3e-4;epochs=5,8");

        assertThat(grid).hasSize(4);
        assertThat(grid).extracting(SecurityModelTrainer.Settings::l2).containsExactly(1e-4, 1e-4, 3e-4, 3e-4);
        assertThat(grid).extracting(SecurityModelTrainer.Settings::epochs).containsExactly(5, 8, 5, 8);
        assertThat(grid).allSatisfy(s -> assertThat(s.seed()).isEqualTo(SecurityModelTrainer.Settings.DEFAULT.seed()));
    }

    @Test
    void anUnknownSettingIsRejected() {
        assertThatThrownBy(() -> TrainSecurityModel.grid("nonsense=1")).hasMessageContaining("nonsense");
    }

    @Test
    void aMalformedAxisIsRejected() {
        assertThatThrownBy(() -> TrainSecurityModel.grid("l2")).hasMessageContaining("'l2'");
        assertThatThrownBy(() -> TrainSecurityModel.grid("l2=1e-4=3e-4")).hasMessageContaining("'l2=1e-4=3e-4'");
        assertThatThrownBy(() -> TrainSecurityModel.grid("l2=1e-4,")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theShippedWeightsAreWrittenIntoTheGuardsResources() {
        assertThat(TrainSecurityModel.SHIPPED.normalize().toString().replace('\\', '/'))
                .endsWith(
                        "atrium-guard/src/main/resources/io/monago/atrium/guard/security/model/security-model.bin.gz");
        assertThat(TrainSecurityModel.SHIPPED).isRegularFile();
    }
}
