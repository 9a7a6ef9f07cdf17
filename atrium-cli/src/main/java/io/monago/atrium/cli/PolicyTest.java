package io.monago.atrium.cli;

import io.monago.atrium.gateway.PolicyTrial;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.protocol.PolicyDecision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atrium policy test FILE --key K --model M "prompt"}: what the gateway would decide about a
 * call, and why, with the gateway's own inspection and rules; no provider is called and nothing is
 * recorded.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Show what the gateway would decide about a call, and why: PII found (types and counts),"
                + " security incidents, rules matched, the decision and the route. Calls no provider and"
                + " writes no audit record; limits are not consulted (usage.* reads 0).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:allowed or flagged: the call would go to the provider",
            "2:bad usage or a configuration that does not load",
            "3:blocked by policy (PII, security, a rule, or a model not allowed)",
            "4:refused for another reason (unknown model, disabled key, invalid request)"
        })
final class PolicyTest implements Callable<Integer> {

    /** Exit code of a call the policy blocks. */
    static final int BLOCKED = 3;
    /** Exit code of a call refused for another reason. */
    static final int REFUSED = 4;

    @Parameters(index = "0", paramLabel = "FILE", description = "the configuration file, e.g. atrium.yaml")
    private Path file;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "the user's message")
    private String prompt;

    @Option(names = "--key", required = true, paramLabel = "ID", description = "the id of a key in FILE")
    private String key;

    @Option(names = "--model", required = true, paramLabel = "M", description = "the model asked for")
    private String model;

    @Option(names = "--system", paramLabel = "TEXT", description = "a system message before the prompt")
    private String system;

    @Option(names = "--user", paramLabel = "ID", description = "the end user's id (request.user)")
    private String user;

    @Option(names = "--metadata", paramLabel = "K=V", description = "request metadata; repeat for more")
    private Map<String, String> metadata = new LinkedHashMap<>();

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description = "when the call arrives, e.g. 2026-12-07T21:30:00+07:00 (default: now)")
    private String at;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;

    PolicyTest(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        GatewayConfig config = new ConfigLoader(env).load(file);
        PolicyTrial.Call call = new PolicyTrial.Call(
                key, model, prompt, Optional.ofNullable(system), Optional.ofNullable(user), metadata, arrival());
        PolicyTrial.Report report;
        try {
            report = new PolicyTrial(config).run(call);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        print(spec.commandLine().getOut(), report);
        Verdict v = report.verdict();
        if (v.decision() == PolicyDecision.BLOCKED) {
            return BLOCKED;
        }
        return report.rejection().isPresent() ? REFUSED : 0;
    }

    private Instant arrival() {
        if (at == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageProblem("--at must be a time with its offset, e.g. 2026-12-07T21:30:00+07:00; got " + at);
        }
    }

    private void print(PrintWriter out, PolicyTrial.Report r) {
        Verdict v = r.verdict();
        out.println("call:       key " + key + " (workspace " + v.workspaceId() + "), model " + model);
        out.println("pii found:  " + (v.piiInput().isEmpty() ? "none" : counts(v.piiInput())));
        if (!v.piiRedacted().isEmpty()) {
            out.println("redacted:   " + String.join(", ", v.piiRedacted()));
        }
        out.println("security:   " + (v.securityIncidents().isEmpty() ? "no incident" : incidents(r)));
        List<String[]> rules = new ArrayList<>();
        List<String> builtIn = new ArrayList<>();
        for (String m : v.matchedRules()) {
            if (m.startsWith("rule.")) {
                rules.add(rule(m.substring("rule.".length())));
            } else {
                builtIn.add(m);
            }
        }
        if (!builtIn.isEmpty()) {
            out.println("built-in:   " + String.join(", ", builtIn));
        }
        if (rules.isEmpty()) {
            out.println("rules:      none matched");
        } else {
            String label = "rules:      ";
            for (String[] rule : rules) {
                out.println(label + rule[0] + "  " + rule[1] + "  " + rule[2]);
                label = "            ";
            }
        }
        out.println("decision:   " + v.decision().wire());
        v.blockReason().ifPresent(reason -> out.println("reason:     " + reason));
        r.rejection()
                .ifPresent(rejection -> out.println("answer:     "
                        + rejection.code().status() + " " + rejection.code().code() + ": " + rejection.message()));
        r.route()
                .ifPresent(route -> out.println("route:      " + route.model() + " via provider " + route.provider()
                        + " as " + route.upstreamModel() + " (not called)"));
        v.policyVersion().ifPresent(version -> out.println("policy:     version " + version));
        out.flush();
    }

    private static String counts(Map<String, Integer> counts) {
        List<String> out = new ArrayList<>();
        counts.forEach((type, n) -> out.add(type + " x" + n));
        return String.join(", ", out);
    }

    private static String incidents(PolicyTrial.Report r) {
        List<String> out = new ArrayList<>();
        for (String c : r.verdict().securityIncidents()) {
            Double score = r.incidentScores().get(c);
            out.add(score == null ? c : c + " (score " + String.format(Locale.ROOT, "%.2f", score) + ")");
        }
        return String.join(", ", out);
    }

    /** {@code <id>.<action>} or {@code <id>.<action>.dry_run}, the id possibly holding dots: id, action, mode. */
    private static String[] rule(String matched) {
        String mode = "enforce";
        String rest = matched;
        if (rest.endsWith(".dry_run")) {
            mode = "dry_run";
            rest = rest.substring(0, rest.length() - ".dry_run".length());
        }
        int dot = rest.lastIndexOf('.');
        return dot < 0
                ? new String[] {rest, "", mode}
                : new String[] {rest.substring(0, dot), rest.substring(dot + 1), mode};
    }
}
