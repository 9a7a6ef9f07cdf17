package io.monago.atrium.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.monago.atrium.gateway.exchange.Attempt;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.protocol.PolicyDecision;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The gateway's metrics in a Micrometer {@link PrometheusMeterRegistry}, scraped as Prometheus text
 * from {@code GET /metrics}. Histograms have fixed buckets (no percentiles computed in process), so
 * Prometheus aggregates them across instances.
 *
 * <pre>{@code
 * PrometheusMetrics metrics = PrometheusMetrics.create();
 * metrics.call(verdict, Duration.ofNanos(300_000));
 * String text = metrics.scrape();   // atrium_requests_total{...} 1.0 ...
 * }</pre>
 */
public final class PrometheusMetrics implements GatewayMetrics {

    /** Buckets for time spent in the gateway itself: 50 µs to 1 s. */
    private static final Duration[] GATEWAY_BUCKETS =
            seconds(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1);
    /** Buckets for a provider's answer and the first token: 10 ms to 2 minutes. */
    private static final Duration[] PROVIDER_BUCKETS =
            seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120);
    /** Buckets for an audit append: 100 µs to 5 s. */
    private static final Duration[] AUDIT_BUCKETS =
            seconds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5);

    private static final String[] BREAKER_STATES = {"closed", "open", "half_open"};

    private final PrometheusMeterRegistry registry;
    private final List<Object> followed = new CopyOnWriteArrayList<>();
    /** As many entries as the registry has call series: bounded by workspaces, models, providers, decisions, statuses. */
    private final Map<CallKey, CallMeters> callMeters = new ConcurrentHashMap<>();

    private PrometheusMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** {@return metrics in a new registry of their own} */
    public static PrometheusMetrics create() {
        return new PrometheusMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** {@return the registry, for binding more meters (the JVM's, for one)} */
    public MeterRegistry registry() {
        return registry;
    }

    /** {@return every metric in the Prometheus text format, version 0.0.4} */
    public String scrape() {
        return registry.scrape();
    }

    /** The series every call touches, by what labels them. */
    private record CallKey(String workspace, String model, String provider, String decision, int status) {}

    /** The meters of one {@link CallKey}, registered once: finding them by name cost every call a kilobyte. */
    private record CallMeters(Counter requests, Timer latency, Counter tokensIn, Counter tokensOut, Counter costIdr) {}

    private CallMeters callMeters(CallKey k) {
        CallMeters found = callMeters.get(k);
        if (found != null) {
            return found;
        }
        return callMeters.computeIfAbsent(k, key -> {
            Tags call = Tags.of("workspace", key.workspace(), "model", key.model());
            return new CallMeters(
                    counter(
                            "atrium.requests",
                            "calls answered, by workspace, model, provider, decision and status",
                            call.and(
                                    "provider",
                                    key.provider(),
                                    "decision",
                                    key.decision(),
                                    "status",
                                    Integer.toString(key.status()))),
                    timer(
                            "atrium.gateway.latency",
                            "time spent in the gateway itself, provider tries left out",
                            call,
                            GATEWAY_BUCKETS),
                    counter("atrium.tokens", "tokens metered, by direction", call.and("direction", "input")),
                    counter("atrium.tokens", "tokens metered, by direction", call.and("direction", "output")),
                    counter("atrium.cost.idr", "cost metered, in rupiah", call));
        });
    }

    @Override
    public void call(Verdict v, Duration gatewayTime) {
        String workspace = v.workspaceId();
        String decision = v.decision().wire();
        // Evaluator names come from the configuration, so the series stay bounded.
        v.evaluations().forEach(e -> evaluation(e.evaluator(), e.result()));
        CallMeters m = callMeters(
                new CallKey(workspace, v.model().orElse("none"), v.provider().orElse("none"), decision, v.status()));
        m.requests().increment();
        m.latency().record(gatewayTime);
        for (Attempt a : v.attempts()) {
            if (a.outcome().equals(Attempt.CIRCUIT_OPEN) || a.outcome().equals(Attempt.NOT_ALLOWED)) {
                continue; // never sent, so nothing to time
            }
            timer(
                            "atrium.provider.latency",
                            "time a provider took to answer one try (a stream: its first chunk)",
                            Tags.of("provider", a.provider(), "outcome", a.outcome()),
                            PROVIDER_BUCKETS)
                    .record(Duration.ofNanos(Math.round(a.latencyMs() * 1_000_000)));
        }
        // Registered even at zero (a blocked call, a free model), so each series exists from the first call.
        m.tokensIn().increment((double) v.usage().promptTokens());
        m.tokensOut().increment((double) v.usage().completionTokens());
        m.costIdr().increment(v.costIdr());
        v.errorCode().ifPresent(code -> {
            if (v.decision() == PolicyDecision.BLOCKED) {
                counter(
                                "atrium.blocks",
                                "calls blocked by policy, by reason (the error code)",
                                Tags.of("workspace", workspace, "reason", code))
                        .increment();
            } else {
                counter(
                                "atrium.rejections",
                                "calls refused other than by policy (limits, budgets, errors), by code",
                                Tags.of("workspace", workspace, "code", code))
                        .increment();
            }
        });
        entities(workspace, decision, "input", v.piiInput());
        entities(workspace, decision, "output", v.piiOutput());
        for (String category : v.securityIncidents()) {
            counter(
                            "atrium.security.incidents",
                            "security incidents found, by category and the call's decision",
                            Tags.of("workspace", workspace, "category", category, "decision", decision))
                    .increment();
        }
    }

    private void entities(String workspace, String decision, String direction, Map<String, Integer> counts) {
        counts.forEach((type, n) -> counter(
                        "atrium.pii.entities",
                        "PII entities found, by type, where, and the call's decision",
                        Tags.of(
                                "workspace",
                                workspace,
                                "entity_type",
                                type,
                                "direction",
                                direction,
                                "decision",
                                decision))
                .increment(n));
    }

    @Override
    public void firstToken(String workspace, String model, Duration elapsed) {
        timer(
                        "atrium.time.to.first.token",
                        "time from a streamed call's arrival to its first chunk sent",
                        Tags.of("workspace", workspace, "model", model),
                        PROVIDER_BUCKETS)
                .record(elapsed);
    }

    @Override
    public void auditWrite(Duration elapsed, boolean stored) {
        timer(
                        "atrium.audit.write.latency",
                        "time from an audit append to the record being durable",
                        Tags.of("result", stored ? "stored" : "failed"),
                        AUDIT_BUCKETS)
                .record(elapsed);
        counter("atrium.audit.writes", "audit records appended", Tags.of("result", stored ? "stored" : "failed"))
                .increment();
    }

    @Override
    public void evaluation(String evaluator, String result) {
        counter("atrium.evaluations", "evaluator results", Tags.of("evaluator", evaluator, "result", result))
                .increment();
    }

    @Override
    public void circuitBreaker(String provider, Supplier<String> state) {
        for (String s : BREAKER_STATES) {
            Gauge.builder("atrium.circuit.breaker.state", state, now -> s.equals(now.get()) ? 1 : 0)
                    .description("1 for the state a provider's circuit breaker is in, 0 for the others")
                    .tags("provider", provider, "state", s)
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void auditBatches(LongSupplier batches) {
        followed.add(batches); // Micrometer holds what it reads weakly; the gateway holds no other reference
        FunctionCounter.builder("atrium.audit.batches", batches, b -> b.getAsLong())
                .description("group-commit batches the audit store wrote; records over batches is the mean batch size")
                .register(registry);
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private Timer timer(String name, String description, Tags tags, Duration[] buckets) {
        return Timer.builder(name)
                .description(description)
                .tags(tags)
                .serviceLevelObjectives(buckets)
                .register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return out;
    }

    /**
     * The state word a breaker's state is shown under.
     *
     * @param state the enum constant's name
     * @return the word, lower case
     */
    public static String stateWord(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
