package io.monago.atrium.gateway.access;

import io.monago.atrium.gateway.auth.Principal;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.pipeline.GovernanceStep;
import io.monago.atrium.gateway.policy.WorkspacePolicy;
import io.monago.atrium.gateway.policy.Workspaces;
import io.monago.atrium.protocol.ErrorCode;
import java.util.Optional;

/**
 * Step: the model must be on the workspace's allow-list and, when the key has its own, on the
 * key's too. A refusal is a policy block ({@code model_not_allowed}).
 */
public final class ModelAccessStep implements GovernanceStep {

    private final Workspaces workspaces;

    /**
     * Creates the step.
     *
     * @param workspaces the workspaces
     */
    public ModelAccessStep(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Optional<Rejection> apply(Exchange exchange) {
        Principal p = exchange.principal().orElseThrow();
        String model = exchange.model().orElseThrow();
        WorkspacePolicy ws = workspaces.require(exchange);
        if (!ModelGlob.anyMatches(ws.models(), model)) {
            return Optional.of(denied(model, "model not allowed for workspace " + ws.id()));
        }
        if (p.models().isPresent()) {
            if (!ModelGlob.anyMatches(p.models().get(), model)) {
                return Optional.of(denied(model, "model not allowed for this API key"));
            }
        }
        return Optional.empty();
    }

    private static Rejection denied(String model, String reason) {
        return Rejection.block(ErrorCode.MODEL_NOT_ALLOWED, "model '" + model + "' is not allowed: " + reason, reason);
    }
}
