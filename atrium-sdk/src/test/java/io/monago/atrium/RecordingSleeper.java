package io.monago.atrium;

import io.monago.atrium.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits the retry loop asks for and returns at once. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        waits.add(duration);
        return CompletableFuture.completedFuture(null);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
