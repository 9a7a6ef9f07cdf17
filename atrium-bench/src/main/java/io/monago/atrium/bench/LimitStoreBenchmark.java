package io.monago.atrium.bench;

import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.limit.Admission;
import io.monago.atrium.gateway.limit.Demand;
import io.monago.atrium.gateway.limit.LimitStore;
import io.monago.atrium.gateway.limit.MemoryLimitStore;
import io.monago.atrium.gateway.limit.RedisLimitStore;
import io.monago.atrium.gateway.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the limit check adds to a call: one reservation (every limit of a key and its workspace
 * checked and taken) and its settlement, in memory and in Redis ({@code ATRIUM_BENCH_REDIS}, default
 * {@code redis://127.0.0.1:6379}), each waited for, as a call waits for them. The limits are set
 * high so every call is admitted and both scripts run whole. The keys it writes are deleted after.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LimitStoreBenchmark {

    /** Which store: {@code memory} or {@code redis}. */
    @Param({"memory", "redis"})
    public String store;

    private Vertx vertx;
    private RedisClients clients;
    private LimitStore limits;
    private String prefix;

    /** Opens the store. */
    @Setup
    public void setUp() {
        if (store.equals("redis")) {
            String url = System.getenv().getOrDefault("ATRIUM_BENCH_REDIS", "redis://127.0.0.1:6379");
            vertx = Vertx.vertx();
            clients = new RedisClients(vertx);
            prefix = "atrium-bench:" + UUID.randomUUID() + ":";
            limits = new RedisLimitStore(clients.client(url), prefix);
        } else {
            limits = new MemoryLimitStore();
        }
    }

    /** Deletes what the run wrote and closes the client. */
    @TearDown
    public void tearDown() {
        if (clients == null) {
            return;
        }
        Redis redis = clients.client(System.getenv().getOrDefault("ATRIUM_BENCH_REDIS", "redis://127.0.0.1:6379"));
        String cursor = "0";
        do {
            Response r = join(redis.send(Request.cmd(Command.SCAN)
                    .arg(cursor)
                    .arg("MATCH")
                    .arg(prefix + "*")
                    .arg("COUNT")
                    .arg(1000)));
            cursor = r.get(0).toString();
            for (Response k : r.get(1)) {
                join(redis.send(Request.cmd(Command.DEL).arg(k.toString())));
            }
        } while (!cursor.equals("0"));
        clients.close();
        join(vertx.close());
    }

    /** {@return the admission, so the work is not optimised away} One call's reserve and settle. */
    @Benchmark
    public Admission reserveAndSettle() {
        Demand d = new Demand(
                "clinic-app",
                "clinic",
                new LimitSettings(1_000_000_000L, 1_000_000_000_000L, 1e15, null),
                new LimitSettings(null, null, null, 1e15),
                1_100,
                330_000,
                Instant.now(),
                ZoneId.of("Asia/Jakarta"));
        Admission a = join(limits.reserve(d));
        join(limits.settle(d, 120, 36_000));
        return a;
    }

    private static <T> T join(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }
}
