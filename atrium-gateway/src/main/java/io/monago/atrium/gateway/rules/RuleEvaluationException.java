package io.monago.atrium.gateway.rules;

/** A condition that could not be evaluated on one call. Its message never quotes the call's values. */
public final class RuleEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why evaluation stopped. */
    public enum Kind {
        /** The condition took more steps than the limit allows. */
        COST_LIMIT,
        /** The condition failed, for instance by dividing by zero. */
        ERROR
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param kind why evaluation stopped
     */
    public RuleEvaluationException(String message, Kind kind) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** {@return why evaluation stopped} */
    public Kind kind() {
        return kind;
    }
}
