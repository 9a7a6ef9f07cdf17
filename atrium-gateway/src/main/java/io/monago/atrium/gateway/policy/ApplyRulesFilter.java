package io.monago.atrium.gateway.policy;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.exchange.PolicyOutcome;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.rules.Rule;
import io.monago.atrium.gateway.rules.RuleOutcome;
import io.monago.atrium.gateway.rules.RuleSet;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates the workspace's rules, in order, after the built-in PII and security checks allowed the
 * call: a block answers 400 {@code policy_blocked} with block reason {@code rule violation: <id>}; a
 * flag makes the decision {@code flagged}; a redact turns the named entity types' findings into
 * redactions; a route sends the call to another model. Matched rules and the rules' version go into
 * the record.
 */
public final class ApplyRulesFilter implements Filter {

    private final Function<String, Optional<ModelRoute>> routes;

    /**
     * Creates the filter.
     *
     * @param routes finds the route of a model a rule sends calls to
     */
    public ApplyRulesFilter(Function<String, Optional<ModelRoute>> routes) {
        this.routes = routes;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        RuleSet rules = exchange.workspace().rules();
        if (rules.rules().isEmpty()) {
            return Step.proceed();
        }
        exchange.policyVersion(rules.version());
        RuleOutcome outcome = rules.evaluate(CallFacts.of(exchange));
        outcome.matched().forEach(exchange::matchedRule);
        if (outcome.block().isPresent()) {
            Rule rule = outcome.block().get();
            String message = "the request was blocked by policy rule '" + rule.id() + "'"
                    + (rule.reason().isBlank() ? "" : ": " + rule.reason());
            return Step.reject(Rejection.block(ErrorCode.POLICY_BLOCKED, message, "rule violation: " + rule.id()));
        }
        if (outcome.flagged()) {
            exchange.flag();
        }
        if (!outcome.redact().isEmpty()) {
            PolicyOutcome before = exchange.policyOutcome();
            List<PiiVerdict> verdicts = new ArrayList<>(before.pii().size());
            for (PiiVerdict v : before.pii()) {
                verdicts.add(redacting(v, outcome.redact()));
            }
            exchange.policyOutcome(new PolicyOutcome(verdicts, before.security()));
        }
        if (outcome.routeTo().isPresent()) {
            Optional<ModelRoute> route = routes.apply(outcome.routeTo().get());
            if (route.isPresent()) {
                exchange.route(route.get());
                exchange.provider(route.get().provider().name());
                exchange.body().put("model", route.get().upstreamModel());
            }
        }
        return Step.proceed();
    }

    /** Moves the findings of the given types from flagged or allowed to redacted. */
    private static PiiVerdict redacting(PiiVerdict v, Set<String> types) {
        if (v.flag().isEmpty() && v.allow().isEmpty()) {
            return v;
        }
        List<PiiFinding> redact = new ArrayList<>(v.redact());
        List<PiiFinding> flag = new ArrayList<>();
        List<PiiFinding> allow = new ArrayList<>();
        for (PiiFinding f : v.flag()) {
            (types.contains(f.type().name()) ? redact : flag).add(f);
        }
        for (PiiFinding f : v.allow()) {
            (types.contains(f.type().name()) ? redact : allow).add(f);
        }
        return new PiiVerdict(redact, v.block(), flag, allow);
    }
}
