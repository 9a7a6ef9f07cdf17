package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Authentication for the read endpoints: the caller's key record, or the 401/403 already sent. */
final class KeyCheck {

    private final Authenticator authenticator;
    private final GovernanceRenderer renderer;

    KeyCheck(Authenticator authenticator, GovernanceRenderer renderer) {
        this.authenticator = authenticator;
        this.renderer = renderer;
    }

    Optional<Principal> require(RoutingContext ctx) {
        Authenticator.Result auth =
                authenticator.authenticate(Optional.ofNullable(ctx.request().getHeader(ProtocolHeaders.AUTHORIZATION)));
        if (auth.rejection().isPresent()) {
            JsonResponses.error(ctx.response(), renderer, auth.rejection().get());
            return Optional.empty();
        }
        return auth.principal();
    }
}
