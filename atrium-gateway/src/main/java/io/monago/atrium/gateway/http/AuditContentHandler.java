package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.audit.AuditContent;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /v1/audit/{id}/content}: the redacted prompt and answer kept beside a record when its
 * workspace keeps content, for the admin keys of that workspace only. The key that made the call
 * reads its record but not the content: the content table is for review by the workspace's
 * admins, and a plain key already had the answer. Anyone else is told there is none, so ids reveal
 * nothing.
 */
public final class AuditContentHandler implements Handler<RoutingContext> {

    private final KeyCheck keys;
    private final AuditStore audit;
    private final GovernanceRenderer renderer;

    /**
     * Creates the handler.
     *
     * @param authenticator key lookup
     * @param audit the store
     * @param renderer the renderer
     */
    public AuditContentHandler(Authenticator authenticator, AuditStore audit, GovernanceRenderer renderer) {
        this.keys = new KeyCheck(authenticator, renderer);
        this.audit = audit;
        this.renderer = renderer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Principal> found = keys.require(ctx);
        if (found.isEmpty()) {
            return;
        }
        Principal caller = found.get();
        String id = ctx.pathParam("id");
        if (!caller.admin()) {
            notFound(ctx, "no audit content for " + id + " visible to this API key: content is read with an admin key");
            return;
        }
        Future.fromCompletionStage(audit.find(id), ctx.vertx().getOrCreateContext())
                .compose(record -> {
                    if (record.filter(r -> AuditHandler.mayRead(caller, r)).isEmpty()) {
                        return Future.succeededFuture(Optional.<AuditContent>empty());
                    }
                    return Future.fromCompletionStage(
                            audit.findContent(id), ctx.vertx().getOrCreateContext());
                })
                .onComplete(ar -> {
                    if (ar.failed()) {
                        JsonResponses.error(
                                ctx.response(),
                                renderer,
                                Rejection.of(
                                        ErrorCode.SERVICE_UNAVAILABLE, "the audit store cannot be read right now"));
                    } else if (ar.result().isEmpty()) {
                        notFound(
                                ctx,
                                "no audit content for " + id + " visible to this API key (its workspace keeps none,"
                                        + " or the call was refused before its messages were forwarded)");
                    } else {
                        AuditContent c = ar.result().get();
                        JsonObject body = new JsonObject()
                                .put("object", "audit.content")
                                .put("audit_id", id)
                                .put("messages", new JsonArray(c.requestJson()))
                                .put("response_text", c.responseText().orElse(null));
                        JsonResponses.send(ctx.response(), 200, body.toBuffer());
                    }
                });
    }

    private void notFound(RoutingContext ctx, String message) {
        JsonResponses.error(ctx.response(), renderer, Rejection.of(ErrorCode.NOT_FOUND, message));
    }
}
