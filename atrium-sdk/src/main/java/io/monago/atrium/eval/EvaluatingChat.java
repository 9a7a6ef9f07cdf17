package io.monago.atrium.eval;

import io.monago.atrium.Atrium;
import io.monago.atrium.audit.EvaluationReceipt;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.telemetry.EvalTracing;
import io.monago.atrium.telemetry.RunTracing;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Chat completions with a blocking {@link EvalHook}: on a sampled call the hook sees the request
 * before it is sent and scores the answer after, and the scores are recorded in the gateway's
 * audit trail as a record linked to the call ({@code POST /audit/{id}/evaluations}), since the
 * call's own record was written before the answer arrived. Shares the client; closing is the
 * client's business.
 *
 * <pre>{@code
 * EvaluatingChat chat = EvaluatingChat.builder(client, subject -> Map.of("polite", rate(subject.answer())))
 *         .sampleRate(0.1)
 *         .build();
 * EvaluatedCompletion res = chat.create(request);
 * res.completion().content(); res.scores(); res.evaluationAuditId();
 * }</pre>
 */
public final class EvaluatingChat {
    private final Atrium client;
    private final EvalHook hook;
    private final SampleRate sample;
    private final EvalTracing tracing;

    private EvaluatingChat(Builder b) {
        this.tracing = b.tracing;
        this.client = b.client;
        this.hook = b.hook;
        this.sample = b.random == null ? SampleRate.of(b.rate) : new SampleRate(b.rate, b.random);
    }

    /**
     * Starts a builder.
     *
     * @param client the client calls go through
     * @param hook the evaluator
     * @return the builder (every call sampled, unless {@link Builder#sampleRate} says otherwise)
     */
    public static Builder builder(Atrium client, EvalHook hook) {
        return new Builder(client, hook);
    }

    /**
     * Sends a request, and on a sampled call runs the hook and records its scores.
     *
     * @param request the request
     * @return the answer and the scores
     * @throws io.monago.atrium.errors.AtriumException when the call or the recording fails (a
     *     blocked call raises as {@code create} does, and the hook does not score it)
     */
    public EvaluatedCompletion create(ChatCompletionRequest request) {
        return evaluated(request, () -> client.chat().completions().create(request));
    }

    /**
     * Streams a request: each chunk goes to {@code onChunk} as it arrives, and on a sampled call,
     * once the stream ended, the hook scores the whole answer (what the caller was shown) and the
     * scores are recorded as for {@link #create}.
     *
     * <pre>{@code
     * EvaluatedCompletion res = chat.createStreaming(request, chunk -> System.out.print(chunk.content()));
     * res.scores();   // scored after the last chunk
     * }</pre>
     *
     * @param request the request
     * @param onChunk sees each chunk, in order, on the calling thread
     * @return the whole answer and the scores
     * @throws io.monago.atrium.errors.AtriumException when the call, the stream or the recording fails
     */
    public EvaluatedCompletion createStreaming(ChatCompletionRequest request, Consumer<ChatCompletionChunk> onChunk) {
        Objects.requireNonNull(onChunk, "onChunk");
        return evaluated(request, () -> {
            try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
                for (ChatCompletionChunk chunk : stream) {
                    onChunk.accept(chunk);
                }
                return stream.completion();
            }
        });
    }

    private EvaluatedCompletion evaluated(ChatCompletionRequest request, Supplier<ChatCompletion> call) {
        if (!sample.draw()) {
            return new EvaluatedCompletion(call.get(), Map.of(), Optional.empty());
        }
        EvalTracing.EvalSpan span = tracing.startEvaluation();
        try {
            EvaluatedCompletion evaluated = evaluate(request, span, call);
            span.end(Optional.empty());
            return evaluated;
        } catch (RuntimeException e) {
            span.end(Optional.of(e));
            throw e;
        }
    }

    @SuppressWarnings("try") // the scope is only held open: the span is the parent meanwhile
    private EvaluatedCompletion evaluate(
            ChatCompletionRequest request, EvalTracing.EvalSpan span, Supplier<ChatCompletion> call) {
        try (RunTracing.Scope traced = span.enter()) {
            hook.beforeRequest(request);
            ChatCompletion completion = call.get();
            Map<String, Double> scores = hook.score(new EvalSubject(
                    request, Objects.requireNonNullElse(completion.content(), ""), completion.governance()));
            span.scores(scores);
            Optional<String> auditId = completion.governance().auditId();
            if (scores.isEmpty() || auditId.isEmpty()) {
                return new EvaluatedCompletion(completion, scores, Optional.empty());
            }
            EvaluationReceipt receipt = client.audit().recordEvaluations(auditId.get(), scores);
            return new EvaluatedCompletion(completion, scores, Optional.of(receipt.auditId()));
        }
    }

    /** Builds an {@link EvaluatingChat}. */
    public static final class Builder {
        private final Atrium client;
        private final EvalHook hook;
        private double rate = 1;
        private DoubleSupplier random;
        private EvalTracing tracing = EvalTracing.NONE;

        private Builder(Atrium client, EvalHook hook) {
            this.client = Objects.requireNonNull(client, "client");
            this.hook = Objects.requireNonNull(hook, "hook");
        }

        /**
         * The share of calls the hook runs on (default 1: every call).
         *
         * @param rate 0 to 1
         * @return this builder
         * @throws IllegalArgumentException when outside 0 to 1
         */
        public Builder sampleRate(double rate) {
            this.rate = SampleRate.of(rate).rate();
            return this;
        }

        /**
         * The random source sampling draws from (default a thread-local random).
         *
         * @param random gives numbers in [0, 1); a call is sampled when the number is below the rate
         * @return this builder
         */
        public Builder randomSource(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Puts each evaluated call in a span whose children are the call's spans and whose
         * attributes are the scores (the default: no span). Give the client's {@code AtriumTracing}.
         *
         * @param value the tracing
         * @return this builder
         */
        public Builder tracing(EvalTracing value) {
            this.tracing = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Builds it.
         *
         * @return the evaluating chat
         */
        public EvaluatingChat build() {
            return new EvaluatingChat(this);
        }
    }
}
