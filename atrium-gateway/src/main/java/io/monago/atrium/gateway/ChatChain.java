package io.monago.atrium.gateway;

import io.monago.atrium.gateway.access.ModelAccessFilter;
import io.monago.atrium.gateway.audit.AuditFilter;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.auth.AuthenticateFilter;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.FilterChain;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.idempotency.IdempotencyCache;
import io.monago.atrium.gateway.idempotency.IdempotencyFilter;
import io.monago.atrium.gateway.inspect.InspectInputFilter;
import io.monago.atrium.gateway.meter.CostMeter;
import io.monago.atrium.gateway.meter.MeterFilter;
import io.monago.atrium.gateway.policy.DecidePolicyFilter;
import io.monago.atrium.gateway.redact.RedactFilter;
import io.monago.atrium.gateway.route.ModelRouter;
import io.monago.atrium.gateway.route.RouteFilter;
import io.monago.atrium.gateway.upstream.ProviderEndpoint;
import io.monago.atrium.gateway.validate.ChatRequestValidator;
import io.monago.atrium.gateway.validate.RequestJson;
import io.monago.atrium.gateway.validate.RequestTagReader;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import java.util.List;
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
     */
    record Parts(
            AuditStore audit,
            Authenticator authenticator,
            Workspaces workspaces,
            IdempotencyCache idempotency,
            ModelRouter router,
            PiiScanner scanner,
            TokenCounter tokens,
            CostMeter costs,
            Offload offload,
            long maxBodyBytes) {}

    static FilterChain create(Parts p) {
        RequestJson requestJson = new RequestJson();
        List<Filter> filters = List.of(
                new AuditFilter(p.audit(), System::nanoTime),
                new AuthenticateFilter(p.authenticator(), p.workspaces()),
                new IdempotencyFilter(p.idempotency(), p.offload()),
                new ValidateFilter(
                        new ChatRequestValidator(requestJson),
                        new RequestTagReader(requestJson),
                        p.scanner(),
                        model -> p.router().route(model).isPresent(),
                        p.offload(),
                        p.maxBodyBytes()),
                new ModelAccessFilter(),
                new RouteFilter(p.router()),
                new InspectInputFilter(p.scanner(), p.offload()),
                new DecidePolicyFilter(),
                new RedactFilter(p.offload()),
                new MeterFilter(p.tokens(), p.costs(), p.offload()));
        return new FilterChain(filters, new ProviderEndpoint());
    }

    /**
     * The chain of a call refused before its body was read whole (it came too slowly, or its
     * chunked encoding was broken): audit and authentication as in {@link #create}, so the call is
     * recorded under its key like any other, then the refusal instead of the rest.
     */
    static Function<Rejection, FilterChain> refusals(Parts p) {
        List<Filter> filters = List.of(
                new AuditFilter(p.audit(), System::nanoTime),
                new AuthenticateFilter(p.authenticator(), p.workspaces()));
        return rejection -> {
            Future<Answer> refused = Future.succeededFuture(new Answer.Failure(rejection));
            return new FilterChain(filters, exchange -> refused);
        };
    }
}
