package io.monago.atrium.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule conditions over every variable, and how a rule set walks its rules. */
class RuleSetTest {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    /** A call at 19:30 Jakarta time on a Monday, with a NIK, a jailbreak score and some spend. */
    private static final RuleFacts FACTS = RuleFacts.builder()
            .request(
                    "gpt-5.4-mini",
                    List.of(
                            Map.of("role", "system", "text", "Kamu asisten klinis."),
                            Map.of("role", "user", "text", "Pasien batuk 2 minggu")),
                    "dr-sari",
                    Map.of("team", "pilot"),
                    true,
                    List.of("lookup_patient"),
                    256)
            .key("clinic-app", "Clinic app", Map.of("team", "radiology"), false)
            .workspace("clinic")
            .pii(Map.of("NIK", 2), Map.of("NIK", 0.97))
            .security(Map.of("jailbreak_attempt", 0.42))
            .incidents(List.of("jailbreak_attempt"))
            .time(Instant.parse("2026-12-07T12:30:00Z"), ZoneId.of("Asia/Jakarta"))
            .usage("key", 1_000, 30_000, 1_500.5, 45_000)
            .usage("workspace", 5_000, 90_000, 7_000, 120_000)
            .build();

    private static boolean holds(String expression) {
        return COMPILER.compile(expression).test(FACTS);
    }

    @Test
    void everyVariableHasItsValueAndType() {
        assertThat(holds("request.model == 'gpt-5.4-mini' && request.model.startsWith('gpt-')"))
                .isTrue();
        assertThat(holds("size(request.messages) == 2 && request.messages[1].role == 'user'"))
                .isTrue();
        assertThat(holds("request.text.user.contains('batuk') && request.text.assistant == ''"))
                .isTrue();
        assertThat(holds("request.user == 'dr-sari' && request.metadata.team == 'pilot'"))
                .isTrue();
        assertThat(holds("request.stream && 'lookup_patient' in request.tools && request.max_tokens == 256"))
                .isTrue();
        assertThat(holds("key.id == 'clinic-app' && key.name == 'Clinic app' && key.labels.team == 'radiology'"))
                .isTrue();
        assertThat(holds("!key.admin && workspace.id == 'clinic'")).isTrue();
        assertThat(holds("'NIK' in pii.types && pii.count.NIK == 2 && pii.count.EMAIL == 0 && pii.total == 2"))
                .isTrue();
        assertThat(holds("pii.confidence.NIK > 0.9 && pii.confidence.NPWP == 0.0"))
                .isTrue();
        assertThat(holds("'jailbreak_attempt' in security.incidents && security.scores.jailbreak_attempt > 0.4"))
                .isTrue();
        assertThat(holds("security.scores.prompt_injection == 0.0")).isTrue();
        assertThat(holds("time.hour == 19 && time.minute == 30 && time.weekday == 1"))
                .isTrue();
        assertThat(holds("time.date == '2026-12-07' && time.zone == 'Asia/Jakarta'"))
                .isTrue();
        assertThat(holds("time.now > timestamp('2026-12-07T00:00:00Z') && time.now.getHours('Asia/Jakarta') == 19"))
                .isTrue();
        assertThat(holds("usage.key.tokens_today == 1000 && usage.key.tokens_month == 30000"))
                .isTrue();
        assertThat(holds("usage.key.idr_today == 1500.5 && usage.key.idr_month == 45000.0"))
                .isTrue();
        assertThat(holds("usage.workspace.tokens_today == 5000 && usage.workspace.tokens_month == 90000"))
                .isTrue();
        assertThat(holds("usage.workspace.idr_today == 7000.0 && usage.workspace.idr_month == 120000.0"))
                .isTrue();
    }

    @Test
    void aConditionReadingAnUnknownVariableOrMistypingOneDoesNotCompile() {
        assertThatThrownBy(() -> COMPILER.compile("request.modle == 'x'"))
                .isInstanceOf(RuleCompileException.class)
                .hasMessageContaining("undeclared reference")
                .satisfies(e -> assertThat(((RuleCompileException) e).column()).isEqualTo(1));
        assertThatThrownBy(() -> COMPILER.compile("pii.total == 'two'"))
                .isInstanceOf(RuleCompileException.class)
                .hasMessageContaining("no matching overload")
                .satisfies(e -> assertThat(((RuleCompileException) e).column()).isEqualTo(11));
        assertThatThrownBy(() -> COMPILER.compile("pii.total")).hasMessageContaining("expected type 'bool'");
        assertThatThrownBy(() -> COMPILER.compile("request.model ==")).isInstanceOf(RuleCompileException.class);
    }

    @Test
    void aConditionPastTheCostLimitIsStopped() {
        String tenThousandSteps = "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b,"
                + " [0,1,2,3,4,5,6,7,8,9].all(c, [0,1,2,3,4,5,6,7,8,9].all(d, a + b + c + d >= 0))))";
        assertThatThrownBy(() -> COMPILER.compile(tenThousandSteps).test(FACTS))
                .isInstanceOfSatisfying(
                        RuleEvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleEvaluationException.Kind.COST_LIMIT));
        assertThat(new RuleCompiler(1_000_000).compile(tenThousandSteps).test(FACTS))
                .isTrue();
    }

    @Test
    void rulesRunInOrderAndABlockStopsTheWalk() {
        RuleOutcome o = rules(
                        rule("flag-night", "time.hour >= 18", RuleAction.FLAG),
                        rule("no-nik", "'NIK' in pii.types", RuleAction.BLOCK),
                        rule("never-reached", "true", RuleAction.FLAG))
                .evaluate(FACTS);

        assertThat(o.matched()).containsExactly("rule.flag-night.flag", "rule.no-nik.block");
        assertThat(o.block()).map(Rule::id).contains("no-nik");
        assertThat(o.flagged()).isTrue();
    }

    @Test
    void allowStopsEvaluationSoLaterRulesDoNotApply() {
        RuleOutcome o = rules(
                        rule("admins-free", "key.labels.team == 'radiology'", RuleAction.ALLOW),
                        rule("no-nik", "'NIK' in pii.types", RuleAction.BLOCK))
                .evaluate(FACTS);

        assertThat(o.matched()).containsExactly("rule.admins-free.allow");
        assertThat(o.block()).isEmpty();
    }

    @Test
    void aRuleThatDoesNotMatchDoesNothing() {
        RuleOutcome o = rules(rule("claude-only", "request.model.startsWith('claude')", RuleAction.BLOCK))
                .evaluate(FACTS);

        assertThat(o.matched()).isEmpty();
        assertThat(o.block()).isEmpty();
    }

    @Test
    void aDryRunRuleIsRecordedAndChangesNothing() {
        Rule dry = new Rule(
                "no-nik",
                "",
                COMPILER.compile("'NIK' in pii.types"),
                RuleAction.BLOCK,
                "",
                RuleMode.DRY_RUN,
                Set.of(),
                Optional.empty());
        RuleOutcome o = rules(dry, rule("flag-all", "true", RuleAction.FLAG)).evaluate(FACTS);

        assertThat(o.matched()).containsExactly("rule.no-nik.block.dry_run", "rule.flag-all.flag");
        assertThat(o.block()).isEmpty();
    }

    @Test
    void redactAndRouteCollectTheirTargets() {
        Rule redact = new Rule(
                "mask-contacts",
                "",
                COMPILER.compile("true"),
                RuleAction.REDACT,
                "",
                RuleMode.ENFORCE,
                Set.of("EMAIL", "PHONE"),
                Optional.empty());
        Rule route = new Rule(
                "health-local",
                "",
                COMPILER.compile("'NIK' in pii.types"),
                RuleAction.ROUTE,
                "",
                RuleMode.ENFORCE,
                Set.of(),
                Optional.of("local-llama"));
        RuleOutcome o = rules(redact, route).evaluate(FACTS);

        assertThat(o.redact()).containsExactlyInAnyOrder("EMAIL", "PHONE");
        assertThat(o.routeTo()).contains("local-llama");
    }

    @Test
    void aConditionThatFailsDoesNotMatch() {
        RuleOutcome o = rules(
                        rule("broken-flag", "1 / (pii.total - 2) > 0", RuleAction.FLAG),
                        rule("no-label", "key.labels.project == 'x'", RuleAction.BLOCK))
                .evaluate(FACTS);

        assertThat(o.matched()).containsExactly("rule.broken-flag.error", "rule.no-label.error");
        assertThat(o.flagged()).isFalse();
        assertThat(o.block()).isEmpty();
    }

    @Test
    void aBlockPastTheCostLimitBlocksSoALargeRequestCannotStepAroundIt() {
        RuleCompiler tight = new RuleCompiler(20);
        String scan = "request.messages.exists(m, m.text.contains('resep palsu'))";
        Rule block = new Rule(
                "no-forgery",
                "",
                tight.compile(scan),
                RuleAction.BLOCK,
                "",
                RuleMode.ENFORCE,
                Set.of(),
                Optional.empty());
        Rule flag = new Rule(
                "flag-forgery",
                "",
                tight.compile(scan),
                RuleAction.FLAG,
                "",
                RuleMode.ENFORCE,
                Set.of(),
                Optional.empty());

        RuleOutcome o = rules(flag, block).evaluate(FACTS);

        assertThat(o.matched())
                .containsExactly("rule.flag-forgery.error", "rule.no-forgery.error", "rule.no-forgery.block");
        assertThat(o.flagged()).isFalse();
        assertThat(o.block()).map(Rule::id).contains("no-forgery");
    }

    private static Rule rule(String id, String when, RuleAction action) {
        return new Rule(id, "", COMPILER.compile(when), action, "", RuleMode.ENFORCE, Set.of(), Optional.empty());
    }

    private static RuleSet rules(Rule... rules) {
        return new RuleSet(new ArrayList<>(List.of(rules)), "test");
    }
}
