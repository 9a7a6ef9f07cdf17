package io.monago.atrium.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A body already read whole, published as one piece: an interceptor's answer to a streaming call
 * goes through the same reader as one from the network.
 *
 * <p>Internal: not part of the public API.
 */
final class OneShotPublisher implements Flow.Publisher<List<ByteBuffer>> {

    private final byte[] bytes;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    OneShotPublisher(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(new IllegalStateException("this body has been read already"));
            return;
        }
        AtomicBoolean sent = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    if (sent.compareAndSet(false, true)) {
                        subscriber.onError(new IllegalArgumentException("request(" + n + "): must be positive"));
                    }
                    return;
                }
                if (sent.compareAndSet(false, true)) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                sent.set(true);
            }
        });
    }
}
