package io.monago.atrium.gateway.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.exchange.Attempt;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.protocol.TraceAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The provider call in a GenAI client span ({@code chat <model>}): the model as the record names
 * it, the provider that answered, the tokens and finish reasons of the answer, and one event per try
 * (retries and fallbacks). For a stream the span lasts until the stream ends. Neither the prompt
 * nor the answer is ever an attribute.
 */
final class ProviderSpan implements Endpoint {

    /** The finish reasons the wire defines; anything else a provider sends is shown as {@code other}. */
    private static final Set<String> FINISH_REASONS =
            Set.of("stop", "length", "tool_calls", "content_filter", "function_call");

    private final Tracer tracer;
    private final Endpoint endpoint;

    ProviderSpan(Tracer tracer, Endpoint endpoint) {
        this.tracer = tracer;
        this.endpoint = endpoint;
    }

    @Override
    public Future<Answer> call(Exchange exchange) {
        Optional<Context> parent = exchange.traceContext();
        if (parent.isEmpty()) {
            return endpoint.call(exchange);
        }
        String model = exchange.recordedModel().orElse("unknown");
        Span span = tracer.spanBuilder(TraceAttributes.OPERATION_CHAT + " " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent.get())
                .setAttribute(TraceAttributes.GEN_AI_OPERATION_NAME, TraceAttributes.OPERATION_CHAT)
                .setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, model)
                .startSpan();
        Future<Answer> answer;
        try {
            answer = endpoint.call(exchange);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.end();
            throw e;
        }
        return answer.transform(ar -> {
            if (ar.failed()) {
                span.setStatus(StatusCode.ERROR);
                span.end();
                return Future.failedFuture(ar.cause());
            }
            tries(span, exchange);
            Answer a = ar.result();
            if (a instanceof Answer.Chunked chunked) {
                span.setAttribute(TraceAttributes.STREAM, true);
                return Future.succeededFuture(chunked.through(new StreamFacts(span)));
            }
            if (a instanceof Answer.Completion c) {
                c.usage().ifPresent(u -> {
                    span.setAttribute(TraceAttributes.GEN_AI_USAGE_INPUT_TOKENS, u.promptTokens());
                    span.setAttribute(TraceAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, u.completionTokens());
                });
                List<String> reasons = new ArrayList<>();
                for (JsonNode choice : c.body().path("choices")) {
                    reasons.add(finishReason(choice));
                }
                finish(span, reasons);
                if (exchange.route().model().equals(model)) {
                    // A configured name: the route's upstream model is configured too, so it may be shown.
                    span.setAttribute(
                            TraceAttributes.GEN_AI_RESPONSE_MODEL,
                            exchange.route().upstreamModel());
                }
            } else if (a instanceof Answer.Failure f) {
                span.setAttribute(
                        TraceAttributes.ERROR_TYPE, f.rejection().code().code());
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            return Future.succeededFuture(a);
        });
    }

    /** The provider that answered, and one event per try. */
    private static void tries(Span span, Exchange exchange) {
        exchange.provider().ifPresent(p -> span.setAttribute(TraceAttributes.GEN_AI_PROVIDER_NAME, p));
        List<Attempt> attempts = exchange.attempts();
        span.setAttribute(TraceAttributes.ATTEMPTS, (long) attempts.size());
        for (Attempt t : attempts) {
            var attributes = io.opentelemetry.api.common.Attributes.builder()
                    .put(TraceAttributes.GEN_AI_PROVIDER_NAME, t.provider())
                    .put(TraceAttributes.ATTEMPT_OUTCOME, t.outcome())
                    .put("atrium.attempt.latency_ms", t.latencyMs());
            t.status().ifPresent(s -> attributes.put(TraceAttributes.HTTP_RESPONSE_STATUS_CODE, (long) s));
            span.addEvent("atrium.attempt", attributes.build());
        }
    }

    private static String finishReason(JsonNode choice) {
        String reason = choice.path("finish_reason").asText("");
        return FINISH_REASONS.contains(reason) ? reason : "other";
    }

    private static void finish(Span span, List<String> reasons) {
        if (!reasons.isEmpty()) {
            span.setAttribute(AttributeKey.stringArrayKey(TraceAttributes.GEN_AI_RESPONSE_FINISH_REASONS), reasons);
        }
    }

    /** Reads a stream's usage and finish reasons as the chunks pass; ends the span with the stream. */
    private static final class StreamFacts implements ChunkTransform {
        private final Span span;
        private final List<String> reasons = new ArrayList<>();

        StreamFacts(Span span) {
            this.span = span;
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            for (JsonNode choice : chunk.path("choices")) {
                if (choice.hasNonNull("finish_reason")) {
                    reasons.add(finishReason(choice));
                }
            }
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                span.setAttribute(
                        TraceAttributes.GEN_AI_USAGE_INPUT_TOKENS,
                        usage.path("prompt_tokens").asLong());
                span.setAttribute(
                        TraceAttributes.GEN_AI_USAGE_OUTPUT_TOKENS,
                        usage.path("completion_tokens").asLong());
            }
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            finish(span, reasons);
            span.end();
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            span.setStatus(StatusCode.ERROR);
            span.end();
            return Future.succeededFuture();
        }
    }
}
