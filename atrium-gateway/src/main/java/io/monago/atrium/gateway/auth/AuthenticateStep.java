package io.monago.atrium.gateway.auth;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.pipeline.GovernanceStep;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.util.Optional;

/** Step 1: the {@code Authorization: Bearer} key must belong to an enabled key record. */
public final class AuthenticateStep implements GovernanceStep {

    private final Authenticator authenticator;

    /**
     * Creates the step.
     *
     * @param authenticator the key lookup
     */
    public AuthenticateStep(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Optional<Rejection> apply(Exchange exchange) {
        Authenticator.Result r = authenticator.authenticate(exchange.request().header(ProtocolHeaders.AUTHORIZATION));
        r.principal().ifPresent(exchange::principal);
        return r.rejection();
    }
}
