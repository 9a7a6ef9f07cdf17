package io.monago.atrium.gateway.limit;

import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.exchange.UsageSoFar;
import io.monago.atrium.gateway.redis.LuaScript;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts in Redis, so every gateway instance that names the same Redis shares one limit and one
 * budget, and spend survives a restart of the gateway. Reserving and settling are each one Lua
 * script, run atomically by Redis: a check and its reservation cannot be split by another
 * instance's call. Windows are those of {@link MemoryLimitStore}, worked out from the call's
 * arrival on the gateway's clock in the workspace's time zone; each key is named by its window and
 * expires {@link #GRACE_SECONDS} after the window ends.
 *
 * <pre>{@code
 * LimitStore store = new RedisLimitStore(Redis.createClient(vertx, "redis://127.0.0.1:6379"), "atrium:");
 * }</pre>
 *
 * <p>A future that fails means the store could not be reached (or did not answer within
 * {@link #TIMEOUT_MS}); the limit filter then applies the workspace's {@code on_store_error}.
 */
public final class RedisLimitStore implements LimitStore {

    /** How long a script may take before Redis counts as unreachable. */
    static final long TIMEOUT_MS = 2_000;

    /** How long a key outlives its window, so a late settle still corrects its reservation. */
    static final long GRACE_SECONDS = 120;

    private static final LuaScript RESERVE = LuaScript.resource(RedisLimitStore.class, "reserve.lua", TIMEOUT_MS);
    private static final LuaScript SETTLE = LuaScript.resource(RedisLimitStore.class, "settle.lua", TIMEOUT_MS);

    private final Redis redis;
    private final String prefix;

    /**
     * Creates the store.
     *
     * @param redis the client
     * @param keyPrefix what every key starts with
     */
    public RedisLimitStore(Redis redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + "limit:";
    }

    @Override
    public Future<Admission> reserve(Demand d) {
        Windows w = Windows.of(d);
        List<String> keys = new ArrayList<>(16);
        for (String scope : scopes(d)) {
            keys.add(scope + ":requests:" + w.minute());
            keys.add(scope + ":tokens:" + w.minute());
            keys.add(scope + ":committed:" + w.day());
            keys.add(scope + ":committed:" + w.month());
            keys.add(scope + ":used_tokens:" + w.day());
            keys.add(scope + ":used_tokens:" + w.month());
            keys.add(scope + ":spent:" + w.day());
            keys.add(scope + ":spent:" + w.month());
        }
        List<String> args = new ArrayList<>(13);
        args.add(Long.toString(d.tokens()));
        args.add(number(d.idr()));
        args.add(Long.toString(w.minuteExpiry()));
        args.add(Long.toString(w.dayExpiry()));
        args.add(Long.toString(w.monthExpiry()));
        limits(args, d.keyLimits());
        limits(args, d.workspaceLimits());
        return RESERVE.run(redis, keys, args).map(r -> admission(d, r));
    }

    @Override
    public Future<Void> settle(Demand d, long tokens, double idr) {
        Windows w = Windows.of(d);
        List<String> keys = new ArrayList<>(14);
        for (String scope : scopes(d)) {
            keys.add(scope + ":tokens:" + w.minute());
            keys.add(scope + ":committed:" + w.day());
            keys.add(scope + ":committed:" + w.month());
            keys.add(scope + ":used_tokens:" + w.day());
            keys.add(scope + ":used_tokens:" + w.month());
            keys.add(scope + ":spent:" + w.day());
            keys.add(scope + ":spent:" + w.month());
        }
        List<String> args = List.of(
                Long.toString(d.tokens()),
                number(d.idr()),
                Long.toString(tokens),
                number(idr),
                Long.toString(w.dayExpiry()),
                Long.toString(w.monthExpiry()));
        return SETTLE.run(redis, keys, args).mapEmpty();
    }

    private String[] scopes(Demand d) {
        return new String[] {prefix + "key:" + d.keyId(), prefix + "ws:" + d.workspaceId()};
    }

    private static void limits(List<String> args, LimitSettings l) {
        args.add(l.rpm().isPresent() ? Long.toString(l.rpm().getAsLong()) : "");
        args.add(l.tpm().isPresent() ? Long.toString(l.tpm().getAsLong()) : "");
        args.add(l.perDay().map(RedisLimitStore::number).orElse(""));
        args.add(l.perMonth().map(RedisLimitStore::number).orElse(""));
    }

    /** Plain decimal text: what INCRBYFLOAT and Lua's tonumber both read exactly. */
    private static String number(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    private static Admission admission(Demand d, Response r) {
        UsageSoFar before = new UsageSoFar(
                (long) decimal(r, 2),
                (long) decimal(r, 3),
                decimal(r, 4),
                decimal(r, 5),
                (long) decimal(r, 6),
                (long) decimal(r, 7),
                decimal(r, 8),
                decimal(r, 9));
        String limit = r.get(0).toString();
        if (limit.isEmpty()) {
            return new Admission(Optional.empty(), before);
        }
        boolean key = r.get(1).toInteger() == 1;
        String who = key ? "key " + d.keyId() : "workspace " + d.workspaceId();
        boolean budget = limit.startsWith("idr_");
        Window window =
                limit.equals("idr_per_day") ? Window.DAY : limit.equals("idr_per_month") ? Window.MONTH : Window.MINUTE;
        return new Admission(
                Optional.of(new Admission.Refusal(
                        budget ? ErrorCode.BUDGET_EXCEEDED : ErrorCode.RATE_LIMIT_EXCEEDED,
                        who + " " + limit,
                        window.secondsLeft(d.at(), d.zone()))),
                before);
    }

    private static double decimal(Response r, int i) {
        return Double.parseDouble(r.get(i).toString());
    }

    /** The windows a call falls in, and when each one's keys expire (unix seconds). */
    private record Windows(
            String minute, String day, String month, long minuteExpiry, long dayExpiry, long monthExpiry) {
        static Windows of(Demand d) {
            long at = d.at().getEpochSecond();
            return new Windows(
                    "m" + Window.MINUTE.index(d.at(), d.zone()),
                    "d" + Window.DAY.index(d.at(), d.zone()),
                    "mo" + Window.MONTH.index(d.at(), d.zone()),
                    at + Window.MINUTE.secondsLeft(d.at(), d.zone()) + GRACE_SECONDS,
                    at + Window.DAY.secondsLeft(d.at(), d.zone()) + GRACE_SECONDS,
                    at + Window.MONTH.secondsLeft(d.at(), d.zone()) + GRACE_SECONDS);
        }
    }
}
