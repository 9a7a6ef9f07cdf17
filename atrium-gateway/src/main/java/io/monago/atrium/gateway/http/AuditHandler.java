package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.StoredAudit;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /v1/audit/{id}}: one audit record, for the key that made the call and for the admin
 * keys of its workspace. Anyone else is told it does not exist, so ids reveal nothing.
 */
public final class AuditHandler implements Handler<RoutingContext> {

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
    public AuditHandler(Authenticator authenticator, AuditStore audit, GovernanceRenderer renderer) {
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
        Future.fromCompletionStage(audit.find(id), ctx.vertx().getOrCreateContext())
                .onComplete(ar -> {
                    if (ar.failed()) {
                        JsonResponses.error(
                                ctx.response(),
                                renderer,
                                Rejection.of(
                                        ErrorCode.SERVICE_UNAVAILABLE, "the audit store cannot be read right now"));
                    } else if (ar.result().filter(r -> mayRead(caller, r)).isEmpty()) {
                        JsonResponses.error(
                                ctx.response(),
                                renderer,
                                Rejection.of(
                                        ErrorCode.NOT_FOUND, "no audit record " + id + " visible to this API key"));
                    } else {
                        JsonResponses.send(
                                ctx.response(),
                                200,
                                Buffer.buffer(ar.result().get().json()));
                    }
                });
    }

    static boolean mayRead(Principal caller, StoredAudit record) {
        if (!caller.workspaceId().equals(record.workspaceId())) {
            return false;
        }
        return caller.admin() || record.keyId().map(caller.keyId()::equals).orElse(false);
    }
}
