package io.monago.atrium.gateway.example;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.vertx.core.Future;

/**
 * The worked example of docs/architecture.md: a filter that refuses a call that names no end user
 * (body {@code user} or {@code X-Monago-User-Id}), for a hospital that wants every call on the
 * audit trail attributed to a person. It reads what validation put on the exchange, so it goes
 * after the validate filter.
 */
public final class RequireEndUserFilter implements Filter {

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        if (exchange.tags().user().isEmpty()) {
            return Step.reject(
                    Rejection.invalid("this workspace records every call under an end user: send the body's user field"
                            + " or the X-Monago-User-Id header"));
        }
        return Step.proceed();
    }
}
