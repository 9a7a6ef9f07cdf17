package io.monago.atrium.internal;

import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A streamed chat completion as a {@link Flow.Publisher}. Subscribing starts the call; the body is
 * read one piece at a time, and only while no decoded chunk is waiting, so the subscriber's demand
 * paces the network. Every signal to the subscriber runs on the executor, in order, one at a time:
 * network events, timer expiries and the subscriber's own requests only record what happened and
 * schedule a drain, and the drain alone decodes and delivers.
 *
 * <p>Internal: not part of the public API.
 */
public final class AsyncChatCompletionPublisher implements ChatCompletionPublisher {

    private final Supplier<CompletableFuture<StreamedAnswer>> open;
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final CompletableFuture<Governance> governance = new CompletableFuture<>();
    private final CompletableFuture<ChatCompletion> completion = new CompletableFuture<>();

    /**
     * Creates the publisher; nothing is sent until a subscriber subscribes.
     *
     * @param open starts the call and completes with its answer once the headers are in;
     *     cancelling the future it returns aborts the call
     * @param executor where the subscriber's signals run
     */
    public AsyncChatCompletionPublisher(Supplier<CompletableFuture<StreamedAnswer>> open, Executor executor) {
        this.open = open;
        this.executor = executor;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            executor.execute(() -> {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                });
                subscriber.onError(new IllegalStateException("a stream publisher serves one subscriber"));
            });
            return;
        }
        new ChunkSubscription(subscriber).start();
    }

    @Override
    public CompletableFuture<Governance> governance() {
        return governance;
    }

    @Override
    public CompletableFuture<ChatCompletion> completion() {
        return completion;
    }

    /** The subscriber's subscription, and the reader of the body it is fed from. */
    private final class ChunkSubscription implements Flow.Subscription {

        private final Flow.Subscriber<? super ChatCompletionChunk> subscriber;
        private final AtomicInteger drains = new AtomicInteger();

        // Written by any thread under the lock; read by the drain under the lock.
        private long demand;
        private boolean cancelled;
        private RuntimeException badRequest;
        private CompletableFuture<StreamedAnswer> opening;
        private StreamedAnswer answer;
        private Throwable openFailure;
        private Flow.Subscription body;
        private boolean bodyRequested;
        private final ArrayDeque<List<ByteBuffer>> pieces = new ArrayDeque<>();
        private boolean bodyEnded;
        private Throwable bodyFailure;
        private CompletableFuture<Void> idleTimer;
        private boolean idleExpired;

        // Touched by the drain only, which runs one at a time.
        private boolean announced;
        private boolean terminated;
        private ChatStreamDecoder decoder;

        ChunkSubscription(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            drain(); // announces the subscription before anything else reaches the subscriber
            synchronized (this) {
                if (cancelled) {
                    return; // cancelled from onSubscribe: nothing is sent
                }
            }
            CompletableFuture<StreamedAnswer> call;
            try {
                call = open.get();
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            boolean cancelNow;
            synchronized (this) {
                opening = call;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                call.cancel(true); // cancelled while the call was being started
            }
            var unusedOpened = call.whenComplete(this::opened);
        }

        private void opened(StreamedAnswer opened, Throwable error) {
            boolean letGo;
            synchronized (this) {
                letGo = cancelled;
                if (!letGo) {
                    if (error != null) {
                        openFailure = Failures.unwrap(error);
                    } else {
                        answer = opened;
                    }
                }
            }
            if (opened != null) {
                // After a cancel the body subscriber cancels the body at once, closing the connection.
                opened.body().subscribe(new BodySubscriber());
            }
            if (letGo) {
                if (opened != null) {
                    opened.release();
                }
                return;
            }
            drain();
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                if (n <= 0) {
                    badRequest = new IllegalArgumentException("request(" + n + "): the demand must be positive");
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
            }
            drain();
        }

        @Override
        public void cancel() {
            Flow.Subscription toCancel;
            CompletableFuture<StreamedAnswer> call;
            CompletableFuture<Void> timer;
            StreamedAnswer toRelease;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                toCancel = body;
                call = opening;
                timer = idleTimer;
                toRelease = answer;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            if (toCancel != null) {
                toCancel.cancel(); // closes the connection
            }
            if (call != null) {
                call.cancel(true); // aborts the exchange, or the wait before a retry
            }
            if (toRelease != null) {
                toRelease.release();
            }
            CancellationException why = new CancellationException("the subscription was cancelled");
            governance.completeExceptionally(why);
            completion.completeExceptionally(why);
        }

        /** Schedules a drain on the executor unless one is running; it then runs once more. */
        private void drain() {
            if (drains.getAndIncrement() == 0) {
                executor.execute(this::drainLoop);
            }
        }

        private void drainLoop() {
            int missed = 1;
            do {
                try {
                    drainOnce();
                } catch (RuntimeException e) {
                    // The subscriber threw, which it must not; stop the stream rather than lose track.
                    cancel();
                }
                missed = drains.addAndGet(-missed);
            } while (missed != 0);
        }

        private void drainOnce() {
            if (!announced) {
                announced = true;
                subscriber.onSubscribe(this);
            }
            while (!terminated) {
                Step step = nextStep();
                if (step == Step.WAIT) {
                    return;
                }
            }
        }

        private enum Step {
            WAIT,
            AGAIN
        }

        /** Takes one step: deliver a chunk, decode a piece, end, or ask the network and wait. */
        private Step nextStep() {
            RuntimeException bad;
            Throwable failedToOpen;
            StreamedAnswer current;
            synchronized (this) {
                if (cancelled) {
                    terminated = true;
                    return Step.WAIT;
                }
                bad = badRequest;
                failedToOpen = openFailure;
                current = answer;
            }
            if (bad != null) {
                cancel();
                terminated = true;
                subscriber.onError(bad);
                return Step.WAIT;
            }
            if (failedToOpen != null) {
                terminate(asAtrium(failedToOpen));
                return Step.WAIT;
            }
            if (current == null) {
                return Step.WAIT; // the headers are not in yet
            }
            if (decoder == null) {
                decoder = new ChatStreamDecoder(current.statusCode(), current.headers());
            }
            if (decoder.hasChunk()) {
                synchronized (this) {
                    if (demand == 0) {
                        return Step.WAIT;
                    }
                    demand--;
                }
                subscriber.onNext(decoder.poll());
                return Step.AGAIN;
            }
            if (decoder.isEnded()) {
                terminate(decoder.failure().orElse(null));
                return Step.WAIT;
            }
            return readMore(current);
        }

        private Step readMore(StreamedAnswer current) {
            List<ByteBuffer> piece;
            boolean ended;
            Throwable failure;
            boolean silent;
            Flow.Subscription toRequest = null;
            synchronized (this) {
                piece = pieces.poll();
                ended = bodyEnded;
                failure = bodyFailure;
                silent = idleExpired;
                if (piece == null && !ended && failure == null && !silent && !bodyRequested && body != null) {
                    bodyRequested = true;
                    toRequest = body;
                    CompletableFuture<Void> timer = new CompletableFuture<Void>()
                            .completeOnTimeout(null, current.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    idleTimer = timer;
                    var unusedExpiry = timer.thenRun(() -> expired(timer));
                }
            }
            if (piece != null) {
                for (ByteBuffer b : piece) {
                    decoder.feed(b);
                }
                return Step.AGAIN;
            }
            if (failure != null) {
                decoder.broken(failure);
                return Step.AGAIN;
            }
            if (ended) {
                decoder.finish();
                return Step.AGAIN;
            }
            if (silent) {
                decoder.idle(current.idleTimeout());
                return Step.AGAIN;
            }
            if (toRequest != null) {
                toRequest.request(1);
            }
            return Step.WAIT;
        }

        private void expired(CompletableFuture<Void> timer) {
            synchronized (this) {
                if (idleTimer != timer || !bodyRequested) {
                    return;
                }
                idleExpired = true;
            }
            drain();
        }

        private void terminate(AtriumException failure) {
            terminated = true;
            Flow.Subscription toCancel;
            StreamedAnswer toRelease;
            synchronized (this) {
                toCancel = bodyEnded || bodyFailure != null ? null : body;
                toRelease = answer;
                if (idleTimer != null) {
                    idleTimer.cancel(false);
                }
            }
            if (toCancel != null) {
                toCancel.cancel(); // [DONE] or a failure came before the body's end; nothing more is read
            }
            if (toRelease != null) {
                toRelease.release();
            }
            if (failure == null) {
                governance.complete(decoder.governance());
                completion.complete(decoder.completion());
                subscriber.onComplete();
            } else {
                governance.completeExceptionally(failure);
                completion.completeExceptionally(failure);
                subscriber.onError(failure);
            }
        }

        private AtriumException asAtrium(Throwable error) {
            return error instanceof AtriumException e
                    ? e
                    : new ApiException("the streaming call failed: " + error, error);
        }

        /** Receives the body from the network, on the HTTP client's threads. */
        private final class BodySubscriber implements Flow.Subscriber<List<ByteBuffer>> {

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                boolean letGo;
                synchronized (ChunkSubscription.this) {
                    letGo = cancelled || body != null;
                    if (!letGo) {
                        body = subscription;
                    }
                }
                if (letGo) {
                    subscription.cancel();
                    return;
                }
                drain();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                synchronized (ChunkSubscription.this) {
                    pieces.add(item);
                    arrived();
                }
                drain();
            }

            @Override
            public void onError(Throwable throwable) {
                synchronized (ChunkSubscription.this) {
                    bodyFailure = throwable;
                    arrived();
                }
                drain();
            }

            @Override
            public void onComplete() {
                synchronized (ChunkSubscription.this) {
                    bodyEnded = true;
                    arrived();
                }
                drain();
            }

            /** Called under the lock: the server spoke, so the wait for it is over. */
            private void arrived() {
                bodyRequested = false;
                if (idleTimer != null) {
                    idleTimer.cancel(false);
                    idleTimer = null;
                }
            }
        }
    }
}
