package io.monago.atrium.agent;

/**
 * A run reached one of its {@link RunLimits}.
 *
 * <pre>{@code
 * catch (RunLimitExceededException e) {
 *     if (e.limit() == RunLimitExceededException.Limit.COST_IDR) { ... }
 * }
 * }</pre>
 */
public final class RunLimitExceededException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /** Which limit was reached. */
    public enum Limit {
        /** {@link RunLimits#maxSteps()}. */
        STEPS,
        /** {@link RunLimits#maxTokens()}. */
        TOKENS,
        /** {@link RunLimits#maxCostIdr()}. */
        COST_IDR,
        /** {@link RunLimits#timeout()}. */
        TIME
    }

    /** Which limit was reached. */
    private final Limit limit;

    /**
     * Makes the exception.
     *
     * @param limit the limit reached
     * @param message what was reached, e.g. {@code rupiah budget of 50.0 reached (62.5 spent)}
     * @param transcript what the run did
     */
    public RunLimitExceededException(Limit limit, String message, Transcript transcript) {
        super(message, transcript);
        this.limit = limit;
    }

    /**
     * Which limit was reached.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }
}
