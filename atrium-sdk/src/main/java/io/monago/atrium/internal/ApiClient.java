package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.CallFuture;
import io.monago.atrium.Governance;
import io.monago.atrium.LogLevel;
import io.monago.atrium.RawResponse;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.ErrorResponse;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.http.Interceptor;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs endpoint calls: builds the HTTP request (auth, user agent, idempotency key, headers), passes
 * it through the pipeline (the user's interceptors, retry, logging, transport) and turns the answer
 * into a result or the exception docs/protocol.md §4 names. Shared by the blocking and the async client.
 *
 * <p>Internal: not part of the public API.
 */
public final class ApiClient implements AutoCloseable {

    private final ClientConfig config;
    private final List<Step> steps;
    private final Transport transport;
    private final Executor completionExecutor;
    private final ExecutorService ownedExecutor;
    private final ConcurrencyLimit asyncLimit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Creates the client, and its own HTTP client and thread pool unless the config supplies them.
     *
     * @param config the settings
     */
    public ApiClient(ClientConfig config) {
        this.config = config;
        HttpClient http = config.httpClient();
        if (http == null) {
            ownedExecutor = Executors.newCachedThreadPool(daemonThreads());
            boolean tls = "https".equalsIgnoreCase(config.baseUrl().getScheme());
            http = HttpClient.newBuilder()
                    .connectTimeout(config.timeout())
                    // On plain HTTP/1.1 the JDK client's own steps (reading the answer, completing the
                    // exchange) run on its selector thread instead of being handed to a pool thread
                    // each: a thread hop fewer per call. Nothing the SDK runs there blocks, and the
                    // caller's work (parsing, callbacks) goes to the completion executor as before.
                    // HTTP/2 keeps the pool: its connection multiplexes calls on that thread.
                    .executor(tls ? ownedExecutor : Runnable::run)
                    // HTTP/2 where TLS negotiates it; plain http stays on HTTP/1.1 rather than attempt
                    // an h2c upgrade, which proxies and gateways rarely support.
                    .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .build();
        } else {
            ownedExecutor = null;
        }
        Executor completions = config.executor() != null
                ? config.executor()
                : ownedExecutor != null ? ownedExecutor : http.executor().orElse(ForkJoinPool.commonPool());
        this.completionExecutor = runInlineWhenRejected(completions);
        this.asyncLimit = new ConcurrencyLimit(config.maxConcurrentRequests(), completionExecutor);
        this.transport = new JdkHttpTransport(http);
        this.steps = pipeline(config);
    }

    private static List<Step> pipeline(ClientConfig config) {
        List<Step> steps = new ArrayList<>();
        boolean watched = !config.telemetry().isEmpty();
        if (watched) {
            steps.add(TelemetrySteps.call(config.telemetry()));
        }
        for (Interceptor interceptor : config.interceptors()) {
            steps.add(interceptor::intercept);
        }
        steps.add(new RetryStep(new RetryPolicy(config.clock(), config.random()), config.sleeper(), config.log()));
        if (watched) {
            steps.add(TelemetrySteps.attempt());
        }
        if (config.log().enabled(LogLevel.INFO)) {
            steps.add(new LoggingStep(config.log()));
        }
        return List.copyOf(steps);
    }

    /**
     * The resolved base URL.
     *
     * @return the base URL, without a trailing slash
     */
    public URI baseUrl() {
        return config.baseUrl();
    }

    /**
     * Runs a call on the calling thread.
     *
     * @param call the endpoint call
     * @param options per-call settings
     * @param <T> the result type
     * @return the result with its HTTP details
     */
    public <T> RawResponse<T> execute(ApiCall<T> call, RequestOptions options) {
        AtriumRequest request = buildRequest(call, options);
        start();
        try {
            CompletableFuture<AtriumResponse> pending =
                    StepChain.run(steps, transport, request, CallContext.blocking());
            AtriumResponse response;
            try {
                // Complete already unless an interceptor went async; then wait for it here.
                response = pending.get();
            } catch (InterruptedException e) {
                pending.cancel(true);
                throw Failures.interrupted("waiting for " + request.method() + " " + request.uri(), e);
            } catch (ExecutionException e) {
                throw Failures.rethrow(e);
            }
            return toResult(response, call.parser());
        } finally {
            finished();
        }
    }

    /**
     * Runs a call asynchronously, once the client's bound on async calls in flight leaves it a
     * place. Cancelling the returned future drops the call unsent while it waits for a place, and
     * cancels the HTTP exchange or retry wait in flight after; the future completes on the
     * configured executor.
     *
     * @param call the endpoint call
     * @param options per-call settings
     * @param <T> the result type
     * @return the result with its HTTP details
     */
    public <T> CallFuture<RawResponse<T>> executeAsync(ApiCall<T> call, RequestOptions options) {
        AtriumRequest request = buildRequest(call, options);
        CallContext context = CallContext.async();
        CallFuture<RawResponse<T>> result = new CallFuture<>(context::answered);
        start();
        // The callbacks below are where their futures end: the first only cleans up, the second
        // hands every outcome to `result` (catching what toResult throws) and, as the executor runs
        // refused tasks inline, always runs. The futures they return have nothing more to report.
        var unusedCleanup = result.whenComplete((value, error) -> {
            if (error instanceof CancellationException) {
                context.cancel();
            }
            finished();
        });
        asyncLimit.admit(result, release -> {
            var unusedRelease = result.whenComplete((value, error) -> release.run());
            var unusedDelivery = StepChain.run(steps, transport, request, context)
                    .whenCompleteAsync(
                            (response, error) -> {
                                if (result.isDone()) {
                                    return;
                                }
                                if (error != null) {
                                    result.completeExceptionally(Failures.unwrap(error));
                                    return;
                                }
                                try {
                                    result.complete(toResult(response, call.parser()));
                                } catch (RuntimeException e) {
                                    result.completeExceptionally(e);
                                }
                            },
                            completionExecutor);
        });
        return result;
    }

    /**
     * Opens a streamed answer on the calling thread: sends the call through the pipeline (so it is
     * retried until its headers arrive) and hands back the body still to be read. The attempt's
     * timeout covers the time to the headers; the reader applies the idle timeout after that.
     *
     * @param call the endpoint call; its parser is not used
     * @param options per-call settings
     * @return the answer, to be released by its reader
     * @throws io.monago.atrium.errors.AtriumException when the call fails before its stream begins,
     *     classified as any other call's failure
     */
    public StreamedAnswer openStream(ApiCall<?> call, RequestOptions options) {
        AtriumRequest request = buildRequest(call, options, JdkHttpTransport.EVENT_STREAM);
        start();
        boolean handedOver = false;
        try {
            CompletableFuture<AtriumResponse> pending =
                    StepChain.run(steps, transport, request, CallContext.blocking());
            AtriumResponse response;
            try {
                response = pending.get();
            } catch (InterruptedException e) {
                pending.cancel(true);
                throw Failures.interrupted("waiting for " + request.method() + " " + request.uri(), e);
            } catch (ExecutionException e) {
                throw Failures.rethrow(e);
            }
            StreamedAnswer answer = toStream(response, idleTimeout(options));
            handedOver = true;
            return answer;
        } finally {
            if (!handedOver) {
                finished();
            }
        }
    }

    /**
     * Opens a streamed answer asynchronously. Cancelling the returned future aborts the exchange or
     * retry wait in flight; it completes on the pipeline's thread, not the executor (the reader
     * hands chunks to the executor itself).
     *
     * @param call the endpoint call; its parser is not used
     * @param options per-call settings
     * @return the answer, to be released by its reader
     */
    public CompletableFuture<StreamedAnswer> openStreamAsync(ApiCall<?> call, RequestOptions options) {
        AtriumRequest request = buildRequest(call, options, JdkHttpTransport.EVENT_STREAM);
        Duration idle = idleTimeout(options);
        CallContext context = CallContext.async();
        CompletableFuture<StreamedAnswer> result = new CompletableFuture<>();
        start();
        // Counted finished once: on failure or cancellation (queued or not) here, else when the
        // stream handed over is read to its end or closed.
        AtomicBoolean counted = new AtomicBoolean();
        Runnable finishOnce = () -> {
            if (counted.compareAndSet(false, true)) {
                finished();
            }
        };
        // As in executeAsync, the callbacks end their chains. The answer is handed over only if the
        // future still takes it; otherwise its body is let go.
        var unusedCancellation = result.whenComplete((value, error) -> {
            if (error instanceof CancellationException) {
                context.cancel();
            }
            if (error != null) {
                finishOnce.run();
            }
        });
        asyncLimit.admit(result, release -> {
            // A stream holds its place until it is read to its end or closed.
            var unusedRelease = result.whenComplete((value, error) -> {
                if (error != null) {
                    release.run();
                }
            });
            var unusedDelivery = StepChain.run(steps, transport, request, context)
                    .whenComplete((response, error) -> {
                        if (result.isDone()) {
                            if (response != null) {
                                discard(response);
                            }
                            return;
                        }
                        if (error != null) {
                            result.completeExceptionally(Failures.unwrap(error));
                            return;
                        }
                        try {
                            StreamedAnswer answer = toStream(response, idle, () -> {
                                release.run();
                                finishOnce.run();
                            });
                            if (!result.complete(answer)) {
                                discard(response);
                            }
                        } catch (RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    });
        });
        return result;
    }

    /**
     * The executor stream callbacks run on: the user's, else the client's HTTP pool.
     *
     * @return the executor
     */
    public Executor completionExecutor() {
        return completionExecutor;
    }

    private Duration idleTimeout(RequestOptions options) {
        return options.streamIdleTimeout()
                .or(() -> Optional.ofNullable(config.streamIdleTimeout()))
                .or(options::timeout)
                .orElse(config.timeout());
    }

    private StreamedAnswer toStream(AtriumResponse response, Duration idle) {
        return toStream(response, idle, this::finished);
    }

    private StreamedAnswer toStream(AtriumResponse response, Duration idle, Runnable onDone) {
        if (!response.isSuccessful()) {
            discard(response);
            throw ErrorClassifier.classify(errorResponse(response));
        }
        Flow.Publisher<List<ByteBuffer>> body = response.bodyPublisher().orElse(null);
        if (body == null) {
            String type = response.header("Content-Type").orElse("");
            if (type.toLowerCase(Locale.ROOT).contains("json")) {
                // A server that ignored stream: true and answered whole; say so rather than guess.
                throw new ApiException(
                        "the " + response.statusCode() + " answer to a streaming request is " + type
                                + ", not an event stream",
                        errorResponse(response));
            }
            body = new OneShotPublisher(response.body());
        }
        return new StreamedAnswer(response.statusCode(), response.headers(), body, idle, onDone);
    }

    /** Lets a streamed body nobody will read go, so its connection is released. */
    private static void discard(AtriumResponse response) {
        response.bodyPublisher()
                .ifPresent(p -> p.subscribe(new Flow.Subscriber<List<ByteBuffer>>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.cancel();
                    }

                    @Override
                    public void onNext(List<ByteBuffer> item) {}

                    @Override
                    public void onError(Throwable throwable) {}

                    @Override
                    public void onComplete() {}
                }));
    }

    private AtriumRequest buildRequest(ApiCall<?> call, RequestOptions options) {
        return buildRequest(call, options, "application/json");
    }

    private AtriumRequest buildRequest(ApiCall<?> call, RequestOptions options, String accept) {
        AtriumRequest.Builder b = AtriumRequest.builder()
                .method(call.method())
                .uri(URI.create(config.baseUrl() + call.path()))
                .timeout(options.timeout().orElse(config.timeout()))
                .maxRetries(options.maxRetries().orElse(config.maxRetries()))
                .header(ProtocolHeaders.AUTHORIZATION, "Bearer " + config.apiKey())
                .header("User-Agent", SdkVersion.USER_AGENT)
                .header("Accept", accept);
        if (call.body() != null) {
            b.header("Content-Type", "application/json").body(Json.write(call.body()));
        }
        config.defaultHeaders().forEach(b::header);
        options.headers().forEach(b::header);
        if ("POST".equals(call.method())) {
            // One key per logical call, so every retry of it is billed and audited once.
            String key = options.idempotencyKey()
                    .or(() -> options.headers().entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase(ProtocolHeaders.IDEMPOTENCY_KEY))
                            .map(Map.Entry::getValue)
                            .findFirst())
                    .orElseGet(() -> UUID.randomUUID().toString());
            b.header(ProtocolHeaders.IDEMPOTENCY_KEY, key);
        }
        return b.build();
    }

    private static <T> RawResponse<T> toResult(AtriumResponse response, ApiCall.Parser<T> parser) {
        if (response.bodyPublisher().isPresent()) {
            // Only a streaming call asks for a body as it arrives; an interceptor may still hand one here.
            discard(response);
            throw new ApiException(
                    "the " + response.statusCode() + " answer is an event stream; use createStreaming",
                    errorResponse(response));
        }
        if (!response.isSuccessful()) {
            throw ErrorClassifier.classify(errorResponse(response));
        }
        Optional<JsonNode> json = Json.parse(response.body());
        if (json.isEmpty()) {
            throw ErrorClassifier.unreadable(errorResponse(response), null);
        }
        Governance governance = Governance.fromHeaders(response.headers());
        T value;
        try {
            value = parser.parse(json.get(), governance);
        } catch (RuntimeException e) {
            throw ErrorClassifier.unreadable(errorResponse(response), e);
        }
        return new RawResponse<>(response.statusCode(), response.headers(), governance, value);
    }

    private static ErrorResponse errorResponse(AtriumResponse response) {
        return ErrorResponse.of(
                response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private static Executor runInlineWhenRejected(Executor executor) {
        // After close() the pool refuses work; a call still finishing then completes on its own thread.
        return task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "atrium-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void start() {
        // Counted before the closed check, so close() cannot stop the pool under a call it let in.
        inFlight.incrementAndGet();
        if (closed) {
            finished();
            throw new IllegalStateException("this Atrium client is closed");
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0 && closed) {
            stopOwnedExecutor();
        }
    }

    private void stopOwnedExecutor() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /**
     * Refuses new calls, and stops the thread pool the client created once the calls in flight have
     * finished (the HTTP client needs it to complete them). A user-supplied HTTP client or executor
     * is left alone.
     */
    @Override
    public void close() {
        closed = true;
        if (inFlight.get() == 0) {
            stopOwnedExecutor();
        }
    }
}
