package io.monago.atrium.agent;

/**
 * Sees the answer of each model call as it is written: set one and every call of a run streams,
 * so a chat window can show the agent typing. The text is what the gateway released, governed in
 * flight (personal data already redacted), piece by piece; the step's governance and the tool calls
 * are known when the step ends ({@link StepListener}).
 *
 * <pre>{@code
 * Runner runner = Runner.builder(client)
 *         .onToken((runId, step, agent, text) -> ui.append(agent, text))
 *         .build();
 * }</pre>
 *
 * <p>It is called on the thread that makes the call, so pieces of parallel branches arrive from
 * several threads at once; an exception it throws stops the run.
 */
@FunctionalInterface
public interface TokenListener {

    /**
     * A piece of an answer arrived.
     *
     * @param runId the run's id
     * @param step the step the piece belongs to
     * @param agent the agent whose call it is
     * @param text the piece, never empty
     */
    void onToken(String runId, int step, String agent, String text);
}
