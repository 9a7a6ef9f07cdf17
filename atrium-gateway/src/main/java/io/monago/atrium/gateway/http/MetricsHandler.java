package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} in Prometheus text format. On the gateway's own port it answers admin keys
 * of the default workspace only (the operator's: the metrics count every workspace's calls); on
 * the separate {@code metrics.listen} port it answers anyone who can reach it, as scrapers expect.
 */
public final class MetricsHandler implements Handler<RoutingContext> {

    /** The content type of the Prometheus text format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Optional<KeyCheck> keys;
    private final String operatorWorkspace;
    private final Supplier<String> scrape;
    private final GovernanceRenderer renderer;

    private MetricsHandler(
            Optional<KeyCheck> keys, String operatorWorkspace, Supplier<String> scrape, GovernanceRenderer renderer) {
        this.keys = keys;
        this.operatorWorkspace = operatorWorkspace;
        this.scrape = scrape;
        this.renderer = renderer;
    }

    /**
     * The handler on the gateway's port: admin keys of the operator's workspace only.
     *
     * @param authenticator key lookup
     * @param operatorWorkspace the default workspace's id
     * @param scrape renders the metrics
     * @param renderer renders errors
     * @return the handler
     */
    public static MetricsHandler forAdmins(
            Authenticator authenticator,
            String operatorWorkspace,
            Supplier<String> scrape,
            GovernanceRenderer renderer) {
        return new MetricsHandler(
                Optional.of(new KeyCheck(authenticator, renderer)), operatorWorkspace, scrape, renderer);
    }

    /**
     * The handler on the separate metrics port: no key asked.
     *
     * @param scrape renders the metrics
     * @param renderer renders errors
     * @return the handler
     */
    public static MetricsHandler open(Supplier<String> scrape, GovernanceRenderer renderer) {
        return new MetricsHandler(Optional.empty(), "", scrape, renderer);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (keys.isPresent()) {
            Optional<Principal> caller = keys.get().require(ctx);
            if (caller.isEmpty()) {
                return;
            }
            Principal p = caller.get();
            if (!p.admin() || !p.workspaceId().equals(operatorWorkspace)) {
                JsonResponses.error(
                        ctx.response(),
                        renderer,
                        Rejection.of(
                                ErrorCode.PERMISSION_DENIED,
                                "metrics are read with an admin key of workspace '" + operatorWorkspace + "'"));
                return;
            }
        }
        ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(scrape.get());
    }
}
