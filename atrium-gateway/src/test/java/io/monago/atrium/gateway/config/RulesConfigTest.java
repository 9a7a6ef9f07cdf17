package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rules are checked when the file loads: a bad rule stops the load naming file, line, field and rule. */
class RulesConfigTest {

    private final ConfigLoader loader = new ConfigLoader(k -> null);

    private static String workspace(String rules) {
        return """
                models:
                  - {name: "*", provider: echo}
                  - {name: local-llama, provider: echo}
                workspaces:
                  - id: clinic
                    time_zone: Asia/Makassar
                    rules:
                """ + rules;
    }

    @Test
    void readsRulesWithTheirDefaults() {
        GatewayConfig c = loader.parse("atrium.yaml", workspace("""
                      - id: no-tax-ids-abroad
                        description: Tax ids never go to foreign-hosted models
                        when: "'NPWP' in pii.types && request.model.startsWith('gpt-')"
                        action: block
                      - id: health-local
                        when: "'MRN' in pii.types"
                        action: route
                        model: local-llama
                        mode: dry_run
                      - id: mask-contacts
                        when: "true"
                        action: redact
                        entities: [EMAIL, PHONE]
                """));

        WorkspaceConfig w = c.workspaces().get(0);
        assertThat(w.timeZone()).isEqualTo("Asia/Makassar");
        assertThat(w.rules()).hasSize(3);
        assertThat(w.rules().get(0).reason()).isEqualTo("Tax ids never go to foreign-hosted models");
        assertThat(w.rules().get(0).mode()).isEqualTo("enforce");
        assertThat(w.rules().get(1).mode()).isEqualTo("dry_run");
        assertThat(w.rules().get(2).entities()).containsExactly("EMAIL", "PHONE");
    }

    @Test
    void aTypeErrorNamesTheFileLineFieldRuleAndColumn() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", workspace("""
                      - id: ok
                        when: "true"
                        action: flag
                      - id: count-check
                        when: "pii.total == 'two'"
                        action: block
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("atrium.yaml:12: workspaces[0].rules[1].when: rule 'count-check': condition line 1,"
                        + " column 11: found no matching overload for '_==_' applied to '(int, string)'"
                        + " (candidates: (%A0, %A0))");
    }

    @Test
    void anUnknownVariableIsALoadError() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", workspace("""
                      - id: typo
                        when: "request.modle == 'gpt-5.4'"
                        action: block
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("workspaces[0].rules[0].when: rule 'typo': condition line 1, column 1:")
                .hasMessageContaining("undeclared reference to 'request'");
    }

    @Test
    void aConditionThatIsNotBooleanIsALoadError() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", workspace("""
                      - id: hour
                        when: "time.hour"
                        action: flag
                """)))
                .hasMessageContaining("rule 'hour'")
                .hasMessageContaining("expected type 'bool' but found 'int'");
    }

    @Test
    void fieldsAreChecked() {
        assertThat(problem("- {id: x, when: 'true', action: deny}")).contains("rules[0].action: must be one of");
        assertThat(problem("- {id: x, when: 'true', action: flag, mode: monitor}"))
                .contains("rules[0].mode: must be one of dry_run, enforce");
        assertThat(problem("- {id: x, when: 'true', action: redact}"))
                .contains("rules[0].entities: rule 'x': a redact rule names the entity types it redacts");
        assertThat(problem("- {id: x, when: 'true', action: redact, entities: [NAME]}"))
                .contains("unknown entity type 'NAME'");
        assertThat(problem("- {id: x, when: 'true', action: route}"))
                .contains("rules[0].model: rule 'x': a route rule names the model");
        assertThat(problem("- {id: x, when: 'true', action: block, model: local-llama}"))
                .contains("applies only to action route");
        assertThat(problem("- {id: x, action: block}")).contains("rules[0].when: rule 'x': is required");
        assertThat(problem("- {when: 'true', action: block}")).contains("rules[0].id: is required");
        assertThat(problem("- {id: x, when: 'true', action: flag}\n      - {id: x, when: 'true', action: flag}"))
                .contains("rules[1].id: rule 'x' is defined twice");
        assertThat(problem("- {id: x, when: 'true', action: flag, severity: high}"))
                .contains("unknown field 'severity'");
    }

    @Test
    void anUnknownTimeZoneIsALoadError() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", """
                workspaces:
                  - id: clinic
                    time_zone: Asia/Atlantis
                """))
                .hasMessage("atrium.yaml:3: workspaces[0].time_zone: unknown time zone 'Asia/Atlantis', e.g."
                        + " Asia/Jakarta or UTC");
    }

    private String problem(String rule) {
        try {
            loader.parse("atrium.yaml", workspace("      " + rule + "\n"));
            return "loaded";
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }
}
