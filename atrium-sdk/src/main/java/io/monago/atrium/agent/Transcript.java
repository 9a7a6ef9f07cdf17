package io.monago.atrium.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run did, in order: each model call with its governance, each tool call, each
 * handoff; the total cost in rupiah and tokens; the trace id when the gateway reports one.
 *
 * <pre>{@code
 * Transcript t = result.transcript();
 * System.out.printf("%d steps, Rp %.2f, run %s%n", t.steps().size(), t.totalCostIdr(), t.runId());
 * }</pre>
 *
 * @param runId the run's id, also sent as {@code atrium_run_id} metadata on each call
 * @param steps the steps in the order they ended (branches of a parallel fan-out interleave)
 * @param totalCostIdr the sum of every model call's {@code X-Monago-Cost-Idr}
 * @param totalTokens the sum of every model call's total tokens
 * @param traceId the W3C trace id of the run; empty until the gateway reports trace ids in its
 *     governance (it records them in the audit record today, not in the response)
 */
public record Transcript(
        String runId, List<RunStep> steps, double totalCostIdr, long totalTokens, Optional<String> traceId) {

    /**
     * Copies the steps.
     *
     * @param runId id
     * @param steps steps
     * @param totalCostIdr cost
     * @param totalTokens tokens
     * @param traceId trace id
     */
    public Transcript {
        Objects.requireNonNull(runId, "runId");
        steps = List.copyOf(steps);
        Objects.requireNonNull(traceId, "traceId");
    }

    /**
     * The model calls only.
     *
     * @return the steps of kind {@link RunStep.Kind#MODEL_CALL}
     */
    public List<RunStep> modelCalls() {
        return steps.stream().filter(s -> s.kind() == RunStep.Kind.MODEL_CALL).toList();
    }

    /**
     * The audit ids of the run's model calls, in order.
     *
     * @return the ids the gateway sent
     */
    public List<String> auditIds() {
        return modelCalls().stream().flatMap(s -> s.auditId().stream()).toList();
    }
}
