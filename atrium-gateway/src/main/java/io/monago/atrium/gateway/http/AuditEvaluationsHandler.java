package io.monago.atrium.gateway.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.audit.AuditEntry;
import io.monago.atrium.gateway.audit.AuditIds;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.ClientEvaluations;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.monago.atrium.protocol.EvalHeader;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/audit/{id}/evaluations}: a caller's own scores of an answer it got (the SDK's
 * eval hook), in the {@value ProtocolHeaders#EVAL} header. Allowed to whoever may read the record
 * (the key that made the call, or an admin key of its workspace); anyone else is told it does not
 * exist. The scores are appended as a new record linked to the call (see {@link
 * ClientEvaluations}); the answer is {@code 201} with the new record's id in
 * {@code X-Monago-Audit-Id} and the body {@code {"audit_id", "linked_audit_id", "evaluations"}}.
 */
public final class AuditEvaluationsHandler implements Handler<RoutingContext> {

    private final KeyCheck keys;
    private final AuditStore audit;
    private final GovernanceRenderer renderer;
    private final AuditIds ids;
    private final Clock clock;

    /**
     * Creates the handler.
     *
     * @param authenticator key lookup
     * @param audit the store
     * @param renderer the renderer
     * @param ids gives the new records' ids
     * @param clock the time recorded
     */
    public AuditEvaluationsHandler(
            Authenticator authenticator, AuditStore audit, GovernanceRenderer renderer, AuditIds ids, Clock clock) {
        this.keys = new KeyCheck(authenticator, renderer);
        this.audit = audit;
        this.renderer = renderer;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Principal> found = keys.require(ctx);
        if (found.isEmpty()) {
            return;
        }
        Principal caller = found.get();
        Map<String, Double> scores;
        try {
            scores = EvalHeader.parse(ctx.request().getHeader(ProtocolHeaders.EVAL));
        } catch (IllegalArgumentException e) {
            JsonResponses.error(ctx.response(), renderer, Rejection.invalid(e.getMessage()));
            return;
        }
        String id = ctx.pathParam("id");
        var context = ctx.vertx().getOrCreateContext();
        Future.fromCompletionStage(audit.find(id), context).onComplete(read -> {
            if (read.failed()) {
                unavailable(ctx);
            } else if (read.result()
                    .filter(r -> AuditHandler.mayRead(caller, r))
                    .isEmpty()) {
                JsonResponses.error(
                        ctx.response(),
                        renderer,
                        Rejection.of(ErrorCode.NOT_FOUND, "no audit record " + id + " visible to this API key"));
            } else {
                AuditEntry entry = ClientEvaluations.entry(
                        ids.next(), clock.instant(), read.result().get(), caller, scores);
                Future.fromCompletionStage(audit.append(entry), context).onComplete(written -> {
                    if (written.failed()) {
                        unavailable(ctx);
                        return;
                    }
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    body.put("audit_id", entry.auditId());
                    body.put("linked_audit_id", id);
                    body.set("evaluations", ClientEvaluations.evaluations(scores));
                    ctx.response().putHeader(ProtocolHeaders.AUDIT_ID, entry.auditId());
                    JsonResponses.send(ctx.response(), ClientEvaluations.STATUS, Buffer.buffer(body.toString()));
                });
            }
        });
    }

    private void unavailable(RoutingContext ctx) {
        JsonResponses.error(
                ctx.response(),
                renderer,
                Rejection.of(ErrorCode.AUDIT_UNAVAILABLE, "the audit store cannot record the evaluation right now"));
    }
}
