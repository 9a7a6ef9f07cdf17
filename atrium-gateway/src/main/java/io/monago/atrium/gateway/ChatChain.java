package io.monago.atrium.gateway;

import io.monago.atrium.gateway.access.ModelAccessFilter;
import io.monago.atrium.gateway.audit.AuditFilter;
import io.monago.atrium.gateway.audit.AuditGateFilter;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.auth.AuthenticateFilter;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.FilterChain;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.config.OnStoreError;
import io.monago.atrium.gateway.eval.PostEvaluationFilter;
import io.monago.atrium.gateway.eval.PreEvaluationFilter;
import io.monago.atrium.gateway.eval.WorkspaceEvaluators;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.idempotency.IdempotencyFilter;
import io.monago.atrium.gateway.idempotency.IdempotencyStore;
import io.monago.atrium.gateway.inspect.InspectInputFilter;
import io.monago.atrium.gateway.limit.LimitFilter;
import io.monago.atrium.gateway.limit.LimitStore;
import io.monago.atrium.gateway.meter.CostMeter;
import io.monago.atrium.gateway.meter.MeterFilter;
import io.monago.atrium.gateway.metrics.GatewayMetrics;
import io.monago.atrium.gateway.metrics.MetricsFilter;
import io.monago.atrium.gateway.policy.ApplyRulesFilter;
import io.monago.atrium.gateway.policy.DecidePolicyFilter;
import io.monago.atrium.gateway.redact.RedactFilter;
import io.monago.atrium.gateway.route.ModelRouter;
import io.monago.atrium.gateway.route.RouteFilter;
import io.monago.atrium.gateway.telemetry.GatewayTracing;
import io.monago.atrium.gateway.validate.ChatRequestValidator;
import io.monago.atrium.gateway.validate.RequestJson;
import io.monago.atrium.gateway.validate.RequestTagReader;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The order a chat call walks through the gateway. Audit is outermost, so every call is recorded
 * whichever filter stops it; metering is innermost, so it sees the provider's answer before anything
 * rewrites it; the provider call ends the chain. See {@code docs/architecture.md}.
 */
final class ChatChain {

    private ChatChain() {}

    /**
     * Everything the chat chain is made from.
     *
     * @param audit the audit store
     * @param authenticator the key lookup
     * @param workspaces the compiled workspaces
     * @param idempotency remembered Idempotency-Keys
     * @param router the model routes
     * @param scanner the PII scanner
     * @param tokens the token counter
     * @param costs the cost meter
     * @param offload moves large work off the event loop
     * @param maxBodyBytes the body limit
     * @param endpoint the provider call at the end of the chain
     * @param limits the rate limits and budgets
     * @param evaluators every workspace's evaluators
     * @param observe metrics and tracing
     */
    record Parts(
            AuditStore audit,
            Authenticator authenticator,
            Workspaces workspaces,
            IdempotencyStore idempotency,
            ModelRouter router,
            PiiScanner scanner,
            TokenCounter tokens,
            CostMeter costs,
            Offload offload,
            long maxBodyBytes,
            Endpoint endpoint,
            LimitParts limits,
            WorkspaceEvaluators evaluators,
            Observe observe) {}

    /**
     * What watches the chain: metrics count every call, tracing (when on) puts each call and its
     * working filters in spans. Both off build the chain exactly as without them.
     *
     * @param metrics where calls are counted
     * @param tracing how calls are traced
     */
    record Observe(GatewayMetrics metrics, GatewayTracing tracing) {}

    /**
     * What the limit filter is made from.
     *
     * @param store where calls, tokens and rupiah are counted
     * @param keyLimits each key's own limits, by key id
     * @param defaultMaxTokens answer tokens reserved for a call that sets no limit
     * @param usdToIdr rupiah per US dollar
     * @param onStoreError each workspace's choice when the store cannot be reached, by workspace id
     */
    record LimitParts(
            LimitStore store,
            Map<String, LimitSettings> keyLimits,
            long defaultMaxTokens,
            double usdToIdr,
            Map<String, OnStoreError> onStoreError) {}

    static FilterChain create(Parts p) {
        RequestJson requestJson = new RequestJson();
        GatewayTracing t = p.observe().tracing();
        List<Filter> filters = new ArrayList<>(observers(p));
        filters.addAll(List.of(
                t.answerSpan("atrium.audit.write", new AuditFilter(p.audit(), System::nanoTime)),
                t.span("atrium.authenticate", new AuthenticateFilter(p.authenticator(), p.workspaces())),
                new AuditGateFilter(p.audit()),
                t.span(
                        "atrium.idempotency",
                        new IdempotencyFilter(
                                p.idempotency(), p.offload(), p.limits().onStoreError())),
                t.span(
                        "atrium.validate",
                        new ValidateFilter(
                                new ChatRequestValidator(requestJson),
                                new RequestTagReader(requestJson),
                                p.scanner(),
                                model -> p.router().route(model).isPresent(),
                                p.offload(),
                                p.maxBodyBytes())),
                new ModelAccessFilter(),
                new RouteFilter(p.router()),
                t.span(
                        "atrium.limit",
                        new LimitFilter(
                                p.limits().store(),
                                p.tokens(),
                                p.offload(),
                                p.limits().keyLimits(),
                                p.limits().defaultMaxTokens(),
                                p.limits().usdToIdr(),
                                p.limits().onStoreError())),
                t.span("atrium.inspect", new InspectInputFilter(p.scanner(), p.offload())),
                t.span("atrium.policy", new DecidePolicyFilter()),
                t.span("atrium.rules", new ApplyRulesFilter(p.router()::route)),
                // Outside the redaction: its answer half sees the answer as governed.
                t.answerSpan("atrium.evaluate.post", new PostEvaluationFilter(p.evaluators())),
                t.span("atrium.redact", new RedactFilter(p.offload())),
                // Inside it: the request as it will be forwarded.
                t.span("atrium.evaluate.pre", new PreEvaluationFilter(p.evaluators())),
                t.span("atrium.meter", new MeterFilter(p.tokens(), p.costs(), p.offload()))));
        return new FilterChain(filters, t.providerCall(p.endpoint()));
    }

    /** The server span and the metrics, outside everything else; none of either when both are off. */
    private static List<Filter> observers(Parts p) {
        List<Filter> observers = new ArrayList<>(2);
        p.observe().tracing().server().ifPresent(observers::add);
        if (p.observe().metrics() != GatewayMetrics.NONE) {
            observers.add(new MetricsFilter(p.observe().metrics(), System::nanoTime));
        }
        return observers;
    }

    /**
     * The chain of a call refused before its body was read whole (it came too slowly, or its
     * chunked encoding was broken): audit and authentication as in {@link #create}, so the call is
     * recorded under its key like any other, then the refusal instead of the rest.
     */
    static Function<Rejection, FilterChain> refusals(Parts p) {
        List<Filter> filters = new ArrayList<>(observers(p));
        filters.add(
                p.observe().tracing().answerSpan("atrium.audit.write", new AuditFilter(p.audit(), System::nanoTime)));
        filters.add(new AuthenticateFilter(p.authenticator(), p.workspaces()));
        return rejection -> {
            Future<Answer> refused = Future.succeededFuture(new Answer.Failure(rejection));
            return new FilterChain(filters, exchange -> refused);
        };
    }
}
