package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.audit.AuditCursor;
import io.monago.atrium.gateway.audit.AuditPage;
import io.monago.atrium.gateway.audit.AuditQuery;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.StoredAudit;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/audit}: searches the caller's workspace, newest first, a page at a time. Admin keys
 * see every record of their workspace; any other key sees only the records of its own calls,
 * whatever it asks for.
 */
public final class AuditSearchHandler implements Handler<RoutingContext> {

    static final Set<String> PARAMETERS = Set.of(
            "from",
            "to",
            "key_id",
            "user",
            "session_id",
            "metadata",
            "model",
            "decision",
            "entity_type",
            "rule_id",
            "limit",
            "cursor");

    private final KeyCheck keys;
    private final AuditStore audit;
    private final GovernanceRenderer renderer;

    /**
     * Creates the handler.
     *
     * @param authenticator key lookup
     * @param audit the store
     * @param renderer the renderer, for errors
     */
    public AuditSearchHandler(Authenticator authenticator, AuditStore audit, GovernanceRenderer renderer) {
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
        AuditQuery query;
        try {
            query = query(caller, ctx.queryParams());
        } catch (IllegalArgumentException e) {
            JsonResponses.error(ctx.response(), renderer, Rejection.invalid(e.getMessage()));
            return;
        }
        if (!caller.admin() && query.keyId().isPresent() && !query.keyId().get().equals(caller.keyId())) {
            send(ctx, new AuditPage(java.util.List.of(), Optional.empty()));
            return;
        }
        Future.fromCompletionStage(audit.search(query), ctx.vertx().getOrCreateContext())
                .onComplete(ar -> {
                    if (ar.failed()) {
                        JsonResponses.error(
                                ctx.response(),
                                renderer,
                                Rejection.of(
                                        ErrorCode.SERVICE_UNAVAILABLE, "the audit store cannot be read right now"));
                    } else {
                        send(ctx, ar.result());
                    }
                });
    }

    private static void send(RoutingContext ctx, AuditPage page) {
        StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
        boolean first = true;
        for (StoredAudit r : page.records()) {
            if (!first) {
                body.append(',');
            }
            body.append(r.json());
            first = false;
        }
        body.append("],\"has_more\":").append(page.next().isPresent()).append(",\"next_cursor\":");
        body.append(page.next().map(c -> "\"" + c.token() + "\"").orElse("null"))
                .append('}');
        JsonResponses.send(ctx.response(), 200, Buffer.buffer(body.toString()));
    }

    static AuditQuery query(Principal caller, MultiMap params) {
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown query parameter '" + name + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
            if (params.getAll(name).size() > 1) {
                throw new IllegalArgumentException("query parameter '" + name + "' is given more than once");
            }
        }
        AuditQuery.Builder q = AuditQuery.in(caller.workspaceId());
        if (caller.admin()) {
            text(params, "key_id").ifPresent(q::keyId);
        } else {
            // Another key's records stay out of reach whatever the caller asks for.
            q.keyId(text(params, "key_id").orElse(caller.keyId()));
        }
        text(params, "from").map(v -> instant("from", v)).ifPresent(q::from);
        text(params, "to").map(v -> instant("to", v)).ifPresent(q::to);
        text(params, "user").ifPresent(q::user);
        text(params, "session_id").ifPresent(q::sessionId);
        text(params, "model").ifPresent(q::model);
        text(params, "decision").ifPresent(q::decision);
        text(params, "entity_type").ifPresent(q::entityType);
        text(params, "rule_id").ifPresent(q::ruleId);
        text(params, "metadata").ifPresent(m -> {
            int colon = m.indexOf(':');
            if (colon == 0) {
                throw new IllegalArgumentException("metadata must be KEY or KEY:VALUE");
            }
            if (colon < 0) {
                q.metadata(m, Optional.empty());
            } else {
                q.metadata(m.substring(0, colon), Optional.of(m.substring(colon + 1)));
            }
        });
        text(params, "limit").ifPresent(l -> {
            int n;
            try {
                n = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a whole number", e);
            }
            if (n < 1 || n > AuditQuery.MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + AuditQuery.MAX_LIMIT);
            }
            q.limit(n);
        });
        text(params, "cursor")
                .ifPresent(c -> q.after(AuditCursor.parse(c)
                        .orElseThrow(
                                () -> new IllegalArgumentException("cursor is not a next_cursor this gateway sent"))));
        return q.build();
    }

    private static Optional<String> text(MultiMap params, String name) {
        return Optional.ofNullable(params.get(name));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 UTC time such as 2026-03-05T08:00:00Z", e);
        }
    }
}
