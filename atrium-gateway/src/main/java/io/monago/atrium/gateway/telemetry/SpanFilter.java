package io.monago.atrium.gateway.telemetry;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.protocol.TraceAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A filter run inside child spans of the call's server span: one for its request half (unless only
 * the answer half is traced), one for its answer half when it has one (the audit write, for the
 * audit filter). A span records how the half ended (the protocol's error code when it rejected), never
 * what the call said.
 */
final class SpanFilter implements Filter {

    private final Tracer tracer;
    private final Optional<String> name;
    private final String answerName;
    private final Filter filter;

    /**
     * Traces a filter.
     *
     * @param tracer makes the spans
     * @param name the request half's span name; empty to trace only the answer half
     * @param answerName the answer half's span name
     * @param filter the filter
     */
    SpanFilter(Tracer tracer, Optional<String> name, String answerName, Filter filter) {
        this.tracer = tracer;
        this.name = name;
        this.answerName = answerName;
        this.filter = filter;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        Optional<Context> parent = exchange.traceContext();
        if (parent.isEmpty()) {
            return filter.onRequest(exchange);
        }
        if (name.isEmpty()) {
            return filter.onRequest(exchange).map(s -> answerTraced(s, parent.get()));
        }
        Span span = tracer.spanBuilder(name.get()).setParent(parent.get()).startSpan();
        Future<Step> step;
        try {
            step = filter.onRequest(exchange);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.end();
            throw e;
        }
        return step.transform(ar -> {
            if (ar.failed()) {
                span.setStatus(StatusCode.ERROR);
                span.end();
                return Future.failedFuture(ar.cause());
            }
            Step s = ar.result();
            if (s instanceof Step.Reject r) {
                span.setAttribute(
                        TraceAttributes.ERROR_TYPE, r.rejection().code().code());
            }
            span.end();
            return Future.succeededFuture(answerTraced(s, parent.get()));
        });
    }

    private Step answerTraced(Step s, Context parent) {
        if (s instanceof Step.Proceed p && p.answerHalf() != AnswerHalf.NONE) {
            return new Step.Proceed(new TracedHalf(p.answerHalf(), parent));
        }
        return s;
    }

    /** The filter's answer half in a span of its own. */
    private final class TracedHalf implements AnswerHalf {
        private final AnswerHalf half;
        private final Context parent;

        TracedHalf(AnswerHalf half, Context parent) {
            this.half = half;
            this.parent = parent;
        }

        @Override
        public Future<Answer> onAnswer(Exchange exchange, Answer answer) {
            Span span = tracer.spanBuilder(answerName).setParent(parent).startSpan();
            Future<Answer> next;
            try {
                next = half.onAnswer(exchange, answer);
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR);
                span.end();
                throw e;
            }
            return next.andThen(ar -> {
                if (ar.failed()) {
                    span.setStatus(StatusCode.ERROR);
                } else if (ar.result() instanceof Answer.Failure f) {
                    span.setAttribute(
                            TraceAttributes.ERROR_TYPE, f.rejection().code().code());
                }
                span.end();
            });
        }
    }
}
