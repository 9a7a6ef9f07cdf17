package io.monago.atrium.gateway.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A compiled, type-checked rule condition. Evaluating it counts its steps and stops it past the
 * cost limit, so a condition that would loop over a huge input cannot hold the event loop.
 * Immutable and safe to share between threads.
 */
public final class Condition {

    private final CelRuntime.Program program;
    private final long costLimit;

    Condition(CelRuntime.Program program, long costLimit) {
        this.program = program;
        this.costLimit = costLimit;
    }

    /**
     * Evaluates the condition.
     *
     * @param facts the call's variables
     * @return whether it holds
     * @throws RuleEvaluationException when it ran past the cost limit or failed (a division by
     *     zero, say)
     */
    public boolean test(RuleFacts facts) {
        StepCounter counter = new StepCounter(costLimit);
        Object result;
        try {
            result = program.trace(facts.values(), counter);
        } catch (CelEvaluationException e) {
            if (counter.exceeded()) {
                throw new RuleEvaluationException(
                        "ran past the cost limit of " + costLimit + " steps", RuleEvaluationException.Kind.COST_LIMIT);
            }
            throw new RuleEvaluationException(e.getMessage(), RuleEvaluationException.Kind.ERROR);
        } catch (StepCounter.LimitReached e) {
            throw new RuleEvaluationException(
                    "ran past the cost limit of " + costLimit + " steps", RuleEvaluationException.Kind.COST_LIMIT);
        }
        return Boolean.TRUE.equals(result);
    }
}
