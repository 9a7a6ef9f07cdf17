package io.monago.atrium.gateway.pipeline;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import java.util.Optional;

/**
 * One step a request takes through the gateway before it is forwarded: authenticate, validate,
 * check model access, route, inspect, decide, redact. A step reads and adds to the exchange and
 * either lets the request continue (empty) or stops it with a rejection that becomes the response.
 * Steps run on the event loop: they do CPU work only, in microseconds, and never block.
 */
@FunctionalInterface
public interface GovernanceStep {

    /**
     * Applies the step.
     *
     * @param exchange the call's state
     * @return empty to continue, or why the call ends here
     */
    Optional<Rejection> apply(Exchange exchange);
}
