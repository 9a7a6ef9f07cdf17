package io.monago.atrium.gateway.route;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.pipeline.GovernanceStep;
import io.monago.atrium.protocol.ErrorCode;
import java.util.Optional;

/** Step: find the provider that serves the model ({@code model_not_found} when none does). */
public final class RouteStep implements GovernanceStep {

    private final ModelRouter router;

    /**
     * Creates the step.
     *
     * @param router the model router
     */
    public RouteStep(ModelRouter router) {
        this.router = router;
    }

    @Override
    public Optional<Rejection> apply(Exchange exchange) {
        String model = exchange.model().orElseThrow();
        Optional<ModelRoute> route = router.route(model);
        if (route.isEmpty()) {
            return Optional.of(Rejection.of(ErrorCode.MODEL_NOT_FOUND, "no provider serves model '" + model + "'"));
        }
        exchange.route(route.get());
        return Optional.empty();
    }
}
