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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code POST /v1/chat/completions}, as HTTP glue only: makes the call's {@link Exchange}, walks it
 * through the {@link FilterChain} (where everything the gateway does to a call happens) and writes
 * the answer the chain returns, with the governance headers rendered from the verdict the audit
 * filter froze.
 */
public final class ChatCompletionsHandler {

    private static final byte[] NO_BODY = new byte[0];

    private final Supplier<Chains> chains;
    private final AuditIds auditIds;
    private final Clock clock;
    private final GovernanceRenderer renderer;
    private final Offload offload;

    /**
     * The chains calls walk through under one version of the policy. The gateway swaps them whole
     * when its configuration is reloaded; a call walks the chains it found when it started.
     *
     * @param chain the filter chain every call walks through
     * @param refusals the chain of a call refused before its body was read whole (it came too
     *     slowly, or its encoding was broken): it records and authenticates the call like the full
     *     chain, then answers with the refusal given
     * @param fallbackWorkspace the workspace a call is recorded under when its key is unknown
     */
    public record Chains(FilterChain chain, Function<Rejection, FilterChain> refusals, String fallbackWorkspace) {}

    /**
     * Creates the handler.
     *
     * @param chains the current chains, read once at the start of each call
     * @param auditIds makes each call's audit id
     * @param clock the wall clock, for the record's timestamp
     * @param renderer renders the verdict and the answer
     * @param offload moves serialising a large answer off the event loop
     */
    public ChatCompletionsHandler(
            Supplier<Chains> chains, AuditIds auditIds, Clock clock, GovernanceRenderer renderer, Offload offload) {
        this.chains = chains;
        this.auditIds = auditIds;
        this.clock = clock;
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
        walk(ctx, Chains::chain, InboundRequest.of(ctx.request().headers(), body.getBytes()), false);
    }

    /**
     * Handles a call whose body was over the limit: the chain still authenticates it (for the
     * record's key), refuses it and audits it.
     *
     * @param ctx the routing context
     */
    public void tooLarge(RoutingContext ctx) {
        walk(ctx, Chains::chain, InboundRequest.oversized(ctx.request().headers()), false);
    }

    /**
     * Handles a call whose declared body is over the limit and whose client waits for {@code 100
     * Continue} before sending it: refused like {@link #tooLarge}, and the connection is closed
     * after the answer, so the client need not send the body at all.
     *
     * @param ctx the routing context
     */
    void tooLargeUnsent(RoutingContext ctx) {
        walk(ctx, Chains::chain, InboundRequest.oversized(ctx.request().headers()), true);
    }

    /**
     * Handles a call whose body did not arrive whole within {@code server.request_body_timeout_ms}
     * of its head: 408 {@code request_timeout}, recorded and authenticated like any call; the
     * connection is closed after the answer.
     *
     * @param ctx the routing context
     * @param limitMs the time limit, for the message
     */
    public void timedOut(RoutingContext ctx, long limitMs) {
        refuse(
                ctx,
                Rejection.of(
                        ErrorCode.REQUEST_TIMEOUT,
                        "the request body did not arrive whole within the limit of " + limitMs + " ms"));
    }

    /**
     * Handles a call whose chunked body could not be decoded (a chunk size that is not a hex
     * number, say): 400 {@code invalid_request_error}, recorded and authenticated like any call;
     * the connection is closed after the answer, since the rest of its bytes cannot be read.
     *
     * @param ctx the routing context
     */
    public void malformed(RoutingContext ctx) {
        refuse(ctx, Rejection.invalid("the request body's chunked transfer encoding is malformed"));
    }

    private void refuse(RoutingContext ctx, Rejection rejection) {
        walk(
                ctx,
                c -> c.refusals().apply(rejection),
                InboundRequest.of(ctx.request().headers(), NO_BODY),
                true);
    }

    private void walk(
            RoutingContext ctx, Function<Chains, FilterChain> pick, InboundRequest request, boolean thenClose) {
        // The policy the call is decided under, whatever reloads while it is in flight.
        Chains current = chains.get();
        Exchange exchange =
                new Exchange(auditIds.next(), clock.instant(), System.nanoTime(), current.fallbackWorkspace(), request);
        pick.apply(current).handle(exchange).onComplete(ar -> {
            if (ar.succeeded() && ar.result() instanceof Answer.Chunked chunked) {
                StreamedReply.start(ctx.response(), exchange, chunked, renderer);
                return;
            }
            Future<HttpReply> reply = ar.succeeded() ? render(exchange, ar.result()) : Future.failedFuture(ar.cause());
            reply.onSuccess(r -> send(ctx, exchange, r, thenClose))
                    .onFailure(e -> send(ctx, exchange, error(exchange, internalError()), thenClose));
        });
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
        return Future.succeededFuture(error(exchange, internalError())); // a stream is written by StreamedReply
    }

    private HttpReply error(Exchange exchange, Rejection r) {
        Verdict v = verdict(exchange, r.code().status(), Optional.of(r));
        MultiMap headers = headers(v);
        r.retryAfterSeconds().ifPresent(s -> headers.set("Retry-After", Long.toString(s)));
        return new HttpReply(v.status(), headers, renderer.errorBody(r));
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

    private static void send(RoutingContext ctx, Exchange exchange, HttpReply reply, boolean thenClose) {
        exchange.replied(reply);
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.headers().addAll(reply.headers());
        if (thenClose) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(reply.status()).end(reply.body()).onComplete(ar -> {
            if (thenClose) {
                ctx.request().connection().close();
            }
        });
    }
}
