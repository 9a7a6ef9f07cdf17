package io.monago.atrium.gateway.fuzz;

import io.monago.atrium.gateway.chain.Step;
import io.vertx.core.Future;

/** The outcome of one filter run inline, as a value; an exception it failed with is a finding. */
final class Steps {

    private Steps() {}

    static Step outcome(Future<Step> future, String filter) {
        if (!future.isComplete()) {
            throw new AssertionError(filter + " did not complete inline");
        }
        if (future.failed()) {
            throw new AssertionError(filter + " failed with an exception", future.cause());
        }
        return future.result();
    }
}
