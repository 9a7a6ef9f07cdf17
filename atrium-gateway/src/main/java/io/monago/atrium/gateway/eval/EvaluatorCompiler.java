package io.monago.atrium.gateway.eval;

import io.monago.atrium.gateway.config.EvaluatorConfig;
import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.toxicity.ToxicityClassifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds each workspace's evaluators from validated configuration. The toxicity classifier is
 * loaded once, on first use, and shared; so is the callouts' HTTP client.
 */
public final class EvaluatorCompiler {
    private static final long CONNECT_TIMEOUT_MS = 2000;

    private final PiiScanner scanner;
    private final Supplier<ToxicityClassifier> toxicity;
    private final HttpClient http;

    /**
     * Creates the compiler.
     *
     * @param scanner the PII scanner callouts redact with
     * @param toxicity gives the shared toxicity classifier (called only when a workspace uses one)
     * @param http the client callouts post with
     */
    public EvaluatorCompiler(PiiScanner scanner, Supplier<ToxicityClassifier> toxicity, HttpClient http) {
        this.scanner = scanner;
        this.toxicity = new Once<>(toxicity);
        this.http = http;
    }

    /**
     * The compiler the gateway runs with: the shipped toxicity model, and an HTTP client that
     * connects within {@value #CONNECT_TIMEOUT_MS} ms and follows no redirects (a signed body goes
     * to the configured URL only).
     *
     * @param scanner the PII scanner callouts redact with
     * @return the compiler
     */
    public static EvaluatorCompiler standard(PiiScanner scanner) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new EvaluatorCompiler(scanner, ToxicityClassifier::loadDefault, http);
    }

    /** Calls a supplier once, on first use, and keeps its value. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> source;
        private T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = source.get();
            }
            return value;
        }
    }

    /**
     * Compiles every workspace's evaluators.
     *
     * @param workspaces validated workspaces
     * @return the evaluators by workspace and stage
     */
    public WorkspaceEvaluators compile(List<WorkspaceConfig> workspaces) {
        Map<String, List<ConfiguredEvaluator>> pre = new HashMap<>();
        Map<String, List<ConfiguredEvaluator>> post = new HashMap<>();
        for (WorkspaceConfig w : workspaces) {
            List<ConfiguredEvaluator> before = new ArrayList<>();
            List<ConfiguredEvaluator> after = new ArrayList<>();
            for (EvaluatorConfig c : w.evaluators()) {
                ConfiguredEvaluator e = compile(c);
                (e.stage() == EvalStage.PRE ? before : after).add(e);
            }
            if (!before.isEmpty()) {
                pre.put(w.id(), List.copyOf(before));
            }
            if (!after.isEmpty()) {
                post.put(w.id(), List.copyOf(after));
            }
        }
        return new WorkspaceEvaluators(pre, post);
    }

    private ConfiguredEvaluator compile(EvaluatorConfig c) {
        Evaluator evaluator = switch (c.type()) {
            case "toxicity" -> new ToxicityEvaluator(toxicity.get());
            case "new_pii" -> new NewPiiEvaluator();
            case "json" -> new JsonAnswerEvaluator();
            case "refusal" -> new RefusalEvaluator();
            case "canary" -> new CanaryEvaluator(c.canary());
            case "callout" ->
                new CalloutEvaluator(
                        c.name(),
                        URI.create(c.url()),
                        c.secret(),
                        Duration.ofMillis(c.timeoutMs()),
                        http,
                        new CalloutText(scanner));
            default -> throw new IllegalArgumentException("unknown evaluator type " + c.type());
        };
        return new ConfiguredEvaluator(
                c.name(),
                EvalStage.of(c.stage()),
                EvalAction.of(c.action()),
                c.threshold(),
                c.sampleRate(),
                c.onError().equals("fail_closed"),
                evaluator);
    }
}
