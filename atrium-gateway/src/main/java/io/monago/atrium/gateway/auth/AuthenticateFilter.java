package io.monago.atrium.gateway.auth;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.vertx.core.Future;

/**
 * The {@code Authorization: Bearer} key must belong to an enabled key record. Resolves the caller's
 * workspace policy once, for every filter after it. A disabled key is named on the record but
 * refused (403); an unknown or missing key is refused (401).
 */
public final class AuthenticateFilter implements Filter {

    private final Authenticator authenticator;
    private final Workspaces workspaces;

    /**
     * Creates the filter.
     *
     * @param authenticator the key lookup
     * @param workspaces the workspaces, to resolve the caller's
     */
    public AuthenticateFilter(Authenticator authenticator, Workspaces workspaces) {
        this.authenticator = authenticator;
        this.workspaces = workspaces;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        Authenticator.Result r = authenticator.authenticate(exchange.request().header(ProtocolHeaders.AUTHORIZATION));
        if (r.rejection().isPresent()) {
            r.principal().ifPresent(exchange::refusedCaller);
            return Step.reject(r.rejection().get());
        }
        Principal p = r.principal().orElseThrow();
        exchange.caller(p, workspaces.require(p.workspaceId()));
        return Step.proceed();
    }
}
