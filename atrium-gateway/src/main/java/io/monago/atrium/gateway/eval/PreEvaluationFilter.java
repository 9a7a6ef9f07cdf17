package io.monago.atrium.gateway.eval;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a workspace's {@code pre} evaluators on the request as it will be forwarded (after
 * redaction), before the provider is called; a {@code block} stops the call with
 * {@code policy_blocked}.
 */
public final class PreEvaluationFilter implements Filter {
    private final WorkspaceEvaluators evaluators;

    /**
     * Creates the filter.
     *
     * @param evaluators every workspace's evaluators
     */
    public PreEvaluationFilter(WorkspaceEvaluators evaluators) {
        this.evaluators = evaluators;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        List<ConfiguredEvaluator> list = evaluators.of(exchange.workspace().id(), EvalStage.PRE);
        if (list.isEmpty()) {
            return Step.proceed();
        }
        EvalInput input = new EvalInput(
                exchange.auditId(),
                exchange.workspace().id(),
                exchange.model(),
                EvalStage.PRE,
                CallTexts.request(exchange.body()),
                Optional.ofNullable(exchange.body().get("response_format")),
                exchange.piiInputTypes(),
                Set.of());
        return EvaluationRun.run(exchange, list, input, true)
                .compose(block -> block.isPresent() ? Step.reject(block.get()) : Step.proceed());
    }
}
