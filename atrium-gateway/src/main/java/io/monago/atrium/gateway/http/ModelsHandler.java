package io.monago.atrium.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.route.ModelRouter;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /v1/models}: OpenAI's model list, filtered to the models the caller's key may use.
 * Only models named literally in the configuration are listed; glob routes still serve other names.
 */
public final class ModelsHandler implements Handler<RoutingContext> {

    private final KeyCheck keys;
    private final ModelRouter router;
    private final Workspaces workspaces;
    private final GovernanceRenderer renderer;

    /**
     * Creates the handler.
     *
     * @param authenticator key lookup
     * @param router the model routes
     * @param workspaces the workspaces
     * @param renderer the renderer
     */
    public ModelsHandler(
            Authenticator authenticator, ModelRouter router, Workspaces workspaces, GovernanceRenderer renderer) {
        this.keys = new KeyCheck(authenticator, renderer);
        this.router = router;
        this.workspaces = workspaces;
        this.renderer = renderer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Principal> found = keys.require(ctx);
        if (found.isEmpty()) {
            return;
        }
        Principal p = found.get();
        var allowed = workspaces.find(p.workspaceId()).orElseThrow().models();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (ModelRouter.ListedModel m : router.listedModels()) {
            if (ModelGlob.anyMatches(allowed, m.id())
                    && p.models()
                            .map(keyModels -> ModelGlob.anyMatches(keyModels, m.id()))
                            .orElse(true)) {
                ObjectNode o = data.addObject();
                o.put("id", m.id());
                o.put("object", "model");
                o.put("created", 0);
                o.put("owned_by", m.provider());
            }
        }
        JsonResponses.send(ctx.response(), 200, renderer.body(root));
    }
}
