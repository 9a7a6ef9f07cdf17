package io.monago.atrium.gateway.pipeline;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import java.util.List;
import java.util.Optional;

/** The request-side steps, in order; the first rejection ends the walk. Immutable. */
public final class GovernancePipeline {

    private final GovernanceStep[] steps;

    /**
     * Creates the pipeline.
     *
     * @param steps the steps, in the order a request meets them
     */
    public GovernancePipeline(List<GovernanceStep> steps) {
        this.steps = steps.toArray(GovernanceStep[]::new);
    }

    /**
     * Walks a request through every step.
     *
     * @param exchange the call's state
     * @return the rejection that stopped it, or empty when it may be forwarded
     */
    public Optional<Rejection> run(Exchange exchange) {
        for (GovernanceStep step : steps) {
            Optional<Rejection> r = step.apply(exchange);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
