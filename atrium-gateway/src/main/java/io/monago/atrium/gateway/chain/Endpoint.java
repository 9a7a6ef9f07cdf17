package io.monago.atrium.gateway.chain;

import io.monago.atrium.gateway.exchange.Exchange;
import io.vertx.core.Future;

/** The end of the chain: what a call that passed every request half is for (the provider call). */
@FunctionalInterface
public interface Endpoint {

    /**
     * Produces the answer.
     *
     * @param exchange the call's state
     * @return the answer; a failed future is answered as an internal error
     */
    Future<Answer> call(Exchange exchange);
}
