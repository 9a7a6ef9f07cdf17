package io.monago.atrium.gateway.limit;

import static io.monago.atrium.gateway.support.TestRedis.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.redis.RedisClients;
import io.monago.atrium.gateway.support.TestRedis;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis limit store against the real Redis: each limit checked and taken in one step,
 * reservations replaced by real usage, {@code Retry-After} to the end of the refusing window, keys
 * that expire after their window, and two stores (two instances) that cannot overspend one budget.
 */
class RedisLimitStoreTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** Tomorrow, 30 seconds before local midnight: the minute and the day both end in 30 s. */
    final Instant at = LocalDate.now(JAKARTA)
            .plusDays(1)
            .atTime(LocalTime.of(23, 59, 30))
            .atZone(JAKARTA)
            .toInstant();

    final TestRedis redis = new TestRedis();
    final RedisLimitStore store = new RedisLimitStore(redis.redis(), redis.prefix());

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    Demand demand(LimitSettings key, LimitSettings workspace, long tokens, double idr) {
        return new Demand("clinic-app", "clinic", key, workspace, tokens, idr, at, JAKARTA);
    }

    static LimitSettings rpm(long n) {
        return new LimitSettings(n, null, null, null);
    }

    static LimitSettings perDay(double idr) {
        return new LimitSettings(null, null, idr, null);
    }

    @Test
    void requestsPerMinuteRefusesTheCallOverTheLimitUntilTheMinuteEnds() {
        Demand d = demand(rpm(2), LimitSettings.NONE, 10, 0);
        assertThat(await(store.reserve(d)).refusal()).isEmpty();
        assertThat(await(store.reserve(d)).refusal()).isEmpty();

        Admission third = await(store.reserve(d));

        assertThat(third.refusal()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(r.limit()).isEqualTo("key clinic-app requests_per_minute");
            assertThat(r.retryAfterSeconds()).isEqualTo(30);
        });
    }

    @Test
    void tokensPerMinuteAreReservedBeforeAndSettledWithWhatWasUsed() {
        Demand d = demand(new LimitSettings(null, 100L, null, null), LimitSettings.NONE, 60, 0);
        assertThat(await(store.reserve(d)).refusal()).isEmpty();
        assertThat(await(store.reserve(d)).refusal())
                .hasValueSatisfying(r -> assertThat(r.limit()).isEqualTo("key clinic-app tokens_per_minute"));

        await(store.settle(d, 10, 0));

        assertThat(await(store.reserve(d)).refusal()).isEmpty();
    }

    @Test
    void aDailyBudgetRefusesUntilLocalMidnightAndAFailedCallSettledAtZeroFreesItsReservation() {
        Demand d = demand(LimitSettings.NONE, perDay(250), 5, 100);
        assertThat(await(store.reserve(d)).refusal()).isEmpty();
        assertThat(await(store.reserve(d)).refusal()).isEmpty();

        Admission refused = await(store.reserve(d));
        assertThat(refused.refusal()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
            assertThat(r.limit()).isEqualTo("workspace clinic idr_per_day");
            assertThat(r.retryAfterSeconds()).isEqualTo(30);
        });

        await(store.settle(d, 0, 0)); // the first call failed: nothing spent
        await(store.settle(d, 7, 40));

        Admission again = await(store.reserve(d));
        assertThat(again.refusal()).isEmpty();
        assertThat(again.usage().workspaceIdrToday()).isEqualTo(40.0);
        assertThat(again.usage().keyIdrMonth()).isEqualTo(40.0);
        assertThat(again.usage().keyTokensToday()).isEqualTo(7);
    }

    @Test
    void aMonthlyBudgetRefusesUntilTheMonthEnds() {
        Demand d = demand(new LimitSettings(null, null, null, 150.0), LimitSettings.NONE, 5, 100);
        assertThat(await(store.reserve(d)).refusal()).isEmpty();

        Admission refused = await(store.reserve(d));

        assertThat(refused.refusal()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
            assertThat(r.limit()).isEqualTo("key clinic-app idr_per_month");
            assertThat(r.retryAfterSeconds()).isEqualTo(Window.MONTH.secondsLeft(at, JAKARTA));
        });
    }

    @Test
    void everyKeyExpiresShortlyAfterItsWindowEnds() {
        Demand d = demand(rpm(5), perDay(1_000), 5, 10);
        await(store.reserve(d));
        await(store.settle(d, 3, 8));

        List<String> keys = redis.keys();
        assertThat(keys).isNotEmpty();
        long now = Instant.now().getEpochSecond();
        long dayEnd = at.getEpochSecond() + 30;
        long monthEnd = at.getEpochSecond() + Window.MONTH.secondsLeft(at, JAKARTA);
        for (String k : keys) {
            long ttl = redis.send(Command.TTL, k).orElseThrow().toLong();
            long expected = (k.contains(":mo") ? monthEnd : dayEnd) + RedisLimitStore.GRACE_SECONDS - now;
            assertThat(ttl).as(k).isBetween(expected - 5, expected);
        }
    }

    @Test
    void twoInstancesReservingAtOnceCannotOverspendOneBudget() {
        // Each instance has its own clients, as two gateways would.
        try (RedisClients first = new RedisClients(redis.vertx());
                RedisClients other = new RedisClients(redis.vertx())) {
            RedisLimitStore one = new RedisLimitStore(first.client(TestRedis.URL), redis.prefix());
            RedisLimitStore two = new RedisLimitStore(other.client(TestRedis.URL), redis.prefix());
            Demand d = demand(LimitSettings.NONE, perDay(255), 5, 10);
            List<Future<Admission>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                all.add((i % 2 == 0 ? one : two).reserve(d));
            }
            long admitted = all.stream()
                    .map(TestRedis::await)
                    .filter(a -> a.refusal().isEmpty())
                    .count();

            assertThat(admitted).isEqualTo(25);
        }
    }

    @Test
    void anUnreachableStoreFailsTheReservationInsteadOfAdmittingIt() {
        Redis nowhere = Redis.createClient(redis.vertx(), TestRedis.unreachableUrl());
        try {
            RedisLimitStore down = new RedisLimitStore(nowhere, redis.prefix());
            assertThatThrownBy(() -> await(down.reserve(demand(rpm(1), LimitSettings.NONE, 1, 0))))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            await(nowhere.close());
        }
    }
}
