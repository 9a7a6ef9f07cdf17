package io.monago.atrium;

import io.monago.atrium.chat.ChatCompletionChunk;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber that requests only when the test says so, and records every signal with the thread
 * it came on.
 */
final class RecordingSubscriber implements Flow.Subscriber<ChatCompletionChunk> {

    /** One signal as received. */
    record Signal(String kind, ChatCompletionChunk chunk, Throwable error, String thread) {}

    private final long initialRequest;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final List<Signal> all = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();

    /** A subscriber that asks for {@code initialRequest} chunks as it subscribes (0 for none). */
    RecordingSubscriber(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        record("subscribe", null, null);
        subscription.complete(s);
        if (initialRequest > 0) {
            s.request(initialRequest);
        }
    }

    @Override
    public void onNext(ChatCompletionChunk item) {
        record("next", item, null);
    }

    @Override
    public void onError(Throwable throwable) {
        record("error", null, throwable);
        ended.complete(throwable);
    }

    @Override
    public void onComplete() {
        record("complete", null, null);
        ended.complete(null);
    }

    private void record(String kind, ChatCompletionChunk chunk, Throwable error) {
        Signal s = new Signal(kind, chunk, error, Thread.currentThread().getName());
        all.add(s);
        signals.add(s);
    }

    Flow.Subscription subscription() {
        return subscription.join();
    }

    void request(long n) {
        subscription().request(n);
    }

    /** The next signal after those already taken; fails after 10 s so a broken test cannot hang. */
    Signal next() throws InterruptedException {
        Signal s = signals.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no signal within 10 s; so far: " + all);
        }
        return s;
    }

    /** Waits for onComplete (null) or onError (its exception). */
    Throwable awaitEnd() throws Exception {
        return ended.get(10, TimeUnit.SECONDS);
    }

    List<Signal> all() {
        return List.copyOf(all);
    }

    List<ChatCompletionChunk> chunks() {
        return all.stream()
                .filter(s -> s.kind().equals("next"))
                .map(Signal::chunk)
                .toList();
    }

    /** Whether a signal is waiting that {@link #next()} has not taken. */
    boolean hasUntakenSignal() {
        return !signals.isEmpty();
    }
}
