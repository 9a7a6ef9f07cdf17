package io.monago.atrium.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.access.ModelAccessFilter;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.FilterChain;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.config.KeyConfig;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.gateway.inspect.InspectInputFilter;
import io.monago.atrium.gateway.policy.ApplyRulesFilter;
import io.monago.atrium.gateway.policy.DecidePolicyFilter;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.gateway.provider.ProviderReply;
import io.monago.atrium.gateway.redact.RedactFilter;
import io.monago.atrium.gateway.route.ModelRouter;
import io.monago.atrium.gateway.route.RouteFilter;
import io.monago.atrium.gateway.validate.ChatRequestValidator;
import io.monago.atrium.gateway.validate.RequestJson;
import io.monago.atrium.gateway.validate.RequestTagReader;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What the gateway would decide about one call, worked out by the gateway's own filters (validation,
 * model access, routing, inspection, the built-in checks, the rules, redaction) without calling a
 * provider, counting limits or writing an audit record. Limits are not consulted, so rules read
 * {@code usage.*} as zero.
 *
 * <pre>{@code
 * PolicyTrial trial = new PolicyTrial(new ConfigLoader(System::getenv).load(Path.of("atrium.yaml")));
 * PolicyTrial.Report r = trial.run(PolicyTrial.Call.builder("clinic-app", "gpt-5.4", "NIK 3201234567890123").build());
 * r.verdict().decision();   // BLOCKED
 * }</pre>
 */
public final class PolicyTrial {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, KeyConfig> keys;
    private final Workspaces workspaces;
    private final ModelRouter router;
    private final PiiScanner scanner;

    /**
     * Compiles a configuration's policy.
     *
     * @param config a validated configuration
     */
    public PolicyTrial(GatewayConfig config) {
        this.scanner = PiiScanner.defaults();
        this.workspaces = new Workspaces(config.workspaces(), scanner);
        this.keys = config.keys().stream().collect(Collectors.toMap(KeyConfig::id, k -> k, (a, b) -> a));
        Map<String, Provider> providers = new LinkedHashMap<>();
        config.providers().keySet().forEach(name -> providers.put(name, new NotCalled(name)));
        this.router = new ModelRouter(config.models(), providers);
    }

    /**
     * Works out what the gateway would decide about a call.
     *
     * @param call the call
     * @return what would be decided and why
     * @throws IllegalArgumentException when the configuration has no key with the call's key id
     */
    public Report run(Call call) {
        KeyConfig key = keys.get(call.keyId());
        if (key == null) {
            throw new IllegalArgumentException("no key with id '" + call.keyId() + "' in the configuration; its keys: "
                    + String.join(", ", keys.keySet()));
        }
        Principal principal = new Principal(
                key.id(),
                key.workspace(),
                key.admin(),
                key.modelsIfSet().map(m -> m.stream().map(ModelGlob::new).toList()),
                key.disabled(),
                key.name(),
                key.labels());
        WorkspacePolicy workspace = workspaces.require(key.workspace());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        Exchange exchange = new Exchange(
                "policy-test",
                call.at(),
                System.nanoTime(),
                workspace.id(),
                InboundRequest.of(headers, body(call).getBytes(StandardCharsets.UTF_8)));
        exchange.caller(principal, workspace);
        AtomicReference<Exchange> inspected = new AtomicReference<>();
        Answer answer;
        if (principal.disabled()) {
            answer = new Answer.Failure(
                    Rejection.of(io.monago.atrium.protocol.ErrorCode.PERMISSION_DENIED, "this API key is disabled"));
        } else {
            answer = await(chain(inspected).handle(exchange));
        }
        Optional<Rejection> rejection =
                answer instanceof Answer.Failure f ? Optional.of(f.rejection()) : Optional.empty();
        Verdict verdict =
                exchange.freeze(rejection.map(r -> r.code().status()).orElse(200), rejection, System.nanoTime());
        Map<String, Double> scores = new LinkedHashMap<>();
        if (inspected.get() != null) {
            exchange.inspection().security().maxScores().forEach((c, s) -> {
                if (verdict.securityIncidents().contains(c.wireName())) {
                    scores.put(c.wireName(), s);
                }
            });
        }
        Optional<ModelRoute> route = rejection.isEmpty() ? Optional.of(exchange.route()) : Optional.empty();
        return new Report(
                verdict,
                rejection,
                scores,
                route.map(r -> new Route(r.model(), r.provider().name(), r.upstreamModel())));
    }

    private FilterChain chain(AtomicReference<Exchange> inspected) {
        RequestJson requestJson = new RequestJson();
        Offload inline = Offload.inline();
        Filter markInspected = exchange -> {
            inspected.set(exchange);
            return Step.proceed();
        };
        List<Filter> filters = List.of(
                new ValidateFilter(
                        new ChatRequestValidator(requestJson),
                        new RequestTagReader(requestJson),
                        scanner,
                        model -> router.route(model).isPresent(),
                        inline,
                        Long.MAX_VALUE),
                new ModelAccessFilter(),
                new RouteFilter(router),
                new InspectInputFilter(scanner, inline),
                markInspected,
                new DecidePolicyFilter(),
                new ApplyRulesFilter(router::route),
                new RedactFilter(inline));
        // The provider is not called: the answer is empty.
        return new FilterChain(
                filters, exchange -> Future.succeededFuture(new Answer.Completion(empty(), Optional.empty())));
    }

    private static ObjectNode empty() {
        ObjectNode body = JSON.createObjectNode();
        body.put("object", "chat.completion");
        body.putArray("choices");
        return body;
    }

    private static String body(Call call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", call.model());
        ArrayNode messages = body.putArray("messages");
        call.system().ifPresent(s -> messages.addObject().put("role", "system").put("content", s));
        messages.addObject().put("role", "user").put("content", call.prompt());
        call.user().ifPresent(u -> body.put("user", u));
        if (!call.metadata().isEmpty()) {
            ObjectNode meta = body.putObject("metadata");
            call.metadata().forEach(meta::put);
        }
        return body.toString();
    }

    private static Answer await(Future<Answer> answer) {
        try {
            // Every step runs inline, so the answer is there at once; the bound only guards a mistake.
            return answer.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the policy could not be evaluated", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the policy evaluation did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A call to try.
     *
     * @param keyId the id of the configured key it is made with
     * @param model the model asked for
     * @param prompt the user's message
     * @param system a system message before it
     * @param user the end user's id
     * @param metadata the request's metadata
     * @param at when it arrives (what {@code time.*} reads)
     */
    public record Call(
            String keyId,
            String model,
            String prompt,
            Optional<String> system,
            Optional<String> user,
            Map<String, String> metadata,
            Instant at) {

        /**
         * Copies the metadata.
         *
         * @param keyId see the record description
         * @param model see the record description
         * @param prompt see the record description
         * @param system see the record description
         * @param user see the record description
         * @param metadata see the record description
         * @param at see the record description
         */
        public Call {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * What would be decided.
     *
     * @param verdict what the audit record would hold: decision, block reason, entity types and
     *     counts found, types redacted, incidents, matched rules, policy version
     * @param rejection the error the caller would get, when the call would not go through
     * @param incidentScores the score of each security incident found
     * @param route where the call would go, when it would go through
     */
    public record Report(
            Verdict verdict,
            Optional<Rejection> rejection,
            Map<String, Double> incidentScores,
            Optional<Route> route) {}

    /**
     * Where a call would go.
     *
     * @param model the model the call would be served as
     * @param provider the provider's configured name
     * @param upstreamModel the model name the provider would be sent
     */
    public record Route(String model, String provider, String upstreamModel) {}

    /** A provider that is never called: the trial ends before the provider call. */
    private record NotCalled(String name) implements Provider {
        @Override
        public Future<ProviderReply> complete(ProviderCall call) {
            return Future.failedFuture(
                    new ProviderException(ProviderException.Kind.UNSUPPORTED, "a policy test calls no provider"));
        }
    }
}
