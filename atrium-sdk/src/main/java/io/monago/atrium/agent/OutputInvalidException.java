package io.monago.atrium.agent;

/**
 * An agent with a typed output answered with something that did not fit its schema, twice (the
 * first failure is sent back to the model, which answers once more).
 *
 * <pre>{@code
 * catch (OutputInvalidException e) {
 *     log.warn("{}", e.getMessage());   // names the fields at fault, never their values
 * }
 * }</pre>
 */
public final class OutputInvalidException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param message what did not fit
     * @param transcript what the run did
     */
    public OutputInvalidException(String message, Transcript transcript) {
        super(message, transcript);
    }
}
