package io.monago.atrium.eval;

import io.monago.atrium.AsyncAtrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.telemetry.EvalTracing;
import io.monago.atrium.telemetry.RunTracing;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Chat completions with an {@link AsyncEvalHook}, without blocking: on a sampled call the hook sees the request
 * before it is sent and scores the answer after, and the scores are recorded in the gateway's
 * audit trail as a record linked to the call ({@code POST /audit/{id}/evaluations}), since the
 * call's own record was written before the answer arrived. Shares the client; closing is the
 * client's business.
 *
 * <pre>{@code
 * AsyncEvaluatingChat chat = AsyncEvaluatingChat.builder(client.async(), judge)
 *         .sampleRate(0.1)
 *         .build();
 * chat.create(request).thenAccept(res -> log(res.scores()));
 * res.completion().content(); res.scores(); res.evaluationAuditId();
 * }</pre>
 */
public final class AsyncEvaluatingChat {
    private final AsyncAtrium client;
    private final AsyncEvalHook hook;
    private final SampleRate sample;
    private final EvalTracing tracing;

    private AsyncEvaluatingChat(Builder b) {
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
    public static Builder builder(AsyncAtrium client, AsyncEvalHook hook) {
        return new Builder(client, hook);
    }

    /**
     * Sends a request, and on a sampled call runs the hook and records its scores, without
     * blocking.
     *
     * @param request the request
     * @return completes with the answer and the scores; fails as {@code create} fails, or when
     *     the hook or the recording fails
     */
    public CompletableFuture<EvaluatedCompletion> create(ChatCompletionRequest request) {
        return evaluated(request, () -> client.chat().completions().create(request));
    }

    /**
     * Streams a request: each chunk goes to {@code onChunk} as it arrives (on the client's
     * executor), and on a sampled call, once the stream ended, the hook scores the whole answer and
     * the scores are recorded as for {@link #create}.
     *
     * <pre>{@code
     * chat.createStreaming(request, chunk -> ui.append(chunk.content()))
     *         .thenAccept(res -> log.info("scores {}", res.scores()));
     * }</pre>
     *
     * @param request the request
     * @param onChunk sees each chunk, in order
     * @return the future whole answer and scores; it fails as the stream or the recording does
     */
    public CompletableFuture<EvaluatedCompletion> createStreaming(
            ChatCompletionRequest request, Consumer<ChatCompletionChunk> onChunk) {
        Objects.requireNonNull(onChunk, "onChunk");
        return evaluated(request, () -> {
            ChatCompletionPublisher chunks = client.chat().completions().createStreaming(request);
            chunks.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ChatCompletionChunk chunk) {
                    onChunk.accept(chunk);
                }

                @Override
                public void onError(Throwable failure) {} // completion() fails with it

                @Override
                public void onComplete() {}
            });
            return chunks.completion();
        });
    }

    private CompletableFuture<EvaluatedCompletion> evaluated(
            ChatCompletionRequest request, Supplier<CompletableFuture<ChatCompletion>> call) {
        if (!sample.draw()) {
            return call.get().thenApply(c -> new EvaluatedCompletion(c, Map.of(), Optional.empty()));
        }
        EvalTracing.EvalSpan span = tracing.startEvaluation();
        return hook.beforeRequest(request)
                .toCompletableFuture()
                .thenCompose(ignored -> traced(span, call))
                .thenCompose(completion -> hook.score(new EvalSubject(
                                request, Objects.requireNonNullElse(completion.content(), ""), completion.governance()))
                        .thenCompose(scores -> {
                            span.scores(scores);
                            return traced(span, () -> record(completion, Map.copyOf(scores)));
                        }))
                .whenComplete((done, failure) -> span.end(Optional.ofNullable(failure)));
    }

    /** Starts a call with the span current, so the call's span is its child. */
    @SuppressWarnings("try") // the scope is only held open while the call starts
    private static <T> CompletableFuture<T> traced(EvalTracing.EvalSpan span, Supplier<CompletableFuture<T>> call) {
        try (RunTracing.Scope scope = span.enter()) {
            return call.get();
        }
    }

    private CompletableFuture<EvaluatedCompletion> record(ChatCompletion completion, Map<String, Double> scores) {
        Optional<String> auditId = completion.governance().auditId();
        if (scores.isEmpty() || auditId.isEmpty()) {
            return CompletableFuture.completedFuture(new EvaluatedCompletion(completion, scores, Optional.empty()));
        }
        return client.audit()
                .recordEvaluations(auditId.get(), scores)
                .thenApply(receipt -> new EvaluatedCompletion(completion, scores, Optional.of(receipt.auditId())));
    }

    /** Builds an {@link AsyncEvaluatingChat}. */
    public static final class Builder {
        private final AsyncAtrium client;
        private final AsyncEvalHook hook;
        private double rate = 1;
        private DoubleSupplier random;
        private EvalTracing tracing = EvalTracing.NONE;

        private Builder(AsyncAtrium client, AsyncEvalHook hook) {
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
        public AsyncEvaluatingChat build() {
            return new AsyncEvaluatingChat(this);
        }
    }
}
