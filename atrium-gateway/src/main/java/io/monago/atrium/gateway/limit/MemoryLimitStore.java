package io.monago.atrium.gateway.limit;

import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.exchange.UsageSoFar;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts in this process's memory: one gateway instance, counts lost on restart. Every method
 * holds the store's lock for a few map operations, so a reservation is atomic.
 */
public final class MemoryLimitStore implements LimitStore {

    private final Map<String, Counter> counters = new HashMap<>();

    @Override
    public synchronized Future<Admission> reserve(Demand d) {
        Windows at = Windows.of(d);
        UsageSoFar before = usage(d, at);
        Optional<Admission.Refusal> refusal = check("key " + d.keyId(), "key:" + d.keyId(), d.keyLimits(), d, at)
                .or(() -> check("workspace " + d.workspaceId(), "ws:" + d.workspaceId(), d.workspaceLimits(), d, at));
        if (refusal.isEmpty()) {
            for (String scope : scopes(d)) {
                add(scope + ":requests", Window.MINUTE, at, 1);
                add(scope + ":tokens", Window.MINUTE, at, (double) d.tokens());
                add(scope + ":committed", Window.DAY, at, d.idr());
                add(scope + ":committed", Window.MONTH, at, d.idr());
            }
        }
        return Future.succeededFuture(new Admission(refusal, before));
    }

    @Override
    public synchronized Future<Void> settle(Demand d, long tokens, double idr) {
        Windows at = Windows.of(d);
        for (String scope : scopes(d)) {
            adjust(scope + ":tokens", Window.MINUTE, at, (double) (tokens - d.tokens()));
            adjust(scope + ":committed", Window.DAY, at, idr - d.idr());
            adjust(scope + ":committed", Window.MONTH, at, idr - d.idr());
            add(scope + ":used_tokens", Window.DAY, at, (double) tokens);
            add(scope + ":used_tokens", Window.MONTH, at, (double) tokens);
            add(scope + ":spent", Window.DAY, at, idr);
            add(scope + ":spent", Window.MONTH, at, idr);
        }
        return Future.succeededFuture();
    }

    private static String[] scopes(Demand d) {
        return new String[] {"key:" + d.keyId(), "ws:" + d.workspaceId()};
    }

    private Optional<Admission.Refusal> check(String who, String scope, LimitSettings l, Demand d, Windows at) {
        if (l.rpm().isPresent()
                && value(scope + ":requests", Window.MINUTE, at) + 1 > l.rpm().getAsLong()) {
            return refuse(ErrorCode.RATE_LIMIT_EXCEEDED, who + " requests_per_minute", Window.MINUTE, d);
        }
        if (l.tpm().isPresent()
                && value(scope + ":tokens", Window.MINUTE, at) + d.tokens()
                        > l.tpm().getAsLong()) {
            return refuse(ErrorCode.RATE_LIMIT_EXCEEDED, who + " tokens_per_minute", Window.MINUTE, d);
        }
        if (l.perDay().isPresent()
                && value(scope + ":committed", Window.DAY, at) + d.idr()
                        > l.perDay().get()) {
            return refuse(ErrorCode.BUDGET_EXCEEDED, who + " idr_per_day", Window.DAY, d);
        }
        if (l.perMonth().isPresent()
                && value(scope + ":committed", Window.MONTH, at) + d.idr()
                        > l.perMonth().get()) {
            return refuse(ErrorCode.BUDGET_EXCEEDED, who + " idr_per_month", Window.MONTH, d);
        }
        return Optional.empty();
    }

    private static Optional<Admission.Refusal> refuse(ErrorCode code, String limit, Window w, Demand d) {
        return Optional.of(new Admission.Refusal(code, limit, w.secondsLeft(d.at(), d.zone())));
    }

    private UsageSoFar usage(Demand d, Windows at) {
        String k = "key:" + d.keyId();
        String w = "ws:" + d.workspaceId();
        return new UsageSoFar(
                (long) value(k + ":used_tokens", Window.DAY, at),
                (long) value(k + ":used_tokens", Window.MONTH, at),
                value(k + ":spent", Window.DAY, at),
                value(k + ":spent", Window.MONTH, at),
                (long) value(w + ":used_tokens", Window.DAY, at),
                (long) value(w + ":used_tokens", Window.MONTH, at),
                value(w + ":spent", Window.DAY, at),
                value(w + ":spent", Window.MONTH, at));
    }

    private double value(String name, Window w, Windows at) {
        Counter c = counters.get(name + ":" + w);
        return c == null || c.window != at.index(w) ? 0 : c.value;
    }

    private void add(String name, Window w, Windows at, double amount) {
        long index = at.index(w);
        Counter c = counters.computeIfAbsent(name + ":" + w, n -> new Counter());
        if (c.window != index) {
            c.window = index;
            c.value = 0;
        }
        c.value += amount;
    }

    /** Corrects a reservation in its own window; once that window has passed there is nothing to correct. */
    private void adjust(String name, Window w, Windows at, double delta) {
        Counter c = counters.get(name + ":" + w);
        if (c != null && c.window == at.index(w)) {
            c.value = Math.max(0, c.value + delta);
        }
    }

    /** The windows a call falls in, worked out once per call rather than once per counter. */
    private record Windows(long minute, long day, long month) {
        static Windows of(Demand d) {
            return new Windows(
                    Window.MINUTE.index(d.at(), d.zone()),
                    Window.DAY.index(d.at(), d.zone()),
                    Window.MONTH.index(d.at(), d.zone()));
        }

        long index(Window w) {
            return switch (w) {
                case MINUTE -> minute;
                case DAY -> day;
                case MONTH -> month;
            };
        }
    }

    /** One window's running total; replaced in place when its window passes. */
    private static final class Counter {
        long window = Long.MIN_VALUE;
        double value;
    }
}
