package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.audit.AuditIds;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.FilterChain;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.protocol.ErrorCode;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}, as HTTP glue only: makes the call's {@link Exchange}, walks it
 * through the {@link FilterChain} (where everything the gateway does to a call happens) and writes
 * the answer the chain returns, with the governance headers rendered from the verdict the audit
 * filter froze.
 */
public final class ChatCompletionsHandler {

    private final FilterChain chain;
    private final AuditIds auditIds;
    private final Clock clock;
    private final String fallbackWorkspace;
    private final GovernanceRenderer renderer;
    private final Offload offload;

    /**
     * Creates the handler.
     *
     * @param chain the filter chain every call walks through
     * @param auditIds makes each call's audit id
     * @param clock the wall clock, for the record's timestamp
     * @param fallbackWorkspace the workspace a call is recorded under when its key is unknown
     * @param renderer renders the verdict and the answer
     * @param offload moves serialising a large answer off the event loop
     */
    public ChatCompletionsHandler(
            FilterChain chain,
            AuditIds auditIds,
            Clock clock,
            String fallbackWorkspace,
            GovernanceRenderer renderer,
            Offload offload) {
        this.chain = chain;
        this.auditIds = auditIds;
        this.clock = clock;
        this.fallbackWorkspace = fallbackWorkspace;
        this.renderer = renderer;
        this.offload = offload;
    }

    /**
     * Handles one call whose body has been read.
     *
     * @param ctx the routing context
     * @param body the raw body
     */
    public void handle(RoutingContext ctx, Buffer body) {
        walk(ctx, InboundRequest.of(ctx.request().headers(), body.getBytes()));
    }

    /**
     * Handles a call whose body was over the limit: the chain still authenticates it (for the
     * record's key), refuses it and audits it.
     *
     * @param ctx the routing context
     */
    public void tooLarge(RoutingContext ctx) {
        walk(ctx, InboundRequest.oversized(ctx.request().headers()));
    }

    private void walk(RoutingContext ctx, InboundRequest request) {
        Exchange exchange =
                new Exchange(auditIds.next(), clock.instant(), System.nanoTime(), fallbackWorkspace, request);
        chain.handle(exchange)
                .compose(answer -> render(exchange, answer))
                .onSuccess(reply -> send(ctx.response(), exchange, reply))
                .onFailure(e -> send(ctx.response(), exchange, error(exchange, internalError())));
    }

    private Future<HttpReply> render(Exchange exchange, Answer answer) {
        if (answer instanceof Answer.Replay replay) {
            MultiMap headers =
                    MultiMap.caseInsensitiveMultiMap().addAll(replay.reply().headers());
            headers.set(ProtocolHeaders.IDEMPOTENT_REPLAYED, "true");
            return Future.succeededFuture(new HttpReply(
                    replay.reply().status(), headers, replay.reply().body()));
        }
        if (answer instanceof Answer.Completion c) {
            Verdict v = verdict(exchange, 200, Optional.empty());
            return offload.run(exchange.request().body().length, () -> renderer.body(c.body()))
                    .map(body -> reply(v, body));
        }
        if (answer instanceof Answer.Failure f) {
            return Future.succeededFuture(error(exchange, f.rejection()));
        }
        // Streamed answers are written as server-sent events; until then the chain never makes one.
        return Future.succeededFuture(error(exchange, internalError()));
    }

    private HttpReply error(Exchange exchange, Rejection r) {
        Verdict v = verdict(exchange, r.code().status(), Optional.of(r));
        return new HttpReply(v.status(), headers(v), renderer.errorBody(r));
    }

    private HttpReply reply(Verdict v, Buffer body) {
        return new HttpReply(v.status(), headers(v), body);
    }

    /** The verdict the audit filter froze; frozen here only if the chain failed before it could. */
    private static Verdict verdict(Exchange exchange, int status, Optional<Rejection> rejection) {
        return exchange.verdict()
                .filter(v -> v.status() == status)
                .orElseGet(() -> exchange.freeze(status, rejection, System.nanoTime()));
    }

    private MultiMap headers(Verdict v) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        renderer.headers(v, headers);
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }

    private static Rejection internalError() {
        return Rejection.of(ErrorCode.INTERNAL_ERROR, "the gateway failed to process the request");
    }

    private static void send(HttpServerResponse response, Exchange exchange, HttpReply reply) {
        exchange.replied(reply);
        if (response.closed() || response.ended()) {
            return;
        }
        response.headers().addAll(reply.headers());
        response.setStatusCode(reply.status()).end(reply.body());
    }
}
