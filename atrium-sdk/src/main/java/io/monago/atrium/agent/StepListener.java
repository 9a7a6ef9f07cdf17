package io.monago.atrium.agent;

/**
 * Sees each step of every run as it ends: to log it, store it, or show progress. A run stopped by a
 * block raises the SDK's typed exception, which carries no transcript; a listener has seen every
 * step until then, the blocked call with its audit id included.
 *
 * <pre>{@code
 * Runner runner = Runner.builder(client)
 *         .onStep((runId, step) -> log.info("{} step {} {} {}", runId, step.step(), step.kind(),
 *                 step.auditId().orElse("-")))
 *         .build();
 * }</pre>
 *
 * <p>It is called on the thread that made the step, so steps of parallel tool calls and branches
 * arrive from several threads at once; an exception it throws stops the run.
 */
@FunctionalInterface
public interface StepListener {

    /**
     * A step ended.
     *
     * @param runId the run's id
     * @param step the step
     */
    void onStep(String runId, RunStep step);
}
