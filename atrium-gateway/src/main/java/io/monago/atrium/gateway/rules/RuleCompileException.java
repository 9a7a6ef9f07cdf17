package io.monago.atrium.gateway.rules;

/** A condition that does not compile: where in its text, and what is wrong. */
public final class RuleCompileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param line the 1-based line within the condition
     * @param column the 1-based column within that line
     * @param problem what is wrong
     */
    public RuleCompileException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** {@return the 1-based line within the condition} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column within that line} */
    public int column() {
        return column;
    }

    /** {@return what is wrong} */
    public String problem() {
        return problem;
    }
}
