package io.monago.atrium.gateway.access;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;

/**
 * The model must be on the workspace's allow-list and, when the key has its own, on the key's too.
 * A refusal is a policy block ({@code model_not_allowed}).
 */
public final class ModelAccessFilter implements Filter {

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        Principal p = exchange.principal().orElseThrow();
        String model = exchange.model().orElseThrow();
        WorkspacePolicy ws = exchange.workspace();
        if (!ModelGlob.anyMatches(ws.models(), model)) {
            return Step.reject(denied(model, "model not allowed for workspace " + ws.id()));
        }
        if (p.models().isPresent() && !ModelGlob.anyMatches(p.models().get(), model)) {
            return Step.reject(denied(model, "model not allowed for this API key"));
        }
        return Step.proceed();
    }

    private static Rejection denied(String model, String reason) {
        return Rejection.block(ErrorCode.MODEL_NOT_ALLOWED, "model '" + model + "' is not allowed: " + reason, reason);
    }
}
