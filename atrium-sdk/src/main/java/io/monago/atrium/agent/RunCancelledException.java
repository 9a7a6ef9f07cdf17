package io.monago.atrium.agent;

/**
 * A run was cancelled (its future cancelled) and stopped before its next step.
 *
 * <pre>{@code
 * CompletableFuture<RunResult> f = runner.runAsync(agent, input);
 * f.cancel(true);   // the run stops before its next model or tool call
 * }</pre>
 */
public final class RunCancelledException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param transcript what the run did
     */
    public RunCancelledException(Transcript transcript) {
        super("the run was cancelled", transcript);
    }
}
