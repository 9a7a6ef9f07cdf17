package io.monago.atrium.gateway.chain;

import io.vertx.core.Future;

/** The one completed "continue" every filter that only looks shares: immutable, so shared safely. */
final class StepConstants {

    static final Future<Step> PROCEED = Future.succeededFuture(Step.CONTINUE);

    private StepConstants() {}
}
