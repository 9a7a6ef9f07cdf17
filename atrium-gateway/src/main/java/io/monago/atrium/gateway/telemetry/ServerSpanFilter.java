package io.monago.atrium.gateway.telemetry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.protocol.TraceAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * First in the chain when tracing is on: opens the call's server span as a child of the caller's
 * {@code traceparent} (or as a new trace), hands its context to the exchange for the other spans
 * and the audit record, and ends it once the verdict is frozen, with the governance attributes.
 */
final class ServerSpanFilter implements Filter {

    /** The route, which is also the span's name (low cardinality, per the HTTP conventions). */
    static final String ROUTE = "/v1/chat/completions";

    // keys() is deprecated but still abstract in 1.68; the W3C propagator reads two named headers only.
    @SuppressWarnings("deprecation")
    private static final TextMapGetter<InboundRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(InboundRequest carrier) {
            return carrier.headers().names();
        }

        @Override
        public String get(InboundRequest carrier, String key) {
            return carrier == null ? null : carrier.headers().get(key);
        }
    };

    private final Tracer tracer;

    ServerSpanFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange.request(), HEADERS);
        Span span = tracer.spanBuilder("POST " + ROUTE)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute("http.request.method", "POST")
                .setAttribute("http.route", ROUTE)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION_NAME, TraceAttributes.OPERATION_CHAT)
                .startSpan();
        exchange.traceContext(parent.with(span));
        return Step.proceed((ex, answer) -> {
            if (answer instanceof Answer.Chunked chunked) {
                span.setAttribute(TraceAttributes.STREAM, true);
                return Future.succeededFuture(chunked.through(new EndAtStreamEnd(ex, span)));
            }
            end(ex, span);
            return Future.succeededFuture(answer);
        });
    }

    private static void end(Exchange exchange, Span span) {
        exchange.verdict().ifPresent(v -> describe(span, v));
        // Kept only once redaction ran, so only for a known workspace; spans carry it when it opted in,
        // as the audit's content table keeps it: redacted.
        exchange.forwardedMessages()
                .filter(m -> exchange.workspace().tracesContent())
                .ifPresent(m -> {
                    span.setAttribute(TraceAttributes.GEN_AI_INPUT_MESSAGES, m.toString());
                    exchange.answerText().ifPresent(a -> span.setAttribute(TraceAttributes.GEN_AI_OUTPUT_MESSAGES, a));
                });
        span.end();
    }

    /** Puts the verdict on the span: ids, names, words and numbers only. */
    static void describe(Span span, Verdict v) {
        span.setAttribute(TraceAttributes.AUDIT_ID, v.auditId());
        span.setAttribute(TraceAttributes.WORKSPACE, v.workspaceId());
        span.setAttribute(TraceAttributes.DECISION, v.decision().wire());
        span.setAttribute(TraceAttributes.PII_DETECTED, v.piiDetected());
        if (!v.piiRedacted().isEmpty()) {
            span.setAttribute(
                    io.opentelemetry.api.common.AttributeKey.stringArrayKey(TraceAttributes.PII_REDACTED),
                    List.copyOf(v.piiRedacted()));
        }
        if (!v.securityIncidents().isEmpty()) {
            span.setAttribute(
                    io.opentelemetry.api.common.AttributeKey.stringArrayKey(TraceAttributes.SECURITY_INCIDENTS),
                    List.copyOf(v.securityIncidents()));
        }
        span.setAttribute(TraceAttributes.COST_IDR, v.costIdr());
        v.model().ifPresent(m -> span.setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, m));
        v.provider().ifPresent(p -> span.setAttribute(TraceAttributes.GEN_AI_PROVIDER_NAME, p));
        if (v.usage().totalTokens() > 0) {
            span.setAttribute(
                    TraceAttributes.GEN_AI_USAGE_INPUT_TOKENS, v.usage().promptTokens());
            span.setAttribute(
                    TraceAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, v.usage().completionTokens());
        }
        span.setAttribute(TraceAttributes.ATTEMPTS, (long) v.attempts().size());
        span.setAttribute(TraceAttributes.HTTP_RESPONSE_STATUS_CODE, (long) v.status());
        v.errorCode().ifPresent(code -> span.setAttribute(TraceAttributes.ERROR_TYPE, code));
        if (v.status() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
    }

    /** Ends a streamed call's span once the audit filter recorded how the stream ended. */
    private static final class EndAtStreamEnd implements ChunkTransform {
        private final Exchange exchange;
        private final Span span;

        EndAtStreamEnd(Exchange exchange, Span span) {
            this.exchange = exchange;
            this.span = span;
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            end(exchange, span);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            end(exchange, span);
            return Future.succeededFuture();
        }
    }
}
