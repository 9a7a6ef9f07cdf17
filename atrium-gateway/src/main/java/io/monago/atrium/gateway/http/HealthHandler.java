package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.audit.AuditStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process is up) and {@code /readyz} (it can take calls: the audit store
 * accepts writes and the gateway is not draining).
 */
public final class HealthHandler {

    private final AuditStore audit;
    private final BooleanSupplier draining;

    /**
     * Creates the handler.
     *
     * @param audit the audit store
     * @param draining whether shutdown has begun
     */
    public HealthHandler(AuditStore audit, BooleanSupplier draining) {
        this.audit = audit;
        this.draining = draining;
    }

    /**
     * Answers {@code /healthz}: 200 while the process runs.
     *
     * @param ctx the routing context
     */
    public void live(RoutingContext ctx) {
        JsonResponses.send(ctx.response(), 200, Buffer.buffer("{\"status\":\"ok\"}"));
    }

    /**
     * Answers {@code /readyz}: 200 when calls can be taken, 503 while draining or when the audit
     * store cannot write.
     *
     * @param ctx the routing context
     */
    public void ready(RoutingContext ctx) {
        if (draining.getAsBoolean()) {
            JsonResponses.send(ctx.response(), 503, Buffer.buffer("{\"status\":\"draining\"}"));
        } else if (!audit.isHealthy()) {
            JsonResponses.send(ctx.response(), 503, Buffer.buffer("{\"status\":\"audit store unavailable\"}"));
        } else {
            JsonResponses.send(ctx.response(), 200, Buffer.buffer("{\"status\":\"ready\"}"));
        }
    }
}
