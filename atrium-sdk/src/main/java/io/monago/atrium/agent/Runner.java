package io.monago.atrium.agent;

import io.monago.atrium.Atrium;
import io.monago.atrium.protocol.AgentMetadata;
import io.monago.atrium.telemetry.RunTracing;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs agents and flows through an {@link Atrium} client: sends, runs the tools the model asks for,
 * sends the results back, until the model answers or a {@link RunLimits limit} is reached. Each
 * model call carries the run id, its step number and the agent's name (and the names of the tools
 * whose results it carries) as request metadata ({@link AgentMetadata}), so the gateway's audit
 * records of one run are found together; each tool result goes back as a {@code tool} message,
 * which the gateway inspects for indirect prompt injection.
 *
 * <pre>{@code
 * try (Atrium client = Atrium.fromEnv();
 *      Runner runner = Runner.builder(client)
 *              .limits(RunLimits.defaults().withMaxSteps(10).withMaxCostIdr(2_000))
 *              .approvalHandler(req -> ApprovalDecision.approve())
 *              .build()) {
 *     RunResult r = runner.run(triage, "Pasien RM-0042 nyeri dada sejak 1 jam");
 *     System.out.println(r.text());
 *     r.transcript().auditIds().forEach(System.out::println);
 * } catch (SecurityBlockedException e) {
 *     System.out.println("blocked, audit " + e.auditId().orElse("-"));
 * }
 * }</pre>
 *
 * <p>A call the gateway refuses stops the run with the SDK's typed exception (e.g.
 * {@code SecurityBlockedException} with its audit id). A limit, a cancellation or an answer that
 * does not fit the output type stops it with an {@link AgentRunException} carrying the transcript.
 * The runner owns a thread pool for parallel tool calls and branches unless given an executor;
 * close it when done.
 */
public final class Runner implements AutoCloseable {

    private final Atrium client;
    private final RunLimits limits;
    private final ApprovalHandler approvals;
    private final ArgumentRedactor redactor;
    private final StepListener listener;
    private final Optional<TokenListener> tokenListener;
    private final RunTracing tracing;
    private final Map<String, String> metadata;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Supplier<String> runIds;
    private final Supplier<Instant> clock;

    private Runner(Builder b) {
        this.client = b.client;
        this.limits = b.limits;
        this.approvals = b.approvals;
        this.redactor = b.redactor;
        this.listener = b.listener;
        this.tokenListener = b.tokenListener;
        this.tracing = b.tracing;
        this.metadata = Map.copyOf(b.metadata);
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? Executors.newCachedThreadPool(daemonThreads()) : b.executor;
        this.runIds = b.runIds;
        this.clock = b.clock;
    }

    /**
     * A builder.
     *
     * @param client the client every model call goes through
     * @return the builder
     */
    public static Builder builder(Atrium client) {
        return new Builder(client);
    }

    /**
     * Runs a flow to its answer on this thread.
     *
     * @param flow an agent or a composition
     * @param input the user's message
     * @return the answer and the transcript
     * @throws AgentRunException when a limit is reached, the run is cancelled, or a typed answer
     *     never fits (with the transcript so far)
     * @throws io.monago.atrium.errors.AtriumException when the gateway refuses a call (typed: PII,
     *     security, policy, model; with its audit id) or a call fails
     */
    public RunResult run(Flow flow, String input) {
        return execute(newRun(flow), flow, input);
    }

    /**
     * Runs a flow on the runner's threads. Cancelling the future stops the run before its next
     * model or tool call (it then fails with {@link RunCancelledException}).
     *
     * <pre>{@code
     * CompletableFuture<RunResult> f = runner.runAsync(agent, input);
     * f.thenAccept(r -> System.out.println(r.text()));
     * }</pre>
     *
     * @param flow an agent or a composition
     * @param input the user's message
     * @return the future result; it fails with what {@link #run} would throw
     */
    public CompletableFuture<RunResult> runAsync(Flow flow, String input) {
        Run run = newRun(flow);
        CompletableFuture<RunResult> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                run.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
        executor.execute(() -> {
            try {
                result.complete(execute(run, flow, input));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private Run newRun(Flow flow) {
        Objects.requireNonNull(flow, "flow");
        String runId = runIds.get();
        return new Run(
                runId,
                client,
                limits,
                metadata,
                executor,
                approvals,
                redactor,
                listener,
                tokenListener,
                tracing.startRun(runId, flow.name()),
                clock);
    }

    private static RunResult execute(Run run, Flow flow, String input) {
        Flow.Output out;
        try {
            out = flow.execute(run, Objects.requireNonNull(input, "input"));
        } catch (RuntimeException | Error e) {
            run.end(Optional.of(e));
            throw e;
        }
        run.end(Optional.empty());
        return new RunResult(out.text(), out.value(), run.transcript());
    }

    /** Stops the runner's own thread pool (an executor given to the builder is left alone). */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "atrium-agent-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Builds a {@link Runner}. */
    public static final class Builder {
        private final Atrium client;
        private RunLimits limits = RunLimits.defaults();
        private ApprovalHandler approvals;
        private ArgumentRedactor redactor = ArgumentRedactor.maskDigitRuns();
        private StepListener listener = (runId, step) -> {};
        private Optional<TokenListener> tokenListener = Optional.empty();
        private RunTracing tracing = RunTracing.NONE;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private ExecutorService executor;
        private Supplier<String> runIds = () -> "run-" + UUID.randomUUID();
        private Supplier<Instant> clock = Clock.systemUTC()::instant;

        private Builder(Atrium client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Sets the limits of each run.
         *
         * @param value the limits; the default is {@link RunLimits#defaults()}
         * @return this builder
         */
        public Builder limits(RunLimits value) {
            this.limits = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets who approves tool calls that require approval; without one, they are denied.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder approvalHandler(ApprovalHandler handler) {
            this.approvals = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Sets how arguments are masked before the approval handler sees them.
         *
         * @param value the redactor; the default is {@link ArgumentRedactor#maskDigitRuns()}
         * @return this builder
         */
        public Builder argumentRedactor(ArgumentRedactor value) {
            this.redactor = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets who sees each step as it ends (the default: nobody).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder onStep(StepListener value) {
            this.listener = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Streams every model call and hands its answer to a listener piece by piece as the gateway
         * releases it (the default: calls are not streamed). The run itself is the same: each
         * step ends with the whole answer, its tool calls and its governance.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder onToken(TokenListener value) {
            this.tokenListener = Optional.of(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Traces each run as one trace: a span for the run, the parent of every model call's span,
         * whose trace id the transcript names (the default: no run span, no trace id). Give the
         * same {@code AtriumTracing} as the client's.
         *
         * @param value the tracing
         * @return this builder
         */
        public Builder tracing(RunTracing value) {
            this.tracing = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Adds request metadata to every call of every run (e.g. {@code session_id}). The run's own
         * keys ({@link AgentMetadata#KEYS}) are reserved, and the protocol allows sixteen keys in
         * all, so at most twelve may be added here.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException when the key is reserved or there would be too many
         */
        public Builder putMetadata(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (AgentMetadata.KEYS.contains(key)) {
                throw new IllegalArgumentException("metadata key " + key + " is set by the runner itself");
            }
            if (!metadata.containsKey(key) && metadata.size() >= 16 - AgentMetadata.KEYS.size()) {
                throw new IllegalArgumentException("at most " + (16 - AgentMetadata.KEYS.size())
                        + " metadata keys can be added: the protocol allows 16 and a run uses "
                        + AgentMetadata.KEYS.size());
            }
            metadata.put(key, value);
            return this;
        }

        /**
         * Runs parallel tool calls and branches on this executor instead of the runner's own pool. It
         * must not be bounded below the nesting of the flows (a branch waits on its own tools).
         *
         * @param value the executor; the runner does not shut it down
         * @return this builder
         */
        public Builder executor(ExecutorService value) {
            this.executor = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets how run ids are made; the default is {@code run-} and a random UUID.
         *
         * @param value makes one id per run; at most 512 characters are sent
         * @return this builder
         */
        public Builder runIds(Supplier<String> value) {
            this.runIds = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the clock the time limit is measured with; the default is the system clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Supplier<Instant> value) {
            this.clock = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Builds the runner.
         *
         * @return the runner
         */
        public Runner build() {
            return new Runner(this);
        }
    }
}
