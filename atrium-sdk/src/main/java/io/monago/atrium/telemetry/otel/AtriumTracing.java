package io.monago.atrium.telemetry.otel;

import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.protocol.TraceAttributes;
import io.monago.atrium.telemetry.CallSummary;
import io.monago.atrium.telemetry.CallTelemetry;
import io.monago.atrium.telemetry.EvalTracing;
import io.monago.atrium.telemetry.RunTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Traces the client's chat completions with OpenTelemetry, after the GenAI semantic conventions:
 * a client span per call ({@code chat <model>}, with the usage, the finish reasons and Atrium's
 * governance: audit id, decision, entity types redacted, incidents, cost in rupiah) and, under it,
 * an HTTP client span per try, whose context goes to the gateway as the W3C {@code traceparent}.
 * The spans' parent is the application's current span. No attribute holds a prompt, an answer, a
 * detected value or a key. Other calls (models, audit) are not traced.
 *
 * <pre>{@code
 * Atrium client = Atrium.builder()
 *         .addTelemetry(AtriumTracing.create(GlobalOpenTelemetry.get()))
 *         .build();
 * }</pre>
 */
public final class AtriumTracing implements CallTelemetry, RunTracing, EvalTracing {

    /** The instrumentation scope of the SDK's spans. */
    public static final String SCOPE = "io.monago.atrium";

    private final Tracer tracer;

    private AtriumTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Traces with an OpenTelemetry instance (the application's, or {@code GlobalOpenTelemetry.get()}).
     *
     * @param openTelemetry where spans go
     * @return the tracing, to pass to {@code Atrium.Builder.addTelemetry}
     */
    @SuppressWarnings("exports") // the application has the type: it passes its own instance
    public static AtriumTracing create(OpenTelemetry openTelemetry) {
        return new AtriumTracing(openTelemetry.getTracer(SCOPE));
    }

    @Override
    public RunSpan startRun(String runId, String flow) {
        Span span = tracer.spanBuilder(TraceAttributes.OPERATION_INVOKE_AGENT + " " + flow)
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.current())
                .setAttribute(TraceAttributes.GEN_AI_OPERATION_NAME, TraceAttributes.OPERATION_INVOKE_AGENT)
                .setAttribute(TraceAttributes.GEN_AI_AGENT_NAME, flow)
                .setAttribute(TraceAttributes.RUN_ID, runId)
                .startSpan();
        return new TracedRun(span);
    }

    @Override
    public EvalSpan startEvaluation() {
        Span span = tracer.spanBuilder(TraceAttributes.EVALUATE_SPAN)
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.current())
                .startSpan();
        TracedRun scope = new TracedRun(span);
        return new EvalSpan() {
            @Override
            public RunTracing.Scope enter() {
                return scope.enter();
            }

            @Override
            public void scores(Map<String, Double> scores) {
                scores.forEach((name, score) -> span.setAttribute(TraceAttributes.EVAL_SCORE_PREFIX + name, score));
            }

            @Override
            public void end(Optional<Throwable> failure) {
                scope.end(failure);
            }
        };
    }

    /** A run's span: made current around each of the run's calls, on whichever thread makes it. */
    private record TracedRun(Span span) implements RunSpan {
        @Override
        public Optional<String> traceId() {
            return span.getSpanContext().isValid()
                    ? Optional.of(span.getSpanContext().getTraceId())
                    : Optional.empty();
        }

        @Override
        @SuppressWarnings("MustBeClosedChecker") // handed to the caller, which closes it (Run.call)
        public Scope enter() {
            io.opentelemetry.context.Scope scope = Context.current().with(span).makeCurrent();
            return scope::close;
        }

        @Override
        public void end(Optional<Throwable> failure) {
            failure.ifPresent(f -> span.setStatus(StatusCode.ERROR, f.getClass().getSimpleName())
                    .setAttribute(TraceAttributes.ERROR_TYPE, f.getClass().getName()));
            span.end();
        }
    }

    @Override
    public Call startCall(AtriumRequest request) {
        CallSummary asked = CallSummary.of(request);
        if (!asked.chat()) {
            return Untraced.CALL;
        }
        Context parent = Context.current();
        Span span = tracer.spanBuilder(TraceAttributes.OPERATION_CHAT
                        + asked.requestModel().map(m -> " " + m).orElse(""))
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION_NAME, TraceAttributes.OPERATION_CHAT)
                .startSpan();
        asked.requestModel().ifPresent(m -> span.setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, m));
        if (asked.stream()) {
            span.setAttribute(TraceAttributes.STREAM, true);
        }
        return new TracedCall(parent.with(span), span, asked);
    }

    /** One call's span. */
    private final class TracedCall implements Call {
        private final Context context;
        private final Span span;
        private final CallSummary asked;

        TracedCall(Context context, Span span, CallSummary asked) {
            this.context = context;
            this.span = span;
            this.asked = asked;
        }

        @Override
        public Attempt startAttempt(AtriumRequest request, int number) {
            Span attempt = tracer.spanBuilder(request.method())
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(context)
                    .setAttribute("http.request.method", request.method())
                    .setAttribute("server.address", request.uri().getHost())
                    .setAttribute("server.port", (long) port(request))
                    .startSpan();
            if (number > 1) {
                attempt.setAttribute(TraceAttributes.HTTP_REQUEST_RESEND_COUNT, (long) number - 1);
            }
            Map<String, String> carrier = new LinkedHashMap<>();
            W3CTraceContextPropagator.getInstance().inject(context.with(attempt), carrier, (c, k, v) -> c.put(k, v));
            AtriumRequest.Builder traced = request.toBuilder().removeHeader(ProtocolHeaders.TRACEPARENT);
            carrier.forEach(traced::header);
            return new TracedAttempt(attempt, traced.build());
        }

        @Override
        public void end(AtriumResponse response) {
            CallSummary s = asked.answered(response);
            s.auditId().ifPresent(v -> span.setAttribute(TraceAttributes.AUDIT_ID, v));
            s.decision().ifPresent(v -> span.setAttribute(TraceAttributes.DECISION, v));
            s.provider().ifPresent(v -> span.setAttribute(TraceAttributes.GEN_AI_PROVIDER_NAME, v));
            if (!s.piiRedacted().isEmpty()) {
                span.setAttribute(AttributeKey.stringArrayKey(TraceAttributes.PII_REDACTED), s.piiRedacted());
            }
            if (!s.incidents().isEmpty()) {
                span.setAttribute(AttributeKey.stringArrayKey(TraceAttributes.SECURITY_INCIDENTS), s.incidents());
            }
            s.costIdr().ifPresent(v -> span.setAttribute(TraceAttributes.COST_IDR, v));
            s.responseModel().ifPresent(v -> span.setAttribute(TraceAttributes.GEN_AI_RESPONSE_MODEL, v));
            s.responseId().ifPresent(v -> span.setAttribute(TraceAttributes.GEN_AI_RESPONSE_ID, v));
            s.inputTokens().ifPresent(v -> span.setAttribute(TraceAttributes.GEN_AI_USAGE_INPUT_TOKENS, v));
            s.outputTokens().ifPresent(v -> span.setAttribute(TraceAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, v));
            if (!s.finishReasons().isEmpty()) {
                span.setAttribute(
                        AttributeKey.stringArrayKey(TraceAttributes.GEN_AI_RESPONSE_FINISH_REASONS), s.finishReasons());
            }
            if (response.statusCode() >= 400) {
                span.setAttribute(
                        TraceAttributes.ERROR_TYPE, s.errorCode().orElse(Integer.toString(response.statusCode())));
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }

        @Override
        public void fail(Throwable failure) {
            span.setAttribute(TraceAttributes.ERROR_TYPE, failure.getClass().getName());
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }

    /** One try's span. */
    private static final class TracedAttempt implements Attempt {
        private final Span span;
        private final AtriumRequest request;

        TracedAttempt(Span span, AtriumRequest request) {
            this.span = span;
            this.request = request;
        }

        @Override
        public AtriumRequest request() {
            return request;
        }

        @Override
        public void end(AtriumResponse response) {
            span.setAttribute(TraceAttributes.HTTP_RESPONSE_STATUS_CODE, (long) response.statusCode());
            response.header(ProtocolHeaders.AUDIT_ID).ifPresent(v -> span.setAttribute(TraceAttributes.AUDIT_ID, v));
            if (response.statusCode() >= 400) {
                span.setAttribute(TraceAttributes.ERROR_TYPE, Integer.toString(response.statusCode()));
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }

        @Override
        public void fail(Throwable failure) {
            span.setAttribute(TraceAttributes.ERROR_TYPE, failure.getClass().getName());
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }

    private static int port(AtriumRequest request) {
        int port = request.uri().getPort();
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(request.uri().getScheme()) ? 443 : 80;
    }

    /** A call that is not traced: its tries go out as they are. */
    private enum Untraced implements Call {
        CALL;

        @Override
        public Attempt startAttempt(AtriumRequest request, int number) {
            return new PassThrough(request);
        }

        @Override
        public void end(AtriumResponse response) {}

        @Override
        public void fail(Throwable failure) {}
    }

    /** A try sent as it is. */
    private record PassThrough(AtriumRequest request) implements Attempt {
        @Override
        public void end(AtriumResponse response) {}

        @Override
        public void fail(Throwable failure) {}
    }
}
