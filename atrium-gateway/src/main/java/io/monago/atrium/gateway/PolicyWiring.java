package io.monago.atrium.gateway;

import io.monago.atrium.gateway.audit.AuditIds;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.auth.KeyRegistry;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.config.KeyConfig;
import io.monago.atrium.gateway.config.OnStoreError;
import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.gateway.eval.EvaluatorCompiler;
import io.monago.atrium.gateway.http.AuditContentHandler;
import io.monago.atrium.gateway.http.AuditEvaluationsHandler;
import io.monago.atrium.gateway.http.AuditHandler;
import io.monago.atrium.gateway.http.AuditSearchHandler;
import io.monago.atrium.gateway.http.ChatCompletionsHandler;
import io.monago.atrium.gateway.http.GovernanceRenderer;
import io.monago.atrium.gateway.http.MetricsHandler;
import io.monago.atrium.gateway.http.ModelsHandler;
import io.monago.atrium.gateway.idempotency.IdempotencyStore;
import io.monago.atrium.gateway.limit.LimitStore;
import io.monago.atrium.gateway.meter.CostMeter;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.route.ModelRouter;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What outlives a policy version (the audit store, the providers and their circuit breakers, the
 * limit counts, remembered idempotency keys, the worker pool) and builds a {@link ServedPolicy}
 * on them from a configuration, at the start and at each reload.
 *
 * @param audit the audit store
 * @param scanner the PII scanner
 * @param idempotency remembered Idempotency-Keys
 * @param providers the running providers, by configured name
 * @param tokens the token counter
 * @param offload moves large work off the event loop
 * @param maxBodyBytes the body limit
 * @param endpoint the provider call at the end of the chain
 * @param limitStore where calls, tokens and rupiah are counted
 * @param renderer renders verdicts and errors
 * @param extraKeys keys the start added to the file's (the bootstrap or generated admin key)
 * @param evaluators builds each workspace's evaluators (shares the toxicity model and the callout client)
 * @param observe metrics and tracing
 * @param metricsText renders the metrics for {@code GET /metrics}
 */
record PolicyWiring(
        AuditStore audit,
        PiiScanner scanner,
        IdempotencyStore idempotency,
        Map<String, Provider> providers,
        TokenCounter tokens,
        Offload offload,
        long maxBodyBytes,
        Endpoint endpoint,
        LimitStore limitStore,
        GovernanceRenderer renderer,
        List<KeyConfig> extraKeys,
        EvaluatorCompiler evaluators,
        ChatChain.Observe observe,
        Supplier<String> metricsText) {

    /**
     * Builds the policy of a configuration on this wiring.
     *
     * @param config a validated configuration, without the extra keys
     * @return the policy, ready to serve
     */
    ServedPolicy serve(GatewayConfig config) {
        GatewayConfig effective = config.withExtraKeys(extraKeys);
        Workspaces workspaces = new Workspaces(effective.workspaces(), scanner);
        Authenticator authenticator = new Authenticator(new KeyRegistry(effective.keys()));
        ModelRouter router = new ModelRouter(effective.models(), providers);
        ChatChain.Parts parts = new ChatChain.Parts(
                audit,
                authenticator,
                workspaces,
                idempotency,
                router,
                scanner,
                tokens,
                new CostMeter(effective.pricing().usdToIdr()),
                offload,
                maxBodyBytes,
                endpoint,
                new ChatChain.LimitParts(
                        limitStore,
                        effective.keys().stream()
                                .collect(Collectors.toMap(KeyConfig::id, KeyConfig::limits, (a, b) -> a)),
                        effective.limits().defaultMaxTokens(),
                        effective.pricing().usdToIdr(),
                        effective.workspaces().stream()
                                .collect(Collectors.toMap(
                                        WorkspaceConfig::id,
                                        w -> OnStoreError.of(Optional.ofNullable(w.onStoreError())),
                                        (a, b) -> a))),
                evaluators.compile(effective.workspaces()),
                observe);
        return new ServedPolicy(
                effective,
                workspaces,
                new ChatCompletionsHandler.Chains(
                        ChatChain.create(parts), ChatChain.refusals(parts), workspaces.defaultId()),
                new ModelsHandler(authenticator, router, workspaces, renderer),
                new AuditHandler(authenticator, audit, renderer),
                new AuditSearchHandler(authenticator, audit, renderer),
                new AuditContentHandler(authenticator, audit, renderer),
                new AuditEvaluationsHandler(
                        authenticator, audit, renderer, new AuditIds(Clock.systemUTC()), Clock.systemUTC()),
                MetricsHandler.forAdmins(authenticator, workspaces.defaultId(), metricsText, renderer));
    }
}
