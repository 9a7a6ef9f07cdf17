package io.monago.atrium.gateway.metrics;

import io.monago.atrium.gateway.exchange.Verdict;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the gateway counts and times. The chain reports each call's verdict here; other parts report
 * what only they see (the audit writes, the first chunk of a stream, an evaluator's result).
 * {@link #NONE} records nothing, for a gateway with {@code metrics.enabled: false}.
 *
 * <pre>{@code
 * GatewayMetrics metrics = PrometheusMetrics.create();
 * metrics.evaluation("faithfulness", "pass");   // atrium_evaluations_total{evaluator,result}
 * }</pre>
 */
public interface GatewayMetrics {

    /** Records nothing. */
    GatewayMetrics NONE = new GatewayMetrics() {};

    /**
     * Records a finished call from its verdict: the request count, latency split between gateway and
     * provider, tokens, cost, blocks, PII entity types and incident categories.
     *
     * @param verdict the call's verdict
     * @param gatewayTime time spent in the gateway itself, provider tries left out (for a stream:
     *     up to its first chunk)
     */
    default void call(Verdict verdict, Duration gatewayTime) {}

    /**
     * Records how long a streamed call took to hand the caller its first chunk.
     *
     * @param workspace the workspace id
     * @param model the model as recorded
     * @param elapsed from the request's arrival to the first chunk sent
     */
    default void firstToken(String workspace, String model, Duration elapsed) {}

    /**
     * Records one audit append, from the call's side: how long until it was durable.
     *
     * @param elapsed time from append to durable (or failed)
     * @param stored whether it was stored
     */
    default void auditWrite(Duration elapsed, boolean stored) {}

    /**
     * Counts one evaluator result.
     *
     * @param evaluator the evaluator's configured name
     * @param result its result word (for example {@code pass}, {@code fail}, {@code error})
     */
    default void evaluation(String evaluator, String result) {}

    /**
     * Follows a provider's circuit breaker: one gauge per state, 1 for the state it is in.
     *
     * @param provider the provider's configured name
     * @param state reads the breaker's state name now ({@code closed}, {@code open}, {@code half_open})
     */
    default void circuitBreaker(String provider, Supplier<String> state) {}

    /**
     * Follows how many group-commit batches the audit store has written; with
     * {@code atrium_audit_writes_total} it gives the mean batch size.
     *
     * @param batches reads the count now
     */
    default void auditBatches(java.util.function.LongSupplier batches) {}
}
