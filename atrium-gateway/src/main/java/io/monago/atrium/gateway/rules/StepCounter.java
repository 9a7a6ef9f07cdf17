package io.monago.atrium.gateway.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/** Counts the expression nodes one evaluation visits and stops it past a limit. */
final class StepCounter implements CelEvaluationListener {

    private final long limit;
    private long steps;

    StepCounter(long limit) {
        this.limit = limit;
    }

    @Override
    public void callback(CelExpr expr, Object evaluatedResult) {
        if (++steps > limit) {
            throw new LimitReached();
        }
    }

    boolean exceeded() {
        return steps > limit;
    }

    /** Thrown out of the runtime to stop it; carries no stack, since it is expected. */
    static final class LimitReached extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("cost limit reached", null, false, false);
        }
    }
}
