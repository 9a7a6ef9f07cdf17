package io.monago.atrium.gateway.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Attempt;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Verdict;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Outside the audit filter, so it sees each call's verdict once the audit filter froze it: reports
 * the call to {@link GatewayMetrics}, with the gateway's own time (the call's latency less the
 * provider tries) and, for a stream, the time to its first chunk. An idempotent replay is not a new
 * call and is not counted.
 */
public final class MetricsFilter implements Filter {

    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    /**
     * Creates the filter.
     *
     * @param metrics where calls are reported
     * @param nanoTime the monotonic clock
     */
    public MetricsFilter(GatewayMetrics metrics, LongSupplier nanoTime) {
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        long start = nanoTime.getAsLong();
        return Step.proceed((ex, answer) -> {
            if (answer instanceof Answer.Chunked chunked) {
                return Future.succeededFuture(chunked.through(new StreamTimes(ex, start)));
            }
            if (!(answer instanceof Answer.Replay)) {
                ex.verdict().ifPresent(v -> metrics.call(v, gatewayTime(v, v.latencyMs())));
            }
            return Future.succeededFuture(answer);
        });
    }

    /** The gateway's share of a time: what the provider tries took is left out. */
    static Duration gatewayTime(Verdict v, double elapsedMs) {
        double provider = 0;
        for (Attempt a : v.attempts()) {
            provider += a.latencyMs();
        }
        return Duration.ofNanos(Math.max(0, Math.round((elapsedMs - provider) * 1_000_000)));
    }

    /** Times a stream's first chunk, and reports the call when the audit filter recorded it. */
    private final class StreamTimes implements ChunkTransform {
        private final Exchange exchange;
        private final long start;
        private double firstChunkMs = -1;

        StreamTimes(Exchange exchange, long start) {
            this.exchange = exchange;
            this.start = start;
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            if (firstChunkMs < 0) {
                firstChunkMs = (nanoTime.getAsLong() - start) / 1_000_000.0;
            }
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            report();
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            report();
            return Future.succeededFuture();
        }

        private void report() {
            exchange.verdict().ifPresent(v -> {
                double upToFirst = firstChunkMs >= 0 ? firstChunkMs : v.latencyMs();
                if (firstChunkMs >= 0) {
                    metrics.firstToken(
                            v.workspaceId(),
                            v.model().orElse("none"),
                            Duration.ofNanos(Math.round(firstChunkMs * 1e6)));
                }
                metrics.call(v, gatewayTime(v, upToFirst));
            });
        }
    }
}
