package io.monago.atrium.bench;

import io.monago.atrium.gateway.rules.Rule;
import io.monago.atrium.gateway.rules.RuleAction;
import io.monago.atrium.gateway.rules.RuleCompiler;
import io.monago.atrium.gateway.rules.RuleFacts;
import io.monago.atrium.gateway.rules.RuleMode;
import io.monago.atrium.gateway.rules.RuleOutcome;
import io.monago.atrium.gateway.rules.RuleSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a workspace's rules cost a call: a 20-rule policy of the kinds {@code docs/policy.md} shows
 * (PII types and models, key labels, time of day, text matches, spend), none of which blocks or
 * allows, so every call evaluates all 20. {@code evaluate} is the rules alone; {@code factsAndEvaluate}
 * adds building the variables, as the policy filter does on every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyRulesBenchmark {

    private static final String[] CONDITIONS = {
        "('NPWP' in pii.types || 'NIK' in pii.types) && request.model != 'local-llama'",
        "time.hour < 7 || time.hour >= 19 || time.weekday >= 6",
        "key.labels.team == 'radiology' && request.model == 'gpt-5.4'",
        "key.id == 'pilot-app' && usage.key.idr_today > 450000.0",
        "'MRN' in pii.types || request.text.user.lowerAscii().matches('rekam medis|diagnosis')",
        "security.scores.prompt_injection > 0.3",
        "pii.count.CREDIT_CARD > 0 && !key.admin",
        "request.stream && request.max_tokens > 8000",
        "size(request.messages) > 40",
        "request.tools.exists(t, t.startsWith('delete_'))",
        "request.metadata.project == 'pilot' && usage.workspace.idr_month > 40000000.0",
        "pii.total > 10",
        "request.user == '' && workspace.id == 'bank'",
        "request.text.system.contains('ignore previous')",
        "time.date == '2026-12-25'",
        "pii.confidence.EMAIL > 0.99 && request.model.startsWith('claude')",
        "security.incidents.exists(c, c == 'jailbreak_attempt')",
        "usage.key.tokens_today > 1000000",
        "request.messages.exists(m, m.role == 'tool' && m.text.size() > 20000)",
        "'tier' in key.labels && key.labels.tier == 'free' && request.model == 'gpt-5.4'",
    };

    private RuleSet rules;
    private RuleFacts facts;

    /** Compiles the rules and gathers one call's variables. */
    @Setup
    public void setUp() {
        RuleCompiler compiler = new RuleCompiler();
        List<Rule> list = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.length; i++) {
            list.add(new Rule(
                    "rule-" + i,
                    "",
                    compiler.compile(CONDITIONS[i]),
                    RuleAction.FLAG,
                    "",
                    RuleMode.ENFORCE,
                    Set.of(),
                    Optional.empty()));
        }
        rules = new RuleSet(list, "bench");
        facts = facts();
    }

    private static RuleFacts facts() {
        return RuleFacts.builder()
                .request(
                        "gpt-5.4-mini",
                        List.of(
                                Map.of("role", "system", "text", "Kamu asisten klinis untuk dokter."),
                                Map.of("role", "user", "text", "Pasien batuk dua minggu, mohon saran pemeriksaan.")),
                        "dr-sari",
                        Map.of("project", "clinic"),
                        false,
                        List.of(),
                        512)
                .key("clinic-app", "clinic-app", Map.of("team", "general"), false)
                .workspace("clinic")
                .pii(Map.of("NIK", 1), Map.of("NIK", 0.95))
                .security(Map.of())
                .time(Instant.parse("2026-12-07T03:00:00Z"), ZoneId.of("Asia/Jakarta"))
                .build();
    }

    /**
     * Evaluates the 20 rules on one call.
     *
     * @return the outcome
     */
    @Benchmark
    public RuleOutcome evaluate() {
        return rules.evaluate(facts);
    }

    /**
     * Builds one call's variables and evaluates the 20 rules.
     *
     * @return the outcome
     */
    @Benchmark
    public RuleOutcome factsAndEvaluate() {
        return rules.evaluate(facts());
    }
}
