package io.monago.atrium.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.audit.AuditEntry;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.auth.AuthenticateStep;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.exchange.Usage;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.gateway.idempotency.IdempotencyGate;
import io.monago.atrium.gateway.idempotency.StoredReply;
import io.monago.atrium.gateway.meter.CostMeter;
import io.monago.atrium.gateway.meter.TokenCounter;
import io.monago.atrium.gateway.pipeline.AnswerStep;
import io.monago.atrium.gateway.pipeline.GovernancePipeline;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.gateway.provider.ProviderReply;
import io.monago.atrium.gateway.route.ModelRoute;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/chat/completions}: walks the request through the governance pipeline, calls the
 * provider, walks the answer back through the answer steps, meters it, writes the audit record and
 * only then answers, with the headers rendered from the same verdict as the record.
 */
public final class ChatCompletionsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsHandler.class);

    /** Response header on an answer replayed for a retried Idempotency-Key. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final AuditIds auditIds;
    private final IdempotencyGate idempotency;
    private final Clock clock;
    private final String fallbackWorkspace;
    private final GovernancePipeline pipeline;
    private final AuthenticateStep authenticate;
    private final List<AnswerStep> answerSteps;
    private final TokenCounter tokens;
    private final CostMeter costs;
    private final AuditStore audit;
    private final GovernanceRenderer renderer;

    /**
     * Creates the handler.
     *
     * @param deps what it needs
     */
    public ChatCompletionsHandler(Dependencies deps) {
        this.auditIds = deps.auditIds();
        this.idempotency = deps.idempotency();
        this.clock = deps.clock();
        this.fallbackWorkspace = deps.fallbackWorkspace();
        this.pipeline = deps.pipeline();
        this.authenticate = deps.authenticate();
        this.answerSteps = List.copyOf(deps.answerSteps());
        this.tokens = deps.tokens();
        this.costs = deps.costs();
        this.audit = deps.audit();
        this.renderer = deps.renderer();
    }

    /**
     * Handles one call whose body has been read.
     *
     * @param ctx the routing context
     * @param body the raw body
     */
    public void handle(RoutingContext ctx, Buffer body) {
        Exchange ex = start(ctx, body);
        try {
            Optional<Rejection> rejection = authenticate.apply(ex);
            if (rejection.isEmpty()) {
                IdempotencyGate.Decision d = idempotency.check(ex);
                if (d.replay().isPresent()) {
                    replay(ctx.response(), d.replay().get());
                    return;
                }
                d.ticket().ifPresent(ex::idempotencyTicket);
                rejection = d.rejection();
            }
            if (rejection.isEmpty()) {
                rejection = pipeline.run(ex);
            }
            if (rejection.isPresent()) {
                finish(ctx, ex, rejection.get());
            } else {
                forward(ctx, ex);
            }
        } catch (RuntimeException e) {
            internalError(ctx, ex, e);
        }
    }

    /**
     * Answers a request whose body was over the limit: still authenticated (for the record's key)
     * and still audited.
     *
     * @param ctx the routing context
     * @param maxBodyBytes the limit, for the message
     */
    public void tooLarge(RoutingContext ctx, long maxBodyBytes) {
        // The body was never read, so only the headers are known.
        Exchange ex = start(ctx, Buffer.buffer());
        authenticate.apply(ex);
        finish(
                ctx,
                ex,
                Rejection.of(
                        ErrorCode.REQUEST_TOO_LARGE,
                        "the request body is over the limit of " + maxBodyBytes + " bytes"));
    }

    private Exchange start(RoutingContext ctx, Buffer raw) {
        Exchange ex = new Exchange(auditIds.next(), clock.instant(), System.nanoTime(), fallbackWorkspace);
        ex.request(new InboundRequest(ctx.request().headers(), raw.getBytes()));
        return ex;
    }

    private void forward(RoutingContext ctx, Exchange ex) {
        ModelRoute route = ex.route();
        String requested = ex.model().orElseThrow();
        ex.body().put("model", route.upstreamModel());
        ex.provider(route.provider().name());
        route.provider().complete(new ProviderCall(ex.body(), requested)).onComplete(ar -> {
            try {
                if (ar.failed()) {
                    finish(ctx, ex, upstreamRejection(ar.cause()));
                } else {
                    answer(ctx, ex, route, ar.result());
                }
            } catch (RuntimeException e) {
                internalError(ctx, ex, e);
            }
        });
    }

    private void answer(RoutingContext ctx, Exchange ex, ModelRoute route, ProviderReply reply) {
        ObjectNode completion = reply.body();
        for (AnswerStep step : answerSteps) {
            step.apply(ex, completion);
        }
        Usage usage = reply.usage().orElseGet(() -> countUsage(ex, completion));
        ex.metered(usage, costs.costIdr(route, usage));
        Verdict v = ex.verdict(200, Optional.empty(), System.nanoTime());
        record(ctx, ex, v, renderer.body(completion));
    }

    private Usage countUsage(Exchange ex, ObjectNode completion) {
        long out = 0;
        for (var choice : completion.path("choices")) {
            out += tokens.count(choice.path("message").path("content").asText(""));
        }
        return new Usage(tokens.countPrompt(ex.body()), out);
    }

    private static Rejection upstreamRejection(Throwable cause) {
        if (cause instanceof ProviderException pe && pe.kind() == ProviderException.Kind.TIMEOUT) {
            return Rejection.of(ErrorCode.UPSTREAM_TIMEOUT, pe.getMessage());
        }
        if (cause instanceof ProviderException pe) {
            return Rejection.of(ErrorCode.UPSTREAM_ERROR, pe.getMessage());
        }
        return Rejection.of(ErrorCode.UPSTREAM_ERROR, "the provider call failed");
    }

    private void finish(RoutingContext ctx, Exchange ex, Rejection r) {
        Verdict v = ex.verdict(r.code().status(), Optional.of(r), System.nanoTime());
        record(ctx, ex, v, renderer.errorBody(r));
    }

    private void internalError(RoutingContext ctx, Exchange ex, RuntimeException e) {
        LOG.error("request {} failed inside the gateway", ex.auditId(), e);
        finish(ctx, ex, Rejection.of(ErrorCode.INTERNAL_ERROR, "the gateway failed to process the request"));
    }

    /** The reply waits for the audit record to be durable; it never leaves before. */
    private void record(RoutingContext ctx, Exchange ex, Verdict v, Buffer body) {
        Future.fromCompletionStage(audit.append(AuditEntry.of(v)), ctx.vertx().getOrCreateContext())
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        respond(ctx.response(), ex, v, v.status(), body);
                    } else {
                        LOG.error("audit record {} could not be stored; answering 503", v.auditId());
                        Rejection r = Rejection.of(
                                ErrorCode.SERVICE_UNAVAILABLE,
                                "the call could not be recorded in the audit trail, so it was not answered; retry later");
                        respond(ctx.response(), ex, v, r.code().status(), renderer.errorBody(r));
                    }
                });
    }

    private void respond(HttpServerResponse response, Exchange ex, Verdict v, int status, Buffer body) {
        renderer.headers(v, response.headers());
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        ex.idempotencyTicket()
                .ifPresent(t -> t.complete(new StoredReply(
                        status, MultiMap.caseInsensitiveMultiMap().addAll(response.headers()), body)));
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(status).end(body);
    }

    /** A retried call gets the first call's answer, audit id included; nothing is governed or billed again. */
    private static void replay(HttpServerResponse response, StoredReply reply) {
        if (response.closed() || response.ended()) {
            return;
        }
        response.headers().addAll(reply.headers());
        response.putHeader(IDEMPOTENT_REPLAYED, "true");
        response.setStatusCode(reply.status()).end(reply.body());
    }

    /**
     * What the handler needs.
     *
     * @param auditIds audit id generator
     * @param clock wall clock
     * @param fallbackWorkspace workspace for calls whose key is unknown
     * @param pipeline the request-side steps after authentication
     * @param authenticate the authentication step, run first
     * @param idempotency the Idempotency-Key gate, run right after authentication
     * @param answerSteps the answer-side steps
     * @param tokens token counter for providers that report no usage
     * @param costs the cost meter
     * @param audit the audit store
     * @param renderer the governance renderer
     */
    public record Dependencies(
            AuditIds auditIds,
            Clock clock,
            String fallbackWorkspace,
            GovernancePipeline pipeline,
            AuthenticateStep authenticate,
            IdempotencyGate idempotency,
            List<AnswerStep> answerSteps,
            TokenCounter tokens,
            CostMeter costs,
            AuditStore audit,
            GovernanceRenderer renderer) {}
}
