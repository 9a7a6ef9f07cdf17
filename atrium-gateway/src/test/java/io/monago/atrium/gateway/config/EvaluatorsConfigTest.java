package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluators are checked when the file loads: a bad one stops the load naming file, line and field. */
class EvaluatorsConfigTest {
    private final ConfigLoader loader = new ConfigLoader(k -> null);

    private static String workspace(String evaluator) {
        return """
                workspaces:
                  - id: clinic
                    evaluators:
                      - %s
                """.formatted(evaluator);
    }

    @Test
    void readsEvaluatorsWithTheirDefaults() {
        GatewayConfig c = loader.parse("atrium.yaml", workspace("{name: tox, type: toxicity}"));

        EvaluatorConfig e = c.workspaces().get(0).evaluators().get(0);
        assertThat(e.stage()).isEqualTo("post");
        assertThat(e.action()).isEqualTo("record");
        assertThat(e.threshold()).isEqualTo(0.5);
        assertThat(e.sampleRate()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{name: x, type: sentiment} | workspaces[0].evaluators[0].type | one of callout, canary",
                "{name: x, type: toxicity, stage: during} | workspaces[0].evaluators[0].stage | one of post, pre",
                "{name: x, type: toxicity, action: delete} | workspaces[0].evaluators[0].action | one of block, flag, record",
                "{name: x, type: toxicity, threshold: 1.5} | workspaces[0].evaluators[0].threshold | between 0 and 1",
                "{name: x, type: toxicity, sample_rate: -0.1} | workspaces[0].evaluators[0].sample_rate | between 0 and 1",
                "{name: x, type: refusal, stage: pre} | workspaces[0].evaluators[0].stage | reads the answer",
                "{name: x, type: canary} | workspaces[0].evaluators[0].canary | is required",
                "{name: x, type: callout, secret: abcdefghijklmnopqrstu} | workspaces[0].evaluators[0].url | is required",
                "{name: x, type: callout, url: 'ftp://h/x', secret: abcdefghijklmnopqrstu} | workspaces[0].evaluators[0].url | http or https",
                "{name: x, type: callout, url: 'http://h/x', secret: short} | workspaces[0].evaluators[0].secret | at least 16 bytes",
                "{name: x, type: callout, url: 'http://h/x', secret: abcdefghijklmnopqrstu, on_error: retry} | workspaces[0].evaluators[0].on_error | fail_closed, fail_open",
                "{type: toxicity} | workspaces[0].evaluators[0].name | is required",
            })
    void aBadEvaluatorStopsTheLoadNamingFileLineAndField(String evaluator, String field, String says) {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", workspace(evaluator)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("atrium.yaml")
                .hasMessageContaining("atrium.yaml:4:")
                .hasMessageContaining(field)
                .hasMessageContaining(says);
    }

    @Test
    void aSecretIsNeverInTheMessage() {
        assertThatThrownBy(() -> loader.parse(
                        "atrium.yaml", workspace("{name: x, type: callout, url: 'http://h/x', secret: tiny-secret}")))
                .hasMessageNotContaining("tiny-secret");
    }

    @Test
    void twoEvaluatorsOfOneNameAreRefused() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                        workspaces:
                          - id: clinic
                            evaluators:
                              - {name: x, type: toxicity}
                              - {name: x, type: refusal}
                        """))
                .hasMessageContaining("workspaces[0].evaluators[1].name")
                .hasMessageContaining("defined twice");
    }
}
