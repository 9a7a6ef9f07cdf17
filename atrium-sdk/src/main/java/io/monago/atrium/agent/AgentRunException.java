package io.monago.atrium.agent;

import java.util.Objects;

/**
 * A run stopped for a reason of its own (a limit, a cancellation, an answer that never fit the
 * output type), with the transcript of what it did until then. A call the gateway refused stops the
 * run with the SDK's typed exception instead ({@code SecurityBlockedException} and the rest, each
 * with its audit id).
 *
 * <pre>{@code
 * try {
 *     runner.run(agent, input);
 * } catch (AgentRunException e) {
 *     e.transcript().auditIds().forEach(System.out::println);
 * }
 * }</pre>
 */
public class AgentRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The transcript; not serialised with the exception. */
    private final transient Transcript transcript;

    /**
     * Makes the exception.
     *
     * @param message what stopped the run
     * @param transcript what the run did until then
     */
    public AgentRunException(String message, Transcript transcript) {
        super(message);
        this.transcript = Objects.requireNonNull(transcript, "transcript");
    }

    /**
     * What the run did until it stopped.
     *
     * @return the transcript
     */
    public Transcript transcript() {
        return transcript;
    }
}
