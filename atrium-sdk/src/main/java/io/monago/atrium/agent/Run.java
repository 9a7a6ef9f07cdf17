package io.monago.atrium.agent;

import io.monago.atrium.Atrium;
import io.monago.atrium.Governance;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.chat.Usage;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.protocol.AgentMetadata;
import io.monago.atrium.telemetry.RunTracing;
import io.monago.atrium.tool.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The state of one run, shared by every agent and flow in it: id, step counter, spending, limits,
 * cancellation, transcript.
 */
final class Run {

    private static final int METADATA_VALUE_LIMIT = 512;

    final String runId;
    final ExecutorService executor;
    final ApprovalHandler approvals;
    final ArgumentRedactor redactor;
    private final StepListener listener;
    /** When set, every model call streams and its pieces go here. */
    private final Optional<TokenListener> tokenListener;
    /** The run's span; every model call is made inside it. */
    private final RunTracing.RunSpan span;

    private final Atrium client;
    private final RunLimits limits;
    private final Map<String, String> baseMetadata;
    private final Supplier<Instant> clock;
    private final Instant deadline;
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<RunStep> transcript = new ArrayList<>();
    private long tokens;
    private double costIdr;

    Run(
            String runId,
            Atrium client,
            RunLimits limits,
            Map<String, String> baseMetadata,
            ExecutorService executor,
            ApprovalHandler approvals,
            ArgumentRedactor redactor,
            StepListener listener,
            Optional<TokenListener> tokenListener,
            RunTracing.RunSpan span,
            Supplier<Instant> clock) {
        this.runId = runId;
        this.client = client;
        this.limits = limits;
        this.baseMetadata = Map.copyOf(baseMetadata);
        this.executor = executor;
        this.approvals = approvals;
        this.redactor = redactor;
        this.listener = listener;
        this.tokenListener = tokenListener;
        this.span = span;
        this.clock = clock;
        this.deadline = limits.timeout().map(t -> clock.get().plus(t)).orElse(null);
    }

    /** One model call and its step number. */
    record Call(int step, ChatCompletion completion) {}

    /**
     * Ends the run's span.
     *
     * @param failure what stopped the run, or empty when it finished
     */
    void end(Optional<Throwable> failure) {
        span.end(failure);
    }

    void cancel() {
        cancelled.set(true);
    }

    /** One model call as a stream: its pieces to the listener as they come, then the whole answer. */
    private ChatCompletion streamed(
            ChatCompletionRequest request, RequestOptions options, int step, String agent, TokenListener tokens) {
        try (ChatCompletionStream stream = client.chat().completions().createStreaming(request, options)) {
            for (ChatCompletionChunk chunk : stream) {
                String text = chunk.content();
                if (!text.isEmpty()) {
                    tokens.onToken(runId, step, agent, text);
                }
            }
            return stream.completion();
        }
    }

    /** Stops the run when it was cancelled or is out of time. */
    void checkOpen() {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw new RunCancelledException(transcript());
        }
        if (deadline != null && !clock.get().isBefore(deadline)) {
            throw new RunLimitExceededException(
                    RunLimitExceededException.Limit.TIME,
                    "time limit of " + limits.timeout().orElseThrow() + " reached",
                    transcript());
        }
    }

    @SuppressWarnings("try") // the scope is only held open: the run's span is the parent meanwhile
    Call call(String agent, ChatCompletionRequest.Builder request, List<String> toolsCarried) {
        checkOpen();
        int step = steps.incrementAndGet();
        if (step > limits.maxSteps()) {
            throw new RunLimitExceededException(
                    RunLimitExceededException.Limit.STEPS,
                    "step limit of " + limits.maxSteps() + " model calls reached",
                    transcript());
        }
        baseMetadata.forEach(request::putMetadata);
        request.putMetadata(AgentMetadata.RUN_ID, cut(runId))
                .putMetadata(AgentMetadata.STEP, Integer.toString(step))
                .putMetadata(AgentMetadata.AGENT, cut(agent));
        if (!toolsCarried.isEmpty()) {
            request.putMetadata(AgentMetadata.TOOLS, cut(String.join(",", toolsCarried)));
        }
        RequestOptions options = RequestOptions.none();
        if (deadline != null) {
            Duration left = Duration.between(clock.get(), deadline);
            options = RequestOptions.builder()
                    .timeout(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
                    .build();
        }
        ChatCompletion completion;
        try (RunTracing.Scope traced = span.enter()) {
            completion = tokenListener.isPresent()
                    ? streamed(request.build(), options, step, agent, tokenListener.get())
                    : client.chat().completions().create(request.build(), options);
        } catch (AtriumException e) {
            record(new RunStep(
                    step, agent, RunStep.Kind.MODEL_CALL, Optional.empty(), e.governance(), 0, Optional.empty()));
            throw e;
        }
        long used = completion.usage().map(Usage::totalTokens).orElse(0L);
        Governance g = completion.governance();
        double spentNow;
        long tokensNow;
        RunStep made = new RunStep(step, agent, RunStep.Kind.MODEL_CALL, Optional.empty(), g, used, Optional.empty());
        synchronized (this) {
            transcript.add(made);
            tokens += used;
            costIdr += g.costIdr().orElse(0.0);
            spentNow = costIdr;
            tokensNow = tokens;
        }
        listener.onStep(runId, made);
        if (limits.maxTokens().isPresent() && tokensNow > limits.maxTokens().getAsLong()) {
            throw new RunLimitExceededException(
                    RunLimitExceededException.Limit.TOKENS,
                    "token budget of " + limits.maxTokens().getAsLong() + " exceeded (" + tokensNow + " used)",
                    transcript());
        }
        if (limits.maxCostIdr().isPresent() && spentNow > limits.maxCostIdr().getAsDouble()) {
            throw new RunLimitExceededException(
                    RunLimitExceededException.Limit.COST_IDR,
                    "rupiah budget of " + limits.maxCostIdr().getAsDouble() + " exceeded (" + spentNow + " spent)",
                    transcript());
        }
        return new Call(step, completion);
    }

    void recordTool(int step, String agent, String tool, RunStep.Kind kind, ToolResult.Status status) {
        record(new RunStep(step, agent, kind, Optional.of(tool), Governance.empty(), 0, Optional.of(status)));
    }

    private void record(RunStep step) {
        synchronized (this) {
            transcript.add(step);
        }
        listener.onStep(runId, step);
    }

    synchronized Transcript transcript() {
        return new Transcript(runId, transcript, costIdr, tokens, span.traceId());
    }

    private static String cut(String value) {
        return value.length() <= METADATA_VALUE_LIMIT ? value : value.substring(0, METADATA_VALUE_LIMIT);
    }
}
